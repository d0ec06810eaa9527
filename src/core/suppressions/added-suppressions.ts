import { suppressionKey, type SuppressedFinding, type Suppression } from './suppression.js';

/**
 * Suppressions the head side has and the base side had not (new ones, and
 * changed reasons, rules, globs or expiry dates), so a review can say that a
 * pull request accepts findings instead of fixing them.
 */
export function addedSuppressions(base: readonly Suppression[], head: readonly Suppression[]): Suppression[] {
  const before = new Set(base.map(suppressionKey));
  return head.filter((s) => !before.has(suppressionKey(s)));
}

/** Suppressed findings that only stay quiet because of a suppression the change adds. */
export function silencedByAdded(suppressed: readonly SuppressedFinding[], added: readonly Suppression[]): SuppressedFinding[] {
  const keys = new Set(added.map(suppressionKey));
  return suppressed.filter((s) => s.suppressions.some((x) => keys.has(suppressionKey(x))));
}
