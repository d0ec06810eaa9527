import { SEVERITY_RANK, type Diagnostic, type Finding, type Severity } from '../model.js';
import type { ReviewReport } from '../review/review-change.js';
import type { MeshSummary } from '../analysis/analyze-meshes.js';
import { omittedCaptureEntries, toJsonFinding, type JsonFinding } from './json-findings.js';

/** Bumped whenever a field changes meaning or goes away; new fields do not bump it. */
export const JSON_REPORT_VERSION = 2;

export interface JsonCheckReport {
  version: number;
  kind: 'check';
  entryCount: number;
  counts: Record<Severity, number>;
  findings: JsonFinding[];
  diagnostics: Diagnostic[];
  /** How the repository was split: each mesh, why it exists, and how many ServiceEntries it holds. */
  meshes?: MeshSummary[];
}

export interface JsonReviewReport {
  version: number;
  kind: 'review';
  baseEntryCount: number;
  headEntryCount: number;
  counts: { introduced: number; resolved: number; existing: number };
  introduced: Array<JsonFinding & { newEntryRefs: string[] }>;
  resolved: JsonFinding[];
  existing: JsonFinding[];
  /** Verified fixes per introduced finding id, best first. */
  suggestions: ReviewReport['suggestions'];
  /** Per introduced finding id without a verified fix: why its rendered entries get no source edit. */
  fixNotes?: Record<string, string>;
  diagnostics: Diagnostic[];
  /** The head side's meshes, when the review was split into meshes. */
  meshes?: MeshSummary[];
}

export function toJsonCheckReport(findings: readonly Finding[], diagnostics: readonly Diagnostic[], entryCount: number, meshes?: readonly MeshSummary[]): JsonCheckReport {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const omitted = omittedCaptureEntries(findings);
  return { version: JSON_REPORT_VERSION, kind: 'check', entryCount, counts, findings: findings.map((f) => toJsonFinding(f, omitted.get(f))), diagnostics: [...diagnostics], ...(meshes ? { meshes: [...meshes] } : {}) };
}

export function toJsonReviewReport(report: ReviewReport): JsonReviewReport {
  // Each side's findings list the candidates the other findings of that side omit: resolved ones are the base's.
  const head = omittedCaptureEntries([...report.introduced, ...report.existing].map((c) => c.finding));
  const base = omittedCaptureEntries(report.resolved.map((c) => c.finding));
  const asJson = (f: Finding) => toJsonFinding(f, head.get(f) ?? base.get(f));
  return {
    version: JSON_REPORT_VERSION,
    kind: 'review',
    baseEntryCount: report.baseEntryCount,
    headEntryCount: report.headEntryCount,
    counts: { introduced: report.introduced.length, resolved: report.resolved.length, existing: report.existing.length },
    introduced: report.introduced.map((c) => ({ ...asJson(c.finding), newEntryRefs: c.newEntryRefs })),
    resolved: report.resolved.map((c) => asJson(c.finding)),
    existing: report.existing.map((c) => asJson(c.finding)),
    suggestions: report.suggestions,
    ...(report.fixNotes ? { fixNotes: report.fixNotes } : {}),
    diagnostics: report.diagnostics,
    ...(report.meshes ? { meshes: report.meshes } : {}),
    ...(report.suppressions ? {
      suppressed: report.suppressions.suppressed.map((x) => ({ finding: asJson(x.finding), suppressions: x.suppressions })),
      addedSuppressions: report.suppressions.added,
      silencedByChange: report.suppressions.silencedByChange.map((x) => x.finding.id),
    } : {}),
  };
}

export function atOrAbove(findings: readonly Finding[], level: Severity | 'never'): Finding[] {
  if (level === 'never') return [];
  return findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[level]);
}
