/**
 * A pull request's cost follows the change: a mesh whose inputs are the same
 * on both sides renders and analyses to the same result on both, so its
 * findings are existing ones by construction. Such a mesh is rendered and
 * analysed once (on the head side), not twice.
 *
 * What a mesh reads, per input:
 * - plain files: the files its plan names;
 * - a Kustomize root: every file under the folder of each kustomization its
 *   build includes (the default load restrictor keeps each kustomization to
 *   its own folder), plus the files they list (read as written when the build
 *   fails);
 * - a Helm chart: every file under the chart folder, and its values files.
 * Both sides' kustomization trees are used, so a base the change adds to or
 * removes from a build counts. The plans themselves must be equal too
 * (inputs, namespaces, Istio settings, render policy).
 */
import { analyze } from '../analysis/analyze.js';
import { withGroups } from '../analysis/analyze-meshes.js';
import { classifyFindings } from '../classify/classify-findings.js';
import { suppressionsFromEntries } from '../suppressions/from-annotations.js';
import { closureOf, readKustomizeTree, type KustomizeTree } from '../repository/kustomize-tree.js';
import type { MeshInput, MeshPlan, RepositoryPlan } from '../repository/mesh-plan.js';
import { isUnder } from '../repository/yaml-objects.js';
import type { SourceFile } from '../model.js';
import type { ChangedFile } from './apply-changes.js';
import type { ReviewReport, SidesInput } from './review-change.js';

export interface PlannedSide {
  plan: RepositoryPlan;
  /** The side's manifest files, repository-relative (what the plan names). */
  files: readonly SourceFile[];
}

/** Names of the meshes whose plan and every input file are the same at base and head. */
export function unchangedMeshes(base: PlannedSide, head: PlannedSide, changes: readonly ChangedFile[]): Set<string> {
  const unchanged = new Set<string>();
  if (JSON.stringify(base.plan.render ?? null) !== JSON.stringify(head.plan.render ?? null)) return unchanged;
  const changed = [...new Set(changes.flatMap((c) => (c.previousPath ? [c.path, c.previousPath] : [c.path])))];
  const baseByName = new Map(base.plan.meshes.map((m) => [m.name, m]));
  let trees: [KustomizeTree, KustomizeTree] | undefined;
  for (const mesh of head.plan.meshes) {
    const before = baseByName.get(mesh.name);
    if (!before || !samePlan(before, mesh)) continue;
    if (mesh.inputs.some((i) => i.kind === 'kustomize')) trees ??= [readKustomizeTree(base.files), readKustomizeTree(head.files)];
    const scope = readScope(mesh.inputs, trees ?? []);
    if (!changed.some((path) => scope.files.has(path) || scope.folders.some((dir) => isUnder(path, dir)))) unchanged.add(mesh.name);
  }
  return unchanged;
}

function samePlan(a: MeshPlan, b: MeshPlan): boolean {
  return JSON.stringify([a.inputs, a.settings]) === JSON.stringify([b.inputs, b.settings]);
}

/** The files and folders (every file under them) a mesh's inputs read, on either side. */
function readScope(inputs: readonly MeshInput[], trees: readonly KustomizeTree[]): { files: Set<string>; folders: string[] } {
  const files = new Set<string>();
  const folders: string[] = [];
  for (const input of inputs) {
    switch (input.kind) {
      case 'files':
        for (const p of input.paths) files.add(p);
        break;
      case 'kustomize':
        folders.push(input.root);
        for (const tree of trees) {
          const root = tree.byDir.get(input.root);
          if (!root) continue;
          const closure = closureOf(root, tree);
          for (const k of closure.kustomizations) folders.push(k.dir);
          for (const f of closure.files) files.add(f);
        }
        break;
      case 'helm':
        folders.push(input.chart);
        for (const v of input.valueFiles) files.add(v);
        break;
    }
  }
  return { files, folders };
}

/**
 * The review of a mesh both sides share unchanged, from one analysis: it is
 * what reviewSides would say after analysing the same inputs twice (every
 * finding existing, nothing to fix, each side's counts and suppressions the
 * same).
 */
export function reviewUnchangedMesh(input: Omit<SidesInput, 'baseFiles' | 'baseGroups' | 'base'>): ReviewReport {
  const loaded = withGroups(input.load(input.headFiles, input.head.defaultNamespace), input.headGroups);
  const analysis = analyze(loaded, { mesh: input.head.mesh, meshName: input.meshName, newEntryRefs: new Set() });
  const suppressions = suppressionsFromEntries(loaded.entries);
  return {
    ...classifyFindings(analysis, analysis),
    suggestions: {},
    diagnostics: analysis.diagnostics,
    changedPaths: input.changes.flatMap((c) => (c.previousPath ? [c.path, c.previousPath] : [c.path])),
    baseEntryCount: analysis.entryCount,
    headEntryCount: analysis.entryCount,
    headFiles: input.headFiles,
    annotationSuppressions: { base: suppressions, head: suppressions },
  };
}
