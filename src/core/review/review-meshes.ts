import { compareFindings } from '../analysis/findings.js';
import type { SourceFile } from '../model.js';
import { DiagnosticSet, sharedLoader, type MaterializedMesh, type MeshSummary, type SharedLoader } from '../analysis/analyze-meshes.js';
import type { ChangedFile } from './apply-changes.js';
import { suppressionKey, type Suppression } from '../suppressions/suppression.js';
import type { ClassifiedFinding } from '../classify/classify-findings.js';
import { reviewSides, type ReviewInput, type ReviewReport } from './review-change.js';
import { meshManifestFiles, resolveMeshSettings } from '../analysis/resolve-mesh-settings.js';
import { reviewUnchangedMesh } from './unchanged-meshes.js';

export interface MeshReviewInput {
  /** The base side's meshes, materialized from the base's own plan. */
  base: readonly MaterializedMesh[];
  /** The head side's meshes, from the head's plan (the config file may change in the pull request). */
  head: readonly MaterializedMesh[];
  changes: readonly ChangedFile[];
  maxFileBytes?: number;
  fixes?: ReviewInput['fixes'];
  /** The loader planning already read the files with, so nothing is parsed twice. */
  load?: SharedLoader;
  /** Meshes whose inputs are the same on both sides (see unchanged-meshes): given on the head side only, analysed once. */
  unchanged?: ReadonlySet<string>;
}

/**
 * A pull request reviewed mesh by mesh: a mesh is the same mesh on both
 * sides when it has the same name, and its findings are introduced, resolved
 * or existing within it alone. A mesh the change adds has only a head side
 * (all its findings are new); one it removes has only a base side.
 */
export function reviewMeshes(input: MeshReviewInput): ReviewReport {
  const load = input.load ?? sharedLoader(input.maxFileBytes);
  const baseByName = new Map(input.base.map((m) => [m.plan.name, m]));
  const headNames = new Set(input.head.map((m) => m.plan.name));
  const unchanged = input.unchanged ?? new Set<string>();
  const pairs = [
    ...input.head.map((head) => ({ head, base: unchanged.has(head.plan.name) ? head : baseByName.get(head.plan.name) })),
    ...input.base.filter((base) => !headNames.has(base.plan.name)).map((base) => ({ head: undefined, base })),
  ];
  const introduced: ClassifiedFinding[] = [];
  const resolved: ClassifiedFinding[] = [];
  const existing: ClassifiedFinding[] = [];
  const suggestions: ReviewReport['suggestions'] = {};
  const fixNotes: Record<string, string> = {};
  const diagnostics = new DiagnosticSet();
  const headFiles = new Map<string, SourceFile>();
  const meshes: MeshSummary[] = [];
  const annotations = { base: new Map<string, Suppression>(), head: new Map<string, Suppression>() };
  let baseEntryCount = 0;
  let headEntryCount = 0;
  for (const { head, base } of pairs) {
    // Each side is analysed with what its own manifests say: a change may edit the mesh's settings too.
    const resolve = (side: MaterializedMesh) => resolveMeshSettings(side.plan.settings, meshManifestFiles(side.files, side.groups));
    const headSettings = head ? resolve(head) : undefined;
    const sameOnBothSides = head !== undefined && head === base;
    const baseSettings = sameOnBothSides ? headSettings : base ? resolve(base) : undefined;
    const settings = (headSettings ?? baseSettings)!.settings;
    const report = sameOnBothSides
      ? reviewUnchangedMesh({ headFiles: head.files, headGroups: head.groups, changes: input.changes, head: settings, meshName: head.plan.name, fixes: input.fixes, load })
      : reviewSides({
        baseFiles: base?.files ?? [],
        headFiles: head?.files ?? [],
        baseGroups: base?.groups ?? [],
        headGroups: head?.groups ?? [],
        changes: input.changes,
        base: baseSettings?.settings ?? settings,
        head: settings,
        meshName: (head ?? base)!.plan.name,
        fixes: input.fixes,
        load,
      });
    introduced.push(...report.introduced);
    resolved.push(...report.resolved);
    existing.push(...report.existing);
    Object.assign(suggestions, report.suggestions);
    if (report.fixNotes) Object.assign(fixNotes, report.fixNotes);
    for (const x of report.annotationSuppressions?.base ?? []) annotations.base.set(suppressionKey(x), x);
    for (const x of report.annotationSuppressions?.head ?? []) annotations.head.set(suppressionKey(x), x);
    if (head) {
      diagnostics.addAll(head.diagnostics);
      diagnostics.addAll(headSettings!.diagnostics);
      diagnostics.addAll(report.diagnostics);
      for (const f of head.files) headFiles.set(f.path, f);
      meshes.push({ name: head.plan.name, why: head.plan.why, entryCount: report.headEntryCount, settings: headSettings!.origins });
    }
    baseEntryCount += report.baseEntryCount;
    headEntryCount += report.headEntryCount;
  }
  const byFinding = (a: ClassifiedFinding, b: ClassifiedFinding) => compareFindings(a.finding, b.finding);
  return {
    introduced: introduced.sort(byFinding),
    resolved: resolved.sort(byFinding),
    existing: existing.sort(byFinding),
    suggestions,
    ...(Object.keys(fixNotes).length > 0 ? { fixNotes } : {}),
    diagnostics: diagnostics.list(),
    changedPaths: input.changes.flatMap((c) => (c.previousPath ? [c.path, c.previousPath] : [c.path])),
    baseEntryCount,
    headEntryCount,
    headFiles: [...headFiles.values()],
    meshes,
    annotationSuppressions: { base: [...annotations.base.values()], head: [...annotations.head.values()] },
  };
}
