/**
 * From a validated config file and the repository's file list to the plan of
 * meshes. Settings resolve mesh `settings` → config `defaults` → the CLI
 * flags / action inputs, so a config states only what differs.
 */
import picomatch from 'picomatch';
import type { Diagnostic, SourceFile } from '../model.js';
import { inferRepositoryPlan, type FileLoader, type IdentityShare } from './infer-meshes.js';
import { withSettingsFiles } from './settings-files.js';
import type { MeshInput, MeshPlan, MeshSettings, RepositoryPlan } from './mesh-plan.js';
import { parseRepositoryConfig, type ConfigMesh, type ConfigSettings, type RepositoryConfig } from './repository-config.js';

export interface ConfigPlanResult {
  /** Undefined when the config has an error (see diagnostics). */
  plan: RepositoryPlan | undefined;
  config: RepositoryConfig | undefined;
  diagnostics: Diagnostic[];
}

/**
 * Parses the config and partitions the repository's files into its meshes.
 * `repositoryPaths` are repository-relative, the form the config's globs are
 * written in; `fallback` is what the CLI flags or action inputs say.
 */
export function planFromConfigText(text: string, configPath: string, repositoryPaths: readonly string[], fallback: MeshSettings): ConfigPlanResult {
  const parsed = parseRepositoryConfig(text, configPath);
  if (!parsed.config) return { plan: undefined, config: undefined, diagnostics: parsed.diagnostics };
  const plan = planFromConfig(parsed.config, repositoryPaths, fallback);
  return { plan, config: parsed.config, diagnostics: plan.diagnostics };
}

/**
 * The plan of a repository: its config file's when it has one, else what the
 * repository itself declares (Argo CD, Flux, Kustomize roots, folder
 * conventions, copies of one object); `files` are keyed by repository path.
 */
export function planRepository(config: { text: string; path: string } | undefined, files: readonly SourceFile[], fallback: MeshSettings, loadFile?: FileLoader, share?: IdentityShare): ConfigPlanResult {
  if (config) return planFromConfigText(config.text, config.path, files.map((f) => f.path), fallback);
  return { plan: withSettingsFiles(inferRepositoryPlan(files, fallback, loadFile, share), files), config: undefined, diagnostics: [] };
}

export function planFromConfig(config: RepositoryConfig, repositoryPaths: readonly string[], fallback: MeshSettings): RepositoryPlan {
  const diagnostics: Diagnostic[] = [];
  const paths = repositoryPaths;
  // Files a mesh reads or renders from; the summary counts the rest, which no mesh analyses.
  const claimed = new Set<string>();
  const markUnder = (folder: string) => { for (const p of paths) if (isUnder(p, folder)) claimed.add(p); };
  const meshes = config.meshes.map((mesh): MeshPlan => {
    const settings = resolveSettings(fallback, config.defaults, mesh.settings, { defaults: `${config.path} defaults`, own: `${config.path} meshes.${mesh.name}.settings` });
    const files = filesOf(mesh, paths, diagnostics);
    for (const f of files) claimed.add(f);
    const inputs: MeshInput[] = [];
    if (mesh.paths.length > 0) inputs.push({ kind: 'files', paths: files });
    mesh.kustomize.forEach((root, i) => {
      const folder = trimSlashes(root);
      markUnder(folder);
      if (!paths.some((p) => isUnder(p, folder))) warn(diagnostics, mesh.kustomizeLocations[i]!, `kustomize root "${root}" of mesh ${mesh.name} holds no file the tool reads; check the path (it is relative to the repository root)`);
      inputs.push({ kind: 'kustomize', root: folder });
    });
    for (const chart of mesh.helm) {
      const folder = trimSlashes(chart.chart);
      markUnder(folder);
      for (const values of chart.valueFiles) claimed.add(trimSlashes(values));
      if (!paths.some((p) => isUnder(p, folder))) warn(diagnostics, chart.location, `helm chart "${chart.chart}" of mesh ${mesh.name} holds no file the tool reads; check the path (it is relative to the repository root)`);
      for (const values of chart.valueFiles) {
        if (!paths.includes(trimSlashes(values))) warn(diagnostics, chart.location, `values file "${values}" of helm chart "${chart.chart}" (mesh ${mesh.name}) is not in the repository`);
      }
      inputs.push({
        kind: 'helm',
        chart: folder,
        valueFiles: chart.valueFiles.map(trimSlashes),
        releaseName: chart.releaseName ?? (folder.split('/').pop() || folder),
        namespace: chart.namespace ?? settings.defaultNamespace,
      });
    }
    return { name: mesh.name, inputs, settings, why: `${config.path}:${mesh.location.line}` };
  });
  const unclaimed = paths.filter((p) => !claimed.has(p)).length;
  return { meshes, origin: 'config', summary: summarize(config, meshes, unclaimed), diagnostics, render: { ...config.render } };
}

function resolveSettings(fallback: MeshSettings, defaults: ConfigSettings, own: ConfigSettings, where: { defaults: string; own: string }): MeshSettings {
  const { defaultNamespace: defaultsNamespace, ...defaultsMesh } = defaults;
  const { defaultNamespace: ownNamespace, ...ownMesh } = own;
  // Kept so a report can say which line of the config set a value the analysis used.
  const origins: MeshSettings['origins'] = { ...fallback.origins };
  for (const key of Object.keys(defaultsMesh) as Array<keyof typeof defaultsMesh>) origins[key] = where.defaults;
  for (const key of Object.keys(ownMesh) as Array<keyof typeof ownMesh>) origins[key] = where.own;
  return {
    defaultNamespace: ownNamespace ?? defaultsNamespace ?? fallback.defaultNamespace,
    mesh: { ...fallback.mesh, ...defaultsMesh, ...ownMesh },
    origins,
  };
}

/** The repository paths a mesh's globs select; a glob that selects nothing is a warning naming it. */
function filesOf(mesh: ConfigMesh, paths: readonly string[], diagnostics: Diagnostic[]): string[] {
  if (mesh.paths.length === 0) return [];
  const include = mesh.paths.map((glob, i) => ({ glob, location: mesh.pathLocations[i]! })).filter((g) => !g.glob.startsWith('!'));
  const exclude = mesh.paths.filter((g) => g.startsWith('!')).map((g) => g.slice(1));
  const excluded = exclude.length > 0 ? picomatch(exclude.map(asGlob), { dot: true }) : () => false;
  const selected = new Set<string>();
  for (const { glob, location } of include) {
    const matches = picomatch(asGlob(glob), { dot: true });
    const hits = paths.filter((p) => matches(p));
    if (hits.length === 0) warn(diagnostics, location, `glob "${glob}" of mesh ${mesh.name} matches no manifest file; globs are relative to the repository root`);
    for (const p of hits) if (!excluded(p)) selected.add(p);
  }
  if (include.length === 0) warn(diagnostics, mesh.location, `mesh ${mesh.name} lists only excluding globs in paths, so it selects no file; add one that includes, like "clusters/${mesh.name}/**"`);
  else if (selected.size === 0 && include.some(({ glob }) => { const matches = picomatch(asGlob(glob), { dot: true }); return paths.some((p) => matches(p)); })) {
    warn(diagnostics, mesh.location, `mesh ${mesh.name} selects no file: its excluding globs remove every file its paths match`);
  }
  return [...selected].sort();
}

/** A plain folder name means everything under it, the way people write `clusters/prod`. */
function asGlob(glob: string): string {
  const trimmed = glob.replace(/^\.\//, '');
  return picomatch.scan(trimmed).isGlob ? trimmed : `{${trimSlashes(trimmed)},${trimSlashes(trimmed)}/**}`;
}

function trimSlashes(path: string): string {
  return path.replace(/^\.\//, '').replace(/\/+$/, '');
}

function isUnder(path: string, folder: string): boolean {
  return folder === '' || folder === '.' || path.startsWith(`${folder}/`);
}

function warn(diagnostics: Diagnostic[], location: Diagnostic['location'], message: string): void {
  diagnostics.push({ severity: 'warning', code: 'config-unmatched', message, location });
}

function summarize(config: RepositoryConfig, meshes: readonly MeshPlan[], unclaimed: number): string {
  const parts = meshes.map((m) => {
    const files = m.inputs.flatMap((i) => (i.kind === 'files' ? i.paths : [])).length;
    const rendered = m.inputs.filter((i) => i.kind !== 'files').length;
    return `${m.name} (${files} file${files === 1 ? '' : 's'}${rendered > 0 ? `, ${rendered} to render` : ''})`;
  });
  const rest = unclaimed > 0 ? `; ${unclaimed} manifest file${unclaimed === 1 ? '' : 's'} in no mesh, not analysed` : '';
  return `${meshes.length} mesh${meshes.length === 1 ? '' : 'es'} from ${config.path}: ${parts.join(', ')}${rest}.`;
}
