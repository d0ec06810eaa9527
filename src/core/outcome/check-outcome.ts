import type { AnalysisResult, Diagnostic, Finding } from '../model.js';
import { compareWithBaseline, type Baseline } from '../baseline/baseline.js';
import { applySuppressions } from '../suppressions/apply-suppressions.js';
import type { SuppressedFinding, Suppression } from '../suppressions/suppression.js';

/** A check run after suppressions and the baseline: what counts, and what was set aside and why. */
export interface CheckOutcome {
  /** Findings that count against the run. */
  findings: readonly Finding[];
  /** Accepted by suppressions: always listed, never dropped. */
  suppressed: readonly SuppressedFinding[];
  diagnostics: readonly Diagnostic[];
  entryCount: number;
  /** Present when a baseline was compared: findings it already held, and entries new to known findings. */
  baseline?: { baselined: readonly Finding[]; grown: Readonly<Record<string, string[]>> };
}

export interface SettleOptions {
  /** From entry annotations (suppressionsFromEntries) and the config file. */
  suppressions: readonly Suppression[];
  baseline?: Baseline;
  /** `YYYY-MM-DD`, UTC: decides which suppressions have expired. */
  today: string;
}

/** Suppressions first (a decision with a reason), then the baseline (what was there before). */
export function settleFindings(result: AnalysisResult, options: SettleOptions): CheckOutcome {
  const suppressed = applySuppressions(result.findings, options.suppressions, { today: options.today });
  const diagnostics = [...result.diagnostics, ...suppressed.diagnostics];
  if (!options.baseline) return { findings: suppressed.findings, suppressed: suppressed.suppressed, diagnostics, entryCount: result.entryCount };
  const compared = compareWithBaseline(suppressed.findings, options.baseline);
  return {
    findings: compared.findings,
    suppressed: suppressed.suppressed,
    diagnostics,
    entryCount: result.entryCount,
    baseline: { baselined: compared.baselined, grown: compared.grown },
  };
}
