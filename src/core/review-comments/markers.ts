import { createHash } from 'node:crypto';

/**
 * Hidden HTML comments that let a later run recognise what an earlier run
 * posted. Only hex digits ever go inside them, so nothing taken from a
 * manifest can close the comment early or forge another marker.
 */

export const SUMMARY_MARKER = '<!-- serviceentry-guard:summary -->';

const INLINE_MARKER = /<!-- serviceentry-guard:inline ([0-9a-f.,]+) -->/g;
const KEY_SHAPE = /^[0-9a-f]{16}\.[0-9a-f]{12}$/;

/**
 * The identity of one inline remark: this finding, about this entry. A new
 * entry joining an already-commented collision gets a key of its own, while
 * line moves and unrelated edits keep the old one.
 */
export function inlineKey(findingId: string, entryRef: string): string {
  const finding = /^[0-9a-f]{16}$/.test(findingId) ? findingId : digest(findingId, 16);
  return `${finding}.${digest(entryRef, 12)}`;
}

export function inlineMarker(keys: readonly string[]): string {
  return `<!-- serviceentry-guard:inline ${keys.join(',')} -->`;
}

/** Every key any of our inline markers in the body carries. */
export function readInlineKeys(body: string): string[] {
  return [...body.matchAll(INLINE_MARKER)].flatMap((m) => (m[1] ?? '').split(',')).filter((k) => KEY_SHAPE.test(k));
}

export function hasSummaryMarker(body: string): boolean {
  return body.includes(SUMMARY_MARKER);
}

function digest(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/** Marks one review by the set of comments it carries, so a retry can find it if it already landed. */
export function reviewMarker(keys: readonly string[], commitId: string): string {
  return `<!-- serviceentry-guard:review ${digest(`${commitId}\n${[...keys].sort().join('\n')}`, 16)} -->`;
}
