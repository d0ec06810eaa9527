import { formatLocation, type Diagnostic, type Finding } from '../model.js';
import type { SuppressedFinding } from '../suppressions/suppression.js';
import type { ReviewSuppressions } from '../review/settle-review.js';
import type { CheckOutcome } from '../outcome/check-outcome.js';
import { escapeMarkdown, inlineCode } from './escape.js';

/**
 * What the run set aside (suppressed or already in the baseline), listed
 * after the findings in text and markdown, so nothing is ever dropped silently.
 * Empty when nothing was set aside.
 */
export function renderSetAsideText(outcome: CheckOutcome): string {
  const out: string[] = [];
  if (outcome.suppressed.length > 0) {
    out.push(`Suppressed (${outcome.suppressed.length}): accepted, not counted.`);
    for (const s of outcome.suppressed) {
      out.push(`  ${headline(s.finding)}`);
      for (const x of s.suppressions) out.push(`    ${x.source} ${oneLine(x.entry)}${x.expires ? ` until ${x.expires}` : ''}${x.location ? ` at ${formatLocation(x.location)}` : ''}: ${oneLine(x.reason)}`);
    }
  }
  if (outcome.baseline) {
    const { baselined, grown } = outcome.baseline;
    out.push(`Baseline: ${baselined.length} known finding${baselined.length === 1 ? '' : 's'} not counted; ${Object.keys(grown).length} known finding${Object.keys(grown).length === 1 ? '' : 's'} with new entries counted again.`);
    for (const f of baselined) out.push(`  ${headline(f)}`);
    for (const [id, refs] of Object.entries(grown)) out.push(`  [${id}] new entries since the baseline: ${refs.map(oneLine).join(', ')}`);
  }
  return out.join('\n');
}

/** Suppression diagnostics are about the repository's decisions, not unreadable files: markdown lists them here. */
export function isSuppressionDiagnostic(d: Diagnostic): boolean {
  return d.code.startsWith('suppression-');
}

export function renderSetAsideMarkdown(outcome: CheckOutcome): string {
  const sections: string[] = [];
  const problems = outcome.diagnostics.filter(isSuppressionDiagnostic);
  if (problems.length > 0) {
    sections.push([
      `#### Suppressions to look at (${problems.length})`,
      '',
      ...problems.map((d) => `- ${d.severity} ${escapeMarkdown(formatLocation(d.location))}: ${escapeMarkdown(d.message)} <sub>${inlineCode(d.code)}</sub>`),
    ].join('\n'));
  }
  if (outcome.suppressed.length > 0) {
    sections.push([
      `#### Suppressed (${outcome.suppressed.length})`,
      '',
      '| rule | listener | entries | suppressed by | reason |',
      '| --- | --- | --- | --- | --- |',
      ...outcome.suppressed.map(row),
    ].join('\n'));
  }
  if (outcome.baseline && outcome.baseline.baselined.length > 0) {
    sections.push([
      `#### In the baseline (${outcome.baseline.baselined.length}), not counted`,
      '',
      ...outcome.baseline.baselined.map((f) => `- ${inlineCode(f.rule)} on ${inlineCode(f.listener)}: ${f.entries.slice(0, 5).map((e) => inlineCode(e.ref)).join(', ')}${f.entries.length > 5 ? ` and ${f.entries.length - 5} more` : ''} <sub>id ${inlineCode(f.id)}</sub>`),
    ].join('\n'));
  }
  return sections.join('\n\n');
}

function row(s: SuppressedFinding): string {
  const f = s.finding;
  const refs = `${f.entries.slice(0, 5).map((e) => inlineCode(e.ref)).join('<br>')}${f.entries.length > 5 ? `<br>and ${f.entries.length - 5} more` : ''}`;
  const by = s.suppressions.map((x) => `${x.source} ${inlineCode(x.entry)}${x.expires ? ` until ${x.expires}` : ''}`).join('<br>');
  const reasons = s.suppressions.map((x) => escapeMarkdown(x.reason)).join('<br>');
  return `| ${inlineCode(f.rule)} | ${inlineCode(f.listener)} | ${refs} | ${by} | ${reasons} |`;
}

function headline(f: Finding): string {
  return `${f.severity} ${f.rule} ${f.listener} [${f.id}]: ${f.entries.slice(0, 5).map((e) => oneLine(e.ref)).join(', ')}${f.entries.length > 5 ? ` and ${f.entries.length - 5} more` : ''}`;
}

/** Control characters from a manifest must not reach the terminal. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
}

/**
 * A review's suppressions: what the change adds is named first, and a finding
 * the change brings in that only its own new suppression keeps quiet is
 * called out, so a pull request never silences itself unnoticed.
 */
export function renderReviewSuppressionsMarkdown(s: ReviewSuppressions | undefined): string {
  if (!s || (s.suppressed.length === 0 && s.added.length === 0)) return '';
  const sections: string[] = [];
  if (s.silencedByChange.length > 0) {
    sections.push([
      `#### ⚠️ This change silences ${s.silencedByChange.length === 1 ? 'a finding it introduces' : `${s.silencedByChange.length} findings it introduces`} with a suppression it adds`,
      '',
      'A reviewer accepts these collisions by approving this change; they are not counted against the check.',
      '',
      '| rule | listener | entries | suppressed by | reason |',
      '| --- | --- | --- | --- | --- |',
      ...s.silencedByChange.map(row),
    ].join('\n'));
  }
  const others = s.suppressed.filter((x) => !s.silencedByChange.includes(x));
  if (others.length > 0) {
    sections.push(['#### Suppressed (' + others.length + '), by suppressions already on the base branch', '', '| rule | listener | entries | suppressed by | reason |', '| --- | --- | --- | --- | --- |', ...others.map(row)].join('\n'));
  }
  if (s.added.length > 0) {
    sections.push([
      `#### Suppressions this change adds (${s.added.length})`,
      '',
      ...s.added.map((x) => `- ${x.source} ${inlineCode(x.rule)} for ${inlineCode(x.entry)}${x.expires ? ` until ${x.expires}` : ''}${x.location ? ` at ${escapeMarkdown(formatLocation(x.location))}` : ''}: ${escapeMarkdown(x.reason)}`),
    ].join('\n'));
  }
  return sections.join('\n\n');
}

export function renderReviewSuppressionsText(s: ReviewSuppressions | undefined): string[] {
  if (!s || (s.suppressed.length === 0 && s.added.length === 0)) return [];
  const silenced = new Set(s.silencedByChange);
  return [
    ...(s.suppressed.length > 0 ? [`== Suppressed (${s.suppressed.length}): accepted, not counted`] : []),
    ...s.suppressed.flatMap((x) => [
      `  ${silenced.has(x) ? 'WARNING: silenced by a suppression this change adds: ' : ''}${headline(x.finding)}`,
      ...x.suppressions.map((y) => `    ${y.source} ${oneLine(y.entry)}${y.expires ? ` until ${y.expires}` : ''}: ${oneLine(y.reason)}`),
    ]),
    ...(s.added.length > 0 ? [`== Suppressions this change adds (${s.added.length})`] : []),
    ...s.added.map((y) => `  ${y.source} ${y.rule} for ${oneLine(y.entry)}${y.location ? ` at ${formatLocation(y.location)}` : ''}: ${oneLine(y.reason)}`),
    '',
  ];
}
