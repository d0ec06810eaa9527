import type { Finding, SourceLocation } from '../model.js';

/**
 * A decision that a rule's findings about some entries are accepted, and why.
 * Written on an entry (annotation) or in the repository config file; both end up here.
 */
export interface Suppression {
  /** A rule name (RuleCode); an unknown name suppresses nothing and is reported. */
  rule: string;
  /** Glob over entry refs `namespace/name` (`egress/*`); an annotation names its own entry exactly. */
  entry: string;
  /** Why the finding is accepted. Required: a suppression without one suppresses nothing. */
  reason: string;
  /** `YYYY-MM-DD` (UTC): from this day on the suppression no longer applies. */
  expires?: string;
  source: 'annotation' | 'config';
  /** Where it was written, for diagnostics and review comments. */
  location?: SourceLocation;
}

/** A finding that is not counted against the run, with the suppressions that cover its entries. */
export interface SuppressedFinding {
  finding: Finding;
  suppressions: Suppression[];
}

/** Two suppressions are the same decision when everything but where they sit matches. */
export function suppressionKey(s: Suppression): string {
  return JSON.stringify([s.source, s.rule, s.entry, s.reason.trim(), s.expires ?? '']);
}

export function describeSuppression(s: Suppression): string {
  const where = s.source === 'annotation' ? `annotation on ${s.entry}` : `config suppression for ${s.entry}`;
  return `${where} (${s.rule}${s.expires ? `, until ${s.expires}` : ''}): ${s.reason.trim() || 'no reason given'}`;
}
