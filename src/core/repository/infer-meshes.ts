/**
 * Without a config file, the meshes of a repository are inferred from what it
 * declares about itself, strongest evidence first:
 *  1. Argo CD Applications/ApplicationSets and Flux Kustomizations/HelmReleases
 *     name the cluster (mesh) each folder, Kustomize root or chart goes to;
 *  2. folder conventions (`clusters/<name>/`, `environments/`, `envs/`, `overlays/`);
 *  3. copies: the same object twice means two meshes (see copy-boundaries).
 * Kustomize roots and Helm charts are rendered, not read file by file: bases,
 * components and chart templates are never analysed on their own.
 */
import { loadSources } from '../load/load-sources.js';
import type { Diagnostic, LoadResult, ServiceEntry, SourceFile } from '../model.js';
import { DEFAULT_MESH_NAME, type MeshInput, type MeshPlan, type MeshSettings, type RepositoryPlan } from './mesh-plan.js';
import { splitByCopies, type PlacedUnit } from './copy-boundaries.js';
import { folderConvention, siblingClusterFolders, siblingClusterOf } from './folder-conventions.js';
import { findDeployedSources, type DeployedSource } from './gitops-apps.js';
import { chartOwning, findHelmCharts, type HelmChart } from './helm-charts.js';
import { allReadFiles, closureOf, readKustomizeTree, type Kustomization, type KustomizeTree } from './kustomize-tree.js';
import { dirOf, isUnder } from './yaml-objects.js';
import { aerakiEvidence } from './controller-evidence.js';


interface Unit extends PlacedUnit {
  input: MeshInput;
  /** Mesh name the evidence gives; undefined when nothing names one. */
  key: string | undefined;
  /** Why the unit is in that mesh, for the summary. */
  why: string | undefined;
}

const NETWORKING = 'networking.istio.io';

/**
 * What one file holds, loaded with a default namespace. The caller may pass the
 * loader its analysis uses, so each file is parsed once for both. Planning asks
 * for a file's load more than once, so a loader must cache (SharedLoader.one does).
 */
export type FileLoader = (file: SourceFile, defaultNamespace: string) => LoadResult;

/** Without a loader of the caller's, each file is parsed once for the plan. */
function loadOncePerPlan(): FileLoader {
  const loaded = new Map<SourceFile, LoadResult>();
  return (file, defaultNamespace) => {
    let part = loaded.get(file);
    if (!part) loaded.set(file, part = loadSources([file], { defaultNamespace }));
    return part;
  };
}

export function inferRepositoryPlan(files: readonly SourceFile[], defaults: MeshSettings, loadFile: FileLoader = loadOncePerPlan(), share: IdentityShare = newIdentityShare()): RepositoryPlan {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const byPath = new Map(sorted.map((f) => [f.path, f]));
  const folders = foldersOf(sorted);
  const tree = readKustomizeTree(sorted);
  const kustomizeFiles = allReadFiles(tree);
  const charts = findHelmCharts(sorted);
  const identities = identityReader(byPath, defaults.defaultNamespace, loadFile, share);
  const diagnostics: Diagnostic[] = [];

  const units: Unit[] = [];
  const claimed = new Set<string>();
  const deployed = findDeployedSources(sorted, folders);
  for (const source of deployed) diagnostics.push(...(source.diagnostics ?? []));
  for (const source of deployed) units.push(...unitsOfSource(source, { sorted, tree, kustomizeFiles, charts, identities, claimed }));

  // What no Argo CD or Flux object claims: every Kustomize root, every chart, every other manifest.
  const clusterSiblings = siblingClusterFolders([...new Set(sorted.filter(mayHoldOurKinds).map((f) => dirOf(f.path)))]);
  const conventionKey = (path: string): { key: string | undefined; why: string | undefined } => {
    const c = folderConvention(path);
    if (c) return { key: c.name, why: `folder ${c.folder}/` };
    const sibling = siblingClusterOf(path, clusterSiblings);
    if (sibling) return { key: sibling.name, why: `folder ${sibling.folder}/, one of the sibling cluster folders ${sibling.siblings.join(', ')}` };
    return { key: undefined, why: undefined };
  };
  for (const root of tree.roots) {
    if (claimed.has(root.file)) continue;
    units.push({ ...kustomizeUnit(root, tree, identities, undefined), ...conventionKey(root.file) });
  }
  for (const chart of charts) {
    const anchor = chartFile(chart, byPath);
    if (claimed.has(anchor)) continue;
    units.push({ input: helmInput(chart, [], undefined, defaults.defaultNamespace), anchor, identities: [], ...conventionKey(anchor) });
  }
  for (const file of sorted) {
    if (!mayHoldOurKinds(file)) continue; // an Argo CD object, a values file, a Deployment: nothing of ours
    if (claimed.has(file.path) || kustomizeFiles.has(file.path) || tree.byDir.has(dirOf(file.path)) || chartOwning(file.path, charts)) continue;
    units.push({ input: { kind: 'files', paths: [file.path] }, anchor: file.path, identities: identities([file.path], undefined), ...conventionKey(file.path) });
  }

  // Group by the mesh the evidence names, then split each group where copies say so.
  const byKey = new Map<string, Unit[]>();
  for (const unit of units) {
    const key = unit.key ?? '';
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key)!.push(unit);
  }
  const meshes: MeshPlan[] = [];
  const splitBy: Array<{ mesh: string; leaf: string; paths: string[] }> = [];
  const copyExamples: Array<{ identity: string; anchors: string[] }> = [];
  for (const [key, group] of [...byKey].sort(([a], [b]) => a.localeCompare(b))) {
    const split = splitByCopies(group);
    copyExamples.push(...split.copies);
    for (const part of split.groups) {
      const name = meshName(key, part.leaf, meshes);
      if (part.leaf !== undefined) splitBy.push({ mesh: name, leaf: part.leaf, paths: part.units.map((u) => u.anchor) });
      meshes.push(toMesh(name, part.units, defaults, part.leaf));
    }
  }

  if (defaults.mesh.controllerManagedAddresses === undefined) {
    for (const mesh of meshes) markControllerAddressed(mesh, identities.entries(sourcePathsOf(mesh, tree)));
  }
  if (splitBy.length > 0) diagnostics.push(ambiguityNote(copyExamples, splitBy, meshes));
  diagnostics.push(...unusedKustomizations(tree, units, identities));
  const origin = meshes.length > 1 || units.some((u) => u.key !== undefined) ? 'inferred' : 'single';
  return { meshes, origin, summary: summarize(meshes, units, origin, splitBy.length > 0), diagnostics };
}

interface Context {
  sorted: readonly SourceFile[];
  tree: KustomizeTree;
  kustomizeFiles: ReadonlySet<string>;
  charts: readonly HelmChart[];
  identities: IdentityReader;
  claimed: Set<string>;
}

/** What one Argo CD / Flux source deploys: a chart, a Kustomize root, or a folder's manifests (and the roots under it). */
function unitsOfSource(source: DeployedSource, ctx: Context): Unit[] {
  const key = source.cluster ?? folderConvention(source.file)?.name;
  const why = source.why;
  const chart = ctx.charts.find((c) => c.dir === source.path);
  if (chart || source.helm) {
    const dir = chart?.dir ?? source.path;
    const anchor = `${dir ? `${dir}/` : ''}Chart.yaml`;
    ctx.claimed.add(anchor);
    const input = helmInput(chart ?? { dir, hasDefaultValues: false }, source.helm?.valueFiles ?? [], source.helm?.releaseName, source.defaultNamespace ?? 'default');
    if (source.helm?.values) Object.assign(input, { values: source.helm.values });
    return [{ input, anchor, identities: [], key, why }];
  }
  const root = ctx.tree.byDir.get(source.path);
  if (root) {
    ctx.claimed.add(root.file);
    return [{ ...kustomizeUnit(root, ctx.tree, ctx.identities, source), key, why }];
  }
  const out: Unit[] = [];
  for (const r of ctx.tree.roots) {
    if (!source.recurse || !isUnder(r.dir, source.path)) continue;
    ctx.claimed.add(r.file);
    out.push({ ...kustomizeUnit(r, ctx.tree, ctx.identities, source), key, why });
  }
  for (const file of ctx.sorted) {
    if (!mayHoldOurKinds(file)) continue;
    const inFolder = source.recurse ? isUnder(file.path, source.path) : dirOf(file.path) === source.path;
    if (!inFolder || ctx.kustomizeFiles.has(file.path) || ctx.tree.byDir.has(dirOf(file.path)) || chartOwning(file.path, ctx.charts)) continue;
    ctx.claimed.add(file.path);
    const input: MeshInput = { kind: 'files', paths: [file.path], ...(source.defaultNamespace ? { defaultNamespace: source.defaultNamespace } : {}), ...(source.targetNamespace ? { targetNamespace: source.targetNamespace } : {}) };
    out.push({ input, anchor: file.path, identities: ctx.identities([file.path], source.targetNamespace), key, why });
  }
  return out;
}

function kustomizeUnit(root: Kustomization, tree: KustomizeTree, identities: IdentityReader, source: DeployedSource | undefined): Omit<Unit, 'key' | 'why'> {
  const closure = closureOf(root, tree);
  const namespace = source?.targetNamespace ?? root.namespace;
  const input: MeshInput = {
    kind: 'kustomize', root: root.dir,
    ...(source?.defaultNamespace ? { defaultNamespace: source.defaultNamespace } : {}),
    ...(source?.targetNamespace ? { targetNamespace: source.targetNamespace } : {}),
  };
  return { input, anchor: root.file, identities: identities(closure.files, namespace) };
}

function helmInput(chart: HelmChart, valueFiles: string[], releaseName: string | undefined, namespace: string): MeshInput {
  const base = chart.dir.split('/').pop() || 'release';
  return { kind: 'helm', chart: chart.dir, valueFiles, releaseName: releaseName ?? base, namespace };
}

function chartFile(chart: HelmChart, byPath: ReadonlyMap<string, SourceFile>): string {
  const prefix = chart.dir ? `${chart.dir}/` : '';
  return byPath.has(`${prefix}Chart.yaml`) ? `${prefix}Chart.yaml` : `${prefix}Chart.yml`;
}

interface IdentityReader {
  (paths: readonly string[], namespaceOverride: string | undefined): readonly string[];
  /** The ServiceEntries the files hold, as written. */
  entries(paths: readonly string[]): ServiceEntry[];
}

/** `group/kind/namespace/name` of each ServiceEntry and Sidecar in some files, from the loader's load of each (which it must cache). */
function identityReader(byPath: ReadonlyMap<string, SourceFile>, defaultNamespace: string, loadFile: FileLoader, share: IdentityShare): IdentityReader {
  const loadedOf = (path: string): LoadResult => {
    const file = byPath.get(path);
    return file ? loadFile(file, defaultNamespace) : NOTHING_LOADED;
  };
  const reader = (paths: readonly string[], override: string | undefined): readonly string[] => {
    // One file as written (nearly every call): its identities as made for its load, shared by both sides of a review.
    if (paths.length === 1 && override === undefined) return identitiesOf(loadedOf(paths[0]!), share);
    return [...new Set(paths.flatMap((p) => objectsOf(loadedOf(p)).map((o) => identity(o, override ?? o.namespace))))];
  };
  return Object.assign(reader, { entries: (paths: readonly string[]) => paths.flatMap((p) => loadedOf(p).entries) });
}

const NOTHING_LOADED: LoadResult = { entries: [], sidecars: [], diagnostics: [] };

/**
 * Identities made for one plan or several: plans of both sides of a review share the per-file work through one,
 * since a loader that hands both sides the same load for a file the change leaves alone (SharedLoader.one) keys it
 * alike. Whoever makes one decides how long those strings live.
 */
export type IdentityShare = WeakMap<LoadResult, readonly string[]>;

export function newIdentityShare(): IdentityShare {
  return new WeakMap();
}

/** A file's identities under its own namespaces, each once, made once per load and share. */
function identitiesOf(loaded: LoadResult, share: IdentityShare): readonly string[] {
  let known = share.get(loaded);
  if (!known) {
    known = [...new Set(objectsOf(loaded).map((o) => identity(o, o.namespace)))];
    share.set(loaded, known);
  }
  return known;
}

function objectsOf(loaded: LoadResult): Array<{ kind: string; namespace: string; name: string }> {
  return [
    ...loaded.entries.map((e) => ({ kind: 'ServiceEntry', namespace: e.namespace, name: e.name })),
    ...loaded.sidecars.map((s) => ({ kind: 'Sidecar', namespace: s.namespace, name: s.name })),
  ];
}

function identity(object: { kind: string; name: string }, namespace: string): string {
  return `${NETWORKING}/${object.kind}/${namespace}/${object.name}`;
}

/** The repository files a mesh reads before rendering: its plain manifests and its Kustomize roots' files. */
function sourcePathsOf(mesh: MeshPlan, tree: KustomizeTree): string[] {
  return mesh.inputs.flatMap((input) => {
    if (input.kind === 'files') return input.paths;
    const root = input.kind === 'kustomize' ? tree.byDir.get(input.root) : undefined;
    return root ? closureOf(root, tree).files : [];
  });
}

/**
 * A mesh whose own entries name Aeraki protocols runs Aeraki, whose controller writes a VIP into
 * every entry without addresses: said in the mesh's reason (and so in the summary line), never silently.
 */
function markControllerAddressed(mesh: MeshPlan, entries: readonly ServiceEntry[]): void {
  const evidence = aerakiEvidence(entries);
  if (!evidence) return;
  mesh.settings.mesh.controllerManagedAddresses = true;
  mesh.settings.mesh.controllerManagedAddressesReason = evidence.reason;
  mesh.why += `; treated as Aeraki-managed (${evidence.reason}): its controller gives entries without addresses a VIP`;
}

/**
 * A component (or base) no root builds is not analysed on its own; its entries would otherwise vanish
 * without a word, so each such kustomization holding any is named once.
 */
function unusedKustomizations(tree: KustomizeTree, units: readonly Unit[], identities: IdentityReader): Diagnostic[] {
  const built = new Set<string>();
  for (const unit of units) {
    if (unit.input.kind !== 'kustomize') continue;
    const root = tree.byDir.get(unit.input.root);
    if (root) for (const k of closureOf(root, tree).kustomizations) built.add(k.dir);
  }
  const out: Diagnostic[] = [];
  for (const k of [...tree.byDir.values()].sort((a, b) => a.dir.localeCompare(b.dir))) {
    if (built.has(k.dir)) continue;
    const held = identities(closureOf(k, tree).files, undefined).length;
    if (held === 0) continue;
    out.push({
      severity: 'info',
      code: 'kustomize-unused',
      message: `${k.isComponent ? 'Kustomize component' : 'kustomization'} ${k.dir || '.'} is built by no Kustomize root in the repository, so its ${held} ServiceEntr${held === 1 ? 'y/Sidecar is' : 'ies/Sidecars are'} not analysed; list it under a root's components/resources, or as a kustomize root of a mesh in .serviceentry-guard.yaml`,
      location: { path: k.file, line: 1, column: 1 },
    });
  }
  return out;
}

function toMesh(name: string, units: readonly Unit[], defaults: MeshSettings, leaf: string | undefined): MeshPlan {
  const reasons = [...new Set(units.map((u) => u.why).filter((w): w is string => w !== undefined))];
  const why = leaf !== undefined
    ? `copies of the same objects part at ${leaf}`
    : reasons.length > 0 ? reasons.slice(0, 3).join(', ') + (reasons.length > 3 ? ` and ${reasons.length - 3} more` : '') : 'what no evidence divides';
  // Consecutive plain files of one mesh are one input, so a mesh reads like the folder it is.
  const inputs: MeshInput[] = [];
  for (const unit of units) {
    const last = inputs[inputs.length - 1];
    if (unit.input.kind === 'files' && last?.kind === 'files' && sameNamespaces(last, unit.input)) last.paths.push(...unit.input.paths);
    else inputs.push(unit.input.kind === 'files' ? { ...unit.input, paths: [...unit.input.paths] } : unit.input);
  }
  return { name, inputs, settings: { defaultNamespace: defaults.defaultNamespace, mesh: { ...defaults.mesh } }, why };
}

function sameNamespaces(a: Extract<MeshInput, { kind: 'files' }>, b: Extract<MeshInput, { kind: 'files' }>): boolean {
  return a.defaultNamespace === b.defaultNamespace && a.targetNamespace === b.targetNamespace;
}

/** Mesh names follow the config file's rule: letters, digits, `.`, `_`, `-`, at most 63; the shortest path tail that is unique. */
function meshName(key: string, leaf: string | undefined, taken: readonly MeshPlan[]): string {
  const parts = leaf === undefined ? [] : leaf.replace(/\/(kustomization|Chart)\.ya?ml$/, '').replace(/\.ya?ml$/, '').split('/');
  const clean = (raw: string) => raw.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '').slice(0, 63).replace(/[^A-Za-z0-9]+$/, '');
  const isFree = (n: string) => n !== '' && !taken.some((m) => m.name === n);
  for (let tail = 1; tail <= Math.max(1, parts.length); tail++) {
    const name = clean([key, ...parts.slice(-tail)].filter(Boolean).join('-')) || DEFAULT_MESH_NAME;
    if (isFree(name)) return name;
  }
  const name = clean([key, ...parts].filter(Boolean).join('-')) || DEFAULT_MESH_NAME;
  let unique = name;
  for (let i = 2; !isFree(unique); i++) unique = `${name.slice(0, 59)}-${i}`;
  return unique;
}

/** Said once: which copies divided the repository, and the config lines that would settle it. */
function ambiguityNote(copies: ReadonlyArray<{ identity: string; anchors: string[] }>, splits: ReadonlyArray<{ mesh: string; leaf: string }>, meshes: readonly MeshPlan[]): Diagnostic {
  const example = copies[0]!;
  const [, kind, namespace, name] = example.identity.split('/');
  const snippet = meshes.slice(0, 6).map((m) => `  - name: ${m.name}\n${configLines(m)}`).join('\n');
  return {
    severity: 'info',
    code: 'meshes-ambiguous',
    message:
      `${copies.length} object${copies.length === 1 ? ' is' : 's are'} defined more than once (e.g. ${kind} ${namespace}/${name} in ${example.anchors.slice(0, 3).join(', ')}); ` +
      `a cluster holds one copy, so the copies were taken as separate meshes (${splits.map((s) => s.mesh).join(', ')}) and are not compared with each other. ` +
      `If that is not how they are deployed, declare the meshes in .serviceentry-guard.yaml, e.g.:\nmeshes:\n${snippet}${meshes.length > 6 ? '\n  # …' : ''}`,
    location: { path: example.anchors[0]!, line: 1, column: 1 },
  };
}

function configLines(mesh: MeshPlan): string {
  const paths = mesh.inputs.flatMap((i) => (i.kind === 'files' ? i.paths : []));
  const roots = mesh.inputs.flatMap((i) => (i.kind === 'kustomize' ? [i.root || '.'] : []));
  const charts = mesh.inputs.flatMap((i) => (i.kind === 'helm' ? [i.chart || '.'] : []));
  const lines: string[] = [];
  if (paths.length > 0) lines.push(`    paths: [${paths.slice(0, 4).map((p) => JSON.stringify(p)).join(', ')}${paths.length > 4 ? ', …' : ''}]`);
  if (roots.length > 0) lines.push(`    kustomize: [${roots.map((p) => JSON.stringify(p)).join(', ')}]`);
  if (charts.length > 0) lines.push(`    helm: [${charts.map((c) => `{chart: ${JSON.stringify(c)}}`).join(', ')}]`);
  return lines.join('\n');
}

function summarize(meshes: readonly MeshPlan[], units: readonly Unit[], origin: 'inferred' | 'single', copies: boolean): string {
  const roots = units.filter((u) => u.input.kind === 'kustomize').length;
  const charts = units.filter((u) => u.input.kind === 'helm').length;
  const plain = units.filter((u) => u.input.kind === 'files').length;
  const what = `${plain} manifest file${plain === 1 ? '' : 's'}, ${roots} Kustomize root${roots === 1 ? '' : 's'}, ${charts} Helm chart${charts === 1 ? '' : 's'}`;
  if (origin === 'single') {
    const managed = meshes[0]?.settings.mesh.controllerManagedAddressesReason;
    return `One mesh (no config file; nothing in the repository divides it): ${what}.${managed ? ` Treated as Aeraki-managed (${managed}): its controller gives entries without addresses a VIP.` : ''}`;
  }
  const named = meshes.slice(0, 8).map((m) => `${m.name} (${m.why})`).join('; ');
  return `Inferred ${meshes.length} mesh${meshes.length === 1 ? "" : "es"} from the repository (no config file): ${named}${meshes.length > 8 ? `; and ${meshes.length - 8} more` : ''}. Inputs: ${what}${copies ? '; copies of the same objects divided some folders' : ''}.`;
}

function mayHoldOurKinds(file: SourceFile): boolean {
  return file.text.includes('ServiceEntry') || file.text.includes('Sidecar');
}

function foldersOf(files: readonly SourceFile[]): string[] {
  const set = new Set<string>();
  for (const f of files) for (let d = dirOf(f.path); d !== '' && !set.has(d); d = dirOf(d)) set.add(d);
  return [...set].sort();
}
