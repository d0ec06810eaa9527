import { analyze } from '../analysis/analyze.js';
import { sharedLoader, withGroups, type MeshSummary } from '../analysis/analyze-meshes.js';
import type { MeshSourceGroup } from '../repository/load-mesh.js';
import { suppressionsFromEntries } from '../suppressions/from-annotations.js';
import type { Suppression } from '../suppressions/suppression.js';
import type { ReviewSuppressions } from './settle-review.js';
import type { MeshSettings } from '../repository/mesh-plan.js';
import { entryRef, type Diagnostic, type LoadResult, type MeshOptions, type Severity, type SourceFile } from '../model.js';
import { applyChanges, type ChangedFile } from './apply-changes.js';
import { classifyFindings, introducesAtLeast, type Classification } from '../classify/classify-findings.js';
import { suggestFixes, type FixSuggestion, type ManifestValidator } from '../fixes/suggest-fixes.js';
import { collectUsedAddresses } from '../fixes/vip-pool.js';
import { renderedFixNote, renderedSourcesOf } from '../fixes/rendered-sources.js';
import { changeScope } from './change-scope.js';
import { resolvedAsInFull, scopedBaseAnalysis } from './scoped-base.js';

export type { ChangedFile } from './apply-changes.js';
export type { ClassifiedFinding, FindingStatus } from '../classify/classify-findings.js';

export interface ReviewInput {
  /** The base branch's full set of candidate files, not only the changed ones. */
  baseFiles: SourceFile[];
  changes: ChangedFile[];
  defaultNamespace: string;
  mesh?: Partial<MeshOptions>;
  maxFileBytes?: number;
  /**
   * Propose verified fixes for introduced findings; off when absent. `wholeVerification` verifies each
   * candidate against the whole repository instead of the part it can affect: the same verdicts, slower;
   * the reference the tests hold the scoped verification to.
   */
  fixes?: { vipPool?: string; validate: ManifestValidator; wholeVerification?: boolean };
}

export interface ReviewReport extends Classification {
  /** Problems reading the head set's files. */
  diagnostics: Diagnostic[];
  /** Paths the change touches, so readers can tell its own bad files from old ones. */
  changedPaths: string[];
  baseEntryCount: number;
  headEntryCount: number;
  headFiles: SourceFile[];
  /** Verified fixes per introduced finding id, best first. */
  suggestions: Record<string, FixSuggestion[]>;
  /** Per introduced finding id without a fix: why its rendered entries get no source edit (Helm, a kustomize patch). */
  fixNotes?: Record<string, string>;
  /** The head side's meshes, when the review was split into meshes. */
  meshes?: MeshSummary[];
  /** `serviceentry-guard.io/ignore` annotations of each side's entries. */
  annotationSuppressions?: { base: Suppression[]; head: Suppression[] };
  /** What suppressions did to this review (see settle-review.ts); absent until settled. */
  suppressions?: ReviewSuppressions;
}

/** Both sides of one mesh, already selected: what `reviewSides` compares. */
export interface SidesInput {
  baseFiles: readonly SourceFile[];
  headFiles: SourceFile[];
  /** Rendered manifests (Kustomize, Helm) and inputs with their own namespace rules, per side. */
  baseGroups?: readonly MeshSourceGroup[];
  headGroups?: readonly MeshSourceGroup[];
  changes: readonly ChangedFile[];
  base: MeshSettings;
  head: MeshSettings;
  /** Names the findings (default: `default`). */
  meshName?: string;
  fixes?: ReviewInput['fixes'];
  /** Parses a file once for both sides (and across meshes). */
  load: (files: readonly SourceFile[], defaultNamespace: string) => LoadResult;
  /** Analyse the base side in full even where the change's scope would do: the reference the scoped base is tested against. */
  fullBase?: boolean;
}

/**
 * Analyses the base set and the head set (base plus the change) and says what
 * the change introduces, resolves, and leaves as it was. Files the change does
 * not touch are parsed once and shared by both sides.
 */
export function reviewChange(input: ReviewInput): ReviewReport {
  const settings: MeshSettings = { defaultNamespace: input.defaultNamespace, mesh: input.mesh ?? {} };
  return reviewSides({
    baseFiles: input.baseFiles,
    headFiles: applyChanges(input.baseFiles, input.changes),
    changes: input.changes,
    base: settings,
    head: settings,
    fixes: input.fixes,
    load: sharedLoader(input.maxFileBytes),
  });
}

/** The review of one mesh whose base and head files are known; each side analysed with its own settings. */
export function reviewSides(input: SidesInput): ReviewReport {
  const load = input.load;
  const headFiles = input.headFiles;
  const baseLoaded = withGroups(load(input.baseFiles, input.base.defaultNamespace), input.baseGroups);
  const headLoaded = withGroups(load(headFiles, input.head.defaultNamespace), input.headGroups);
  const baseRefs = new Set(baseLoaded.entries.map(entryRef));
  const newEntryRefs = new Set(headLoaded.entries.map(entryRef).filter((ref) => !baseRefs.has(ref)));

  const head = analyze(headLoaded, { mesh: input.head.mesh, meshName: input.meshName, newEntryRefs });
  const changedPaths = new Set(input.changes.map((c) => c.path));
  const changedRefs = new Set(headLoaded.entries.filter((e) => changedPaths.has(e.location.path)).map(entryRef));
  const fullBase = () => analyze(baseLoaded, { mesh: input.base.mesh, meshName: input.meshName });
  // The base is analysed only on the ports the change reaches, where that is exact (see change-scope), and only
  // for comparison: even a scope that reaches every entry (one busy port) saves wording what the review never shows.
  const scope = input.fullBase ? undefined : changeScope(baseLoaded, headLoaded, input);
  const scoped = scope !== undefined;
  let base = scoped ? scopedBaseAnalysis(baseLoaded, head, scope, { mesh: input.base.mesh, meshName: input.meshName }) : fullBase();
  let classification = classifyFindings(base, head, changedRefs, newEntryRefs);
  if (scoped && classification.resolved.length > 0) {
    // A resolved finding is the base's own, shown with its version notes as the full analysis words them.
    const worded = resolvedAsInFull(classification.resolved.map((c) => c.finding), baseLoaded, scope, { mesh: input.base.mesh, meshName: input.meshName });
    if (worded) {
      classification = { ...classification, resolved: classification.resolved.map((c, i) => ({ ...c, finding: worded[i]! })) };
    } else {
      base = fullBase();
      classification = classifyFindings(base, head, changedRefs, newEntryRefs);
    }
  }
  const suggestions: Record<string, FixSuggestion[]> = {};
  const fixNotes: Record<string, string> = {};
  if (input.fixes && classification.introduced.length > 0) {
    const rendered = renderedSourcesOf(input.headGroups ?? []);
    const context = { baseLoaded, headLoaded, headFiles, newEntryRefs, defaultNamespace: input.head.defaultNamespace, mesh: input.head.mesh, baseMesh: input.base.mesh, meshName: input.meshName, vipPool: input.fixes.vipPool, validate: input.fixes.validate, baseAnalysis: base, headAnalysis: head, headIntroduced: new Set(classification.introduced.map((c) => c.finding.id)), rendered, wholeVerification: input.fixes.wholeVerification === true };
    const used = collectUsedAddresses(headLoaded.entries);
    for (const c of classification.introduced) {
      suggestions[c.finding.id] = suggestFixes(c.finding, c.newEntryRefs, context, used);
      const note = suggestions[c.finding.id]!.length === 0 ? renderedFixNote(c.finding, rendered) : undefined;
      if (note) fixNotes[c.finding.id] = note;
    }
  }
  return {
    ...classification,
    suggestions,
    ...(Object.keys(fixNotes).length > 0 ? { fixNotes } : {}),
    diagnostics: head.diagnostics,
    changedPaths: input.changes.flatMap((c) => (c.previousPath ? [c.path, c.previousPath] : [c.path])),
    baseEntryCount: base.entryCount,
    headEntryCount: head.entryCount,
    headFiles,
    annotationSuppressions: { base: suppressionsFromEntries(baseLoaded.entries), head: suppressionsFromEntries(headLoaded.entries) },
  };
}

/** Whether the required status check fails: an introduced finding at or above the level. */
export function failsAt(report: Pick<ReviewReport, 'introduced'>, level: Severity | 'never'): boolean {
  return introducesAtLeast(report, level);
}
