/**
 * The base side of a review, analysed only where the change reaches (see
 * change-scope). On the scope's ports the base's findings come from
 * analysing the entries that decide them; elsewhere the base's findings are
 * the head's own, since their inputs are the same on both sides. The result
 * stands in for the full base analysis wherever findings are compared by id,
 * members, roles and severity: classification, fix verification.
 *
 * On the scope's ports its findings have no text at all (they are made for
 * comparison: no explanation, fixes or fingerprint, members unsorted), the
 * head's findings elsewhere keep theirs, and it has no diagnostics: a review
 * shows neither for the base, except a resolved finding, which is a base
 * finding shown as the full analysis words it (see `resolvedAsInFull`).
 */
import { analyze, hasHostCopies } from '../analysis/analyze.js';
import { compareFindings } from '../analysis/findings.js';
import { istioProfile } from '../analysis/istio-version.js';
import { versionsToCompare } from '../analysis/version-dependence.js';
import { DEFAULT_MESH_OPTIONS, type AnalysisResult, type Finding, type LoadResult, type MeshOptions } from '../model.js';
import type { ChangeScope } from './change-scope.js';

export interface ScopedBaseOptions {
  mesh: Partial<MeshOptions>;
  meshName?: string;
}

export function scopedBaseAnalysis(baseLoaded: LoadResult, head: AnalysisResult, scope: ChangeScope, options: ScopedBaseOptions): AnalysisResult {
  const inScope = (f: { port: number }) => scope.ports.has(f.port);
  const within = analyze(subsetOf(baseLoaded, scope), { mesh: options.mesh, meshName: options.meshName, versionNotes: false, forComparison: true });
  const findings = [...within.findings.filter(inScope), ...head.findings.filter((f) => !inScope(f))].sort(compareFindings);
  return { findings, diagnostics: [], entryCount: baseLoaded.entries.length };
}

/**
 * Resolved findings (all on the scope's ports: elsewhere every base finding
 * has its twin in the head) as the full base analysis words them, version
 * notes included; undefined when only the full analysis can tell. A note
 * names the releases analysed again and the rules they changed, chosen from
 * all the entries (versionsToCompare): the scope's entries give the same
 * notes only when they lead to the same choice.
 */
export function resolvedAsInFull(resolved: readonly Finding[], baseLoaded: LoadResult, scope: ChangeScope, options: ScopedBaseOptions): Finding[] | undefined {
  const mesh: MeshOptions = { ...DEFAULT_MESH_OPTIONS, ...options.mesh };
  const profile = istioProfile(mesh.istioVersion);
  const subset = subsetOf(baseLoaded, scope);
  const versions = (loaded: LoadResult) => JSON.stringify(versionsToCompare({ loaded, mesh, profile, hasHostCopies: hasHostCopies(loaded.entries, mesh) }));
  if (versions(subset) !== versions(baseLoaded)) return undefined;
  const byId = new Map(analyze(subset, { mesh: options.mesh, meshName: options.meshName }).findings.map((f) => [f.id, f]));
  const worded = resolved.map((f) => byId.get(f.id));
  return worded.every((f): f is Finding => f !== undefined) ? worded : undefined;
}

function subsetOf(baseLoaded: LoadResult, scope: ChangeScope): LoadResult {
  return { entries: scope.baseSubset, sidecars: baseLoaded.sidecars, diagnostics: [] };
}
