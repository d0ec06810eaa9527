import { entryRef, type ServiceEntry } from '../model.js';
import type { Suppression } from './suppression.js';

/**
 * Reads the `serviceentry-guard.io/ignore` annotation of each entry: one
 * `<rule>: <reason>` per line, so an entry can accept several rules. A line
 * without a reason still becomes a suppression (with an empty reason), so
 * that applySuppressions reports it rather than it vanishing here.
 */
export function suppressionsFromEntries(entries: readonly ServiceEntry[]): Suppression[] {
  const out: Suppression[] = [];
  for (const entry of entries) {
    if (!entry.ignoreAnnotation) continue;
    for (const line of entry.ignoreAnnotation.value.split('\n')) {
      if (line.trim() === '') continue;
      const colon = line.indexOf(':');
      out.push({
        rule: (colon < 0 ? line : line.slice(0, colon)).trim(),
        entry: entryRef(entry),
        reason: colon < 0 ? '' : line.slice(colon + 1).trim(),
        source: 'annotation',
        location: entry.ignoreAnnotation.location,
      });
    }
  }
  return out;
}
