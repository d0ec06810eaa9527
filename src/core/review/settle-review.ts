/**
 * Suppressions in a review. The head's suppressions (entry annotations and
 * the config file's list) accept introduced findings, which are then listed,
 * not counted; and every suppression the change itself adds is named, with
 * the findings it silences called out, so a pull request cannot quietly
 * accept its own collision.
 */
import { addedSuppressions, silencedByAdded } from '../suppressions/added-suppressions.js';
import { applySuppressions } from '../suppressions/apply-suppressions.js';
import type { SuppressedFinding, Suppression } from '../suppressions/suppression.js';
import type { ReviewReport } from './review-change.js';

export interface ReviewSuppressions {
  /** Introduced findings every entry of which a head suppression covers: listed, not counted. */
  suppressed: SuppressedFinding[];
  /** Suppressions the head has and the base had not. */
  added: Suppression[];
  /** Of the suppressed findings, those only a suppression this change adds keeps quiet. */
  silencedByChange: SuppressedFinding[];
}

export function settleReview(report: ReviewReport, sides: { base: readonly Suppression[]; head: readonly Suppression[] }, today: string): ReviewReport {
  const applied = applySuppressions(report.introduced.map((c) => c.finding), sides.head, { today });
  const kept = new Set(applied.findings.map((f) => f.id));
  const added = addedSuppressions(sides.base, sides.head);
  const suppressions: ReviewSuppressions = { suppressed: applied.suppressed, added, silencedByChange: silencedByAdded(applied.suppressed, added) };
  return {
    ...report,
    introduced: report.introduced.filter((c) => kept.has(c.finding.id)),
    diagnostics: [...report.diagnostics, ...applied.diagnostics],
    suppressions,
  };
}
