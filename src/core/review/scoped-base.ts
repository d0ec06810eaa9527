/**
 * The base side of a review, analysed only where the change reaches (see
 * change-scope). On the scope's ports the base's findings come from
 * analysing the entries that decide them; elsewhere the base's findings are
 * the head's own, since their inputs are the same on both sides. The result
 * stands in for the full base analysis wherever findings are compared by id,
 * members, roles and severity: classification, fix verification.
 *
 * Its findings' text is not the full analysis's (no version notes on the
 * scope's ports, the head's notes elsewhere), and it has no diagnostics: a
 * review shows neither for the base, except a resolved finding, which is a
 * base finding shown as it is. So a review that resolves anything analyses
 * the base again in full (see reviewSides).
 */
import { analyze } from '../analysis/analyze.js';
import { compareFindings } from '../analysis/findings.js';
import type { AnalysisResult, LoadResult, MeshOptions } from '../model.js';
import type { ChangeScope } from './change-scope.js';

export interface ScopedBaseOptions {
  mesh: Partial<MeshOptions>;
  meshName?: string;
}

export function scopedBaseAnalysis(baseLoaded: LoadResult, head: AnalysisResult, scope: ChangeScope, options: ScopedBaseOptions): AnalysisResult {
  const inScope = (f: { port: number }) => scope.ports.has(f.port);
  const within = analyze({ entries: scope.baseSubset, sidecars: baseLoaded.sidecars, diagnostics: [] }, { mesh: options.mesh, meshName: options.meshName, versionNotes: false });
  const findings = [...within.findings.filter(inScope), ...head.findings.filter((f) => !inScope(f))].sort(compareFindings);
  return { findings, diagnostics: [], entryCount: baseLoaded.entries.length };
}
