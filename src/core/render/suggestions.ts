import type { FixSuggestion } from '../fixes/suggest-fixes.js';
import type { LineChange } from '../fixes/line-changes.js';
import { codeFence, escapeMarkdown, inlineCode } from './escape.js';

/** A ```suggestion block GitHub can commit in one click: the replacement for the commented lines. */
export function suggestionBlock(change: LineChange): string {
  const body = change.replacementLines.join('\n');
  const fence = codeFence(body);
  return `${fence}suggestion\n${body}\n${fence}`;
}

/** The same change as a ```diff block, for lines outside the pull request's diff. */
export function diffBlock(change: LineChange): string {
  const body = [
    `@@ ${change.path} lines ${change.startLine}-${change.endLine} @@`,
    ...change.originalLines.map((l) => `-${l}`),
    ...change.replacementLines.map((l) => `+${l}`),
  ].join('\n');
  const fence = codeFence(body);
  return `${fence}diff\n${body}\n${fence}`;
}

/** Every verified fix of a finding, each with its cost and a diff per file. */
export function suggestionsSection(suggestions: readonly FixSuggestion[]): string {
  if (suggestions.length === 0) return '';
  return [
    '**Verified fixes** (each was applied to the head set and re-analysed: this collision is gone, nothing new appears, and the manifest passes the ServiceEntry CRD schema and CEL rules):',
    '',
    ...suggestions.map((s, i) => [
      `${i + 1}. ${escapeMarkdown(s.title)} (${inlineCode(s.kind)}). *Cost:* ${escapeMarkdown(s.cost)}`,
      '',
      ...s.changes.map((c) => indent(diffBlock(c))),
    ].join('\n')),
  ].join('\n');
}

function indent(block: string): string {
  return block.split('\n').map((l) => `   ${l}`).join('\n');
}
