import { lstat, readFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { readManifestFiles } from '../adapters/fs/read-manifests.js';
import { preloadFiles } from '../adapters/load/parallel-load.js';
import { collectLoadingGarbage } from '../adapters/collect-loading-garbage.js';
import { CHECK_HEAP_GROWING_PERCENT, limitHeapGrowth } from '../adapters/heap-growth.js';
import { defaultRenderers, materializeMeshes, RenderWorkspace, type Renderers, type RepositoryTree } from '../adapters/materialize-mesh.js';
import { countServiceEntryTemplates } from '../core/load/templates.js';
import type { Diagnostic, SourceFile } from '../core/model.js';
import { analyzeLoadedMeshes, loadMeshes, sharedLoader, type LoadedMesh, type RepositoryAnalysis } from '../core/analysis/analyze-meshes.js';
import { planRepository } from '../core/repository/config-plan.js';
import type { MeshSettings, RepositoryPlan } from '../core/repository/mesh-plan.js';
import { DEFAULT_CONFIG_PATH, type RepositoryConfig } from '../core/repository/repository-config.js';
import type { PhaseMark } from './phase-timings.js';

export interface RepositoryCheckRequest {
  paths: readonly string[];
  select: (path: string) => boolean;
  cwd: string;
  /** `--config FILE`; without it `.serviceentry-guard.yaml` in the working directory is used when present. */
  configPath: string | undefined;
  fallback: MeshSettings;
  /** Default: the real kustomize (or kubectl kustomize) and helm from PATH. */
  renderers?: Renderers;
  /** dist/load-worker.js, for load workers on large repositories (see preloadFiles); without it files parse on this thread only. */
  loadWorkerScript?: URL;
  /** Told as each step ends: read, load, plan, render, analysis (see phase-timings.ts). */
  onPhase?: PhaseMark;
}

export type RepositoryCheck =
  | { ok: true; plan: RepositoryPlan; config: RepositoryConfig | undefined; analysis: RepositoryAnalysis; unrenderedServiceEntries: number }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * `check` over a repository: read the manifests, split them into meshes by
 * the config file (globs relative to the folder that holds it), and analyse
 * each mesh. Throws on I/O errors the caller reports as usage errors.
 */
export async function checkRepository(request: RepositoryCheckRequest): Promise<RepositoryCheck> {
  // Everything that holds the files' texts (the read, the tree, the loader's cache) lives in loadRepository
  // and is gone once it returns: the analysis of a large repository then runs without them.
  const loaded = await loadRepository(request);
  if (!loaded.ok) return loaded;
  // The analysis gets the tighter growth cap, set before the collection that sizes its heap.
  limitHeapGrowth(CHECK_HEAP_GROWING_PERCENT);
  await collectLoadingGarbage(loaded.meshes);
  request.onPhase?.('collect');
  const analysis = analyzeLoadedMeshes(loaded.meshes);
  request.onPhase?.('analysis');
  analysis.diagnostics.unshift(...loaded.diagnostics);
  const unrendered = loaded.unrenderedServiceEntries + countServiceEntryTemplates(analysis.diagnostics);
  return { ok: true, plan: loaded.plan, config: loaded.config, analysis, unrenderedServiceEntries: unrendered };
}

type LoadedRepository =
  | { ok: true; plan: RepositoryPlan; config: RepositoryConfig | undefined; meshes: LoadedMesh[]; diagnostics: Diagnostic[]; unrenderedServiceEntries: number }
  | { ok: false; diagnostics: Diagnostic[] };

async function loadRepository(request: RepositoryCheckRequest): Promise<LoadedRepository> {
  const read = await readManifestFiles(request.paths.length > 0 ? request.paths : ['.'], { filter: request.select, cwd: request.cwd });
  const config = await readConfig(request);
  // Without a config, a single folder argument is the repository: its layout (clusters/, overlays/, apps) is read from there.
  const root = config ? dirname(resolve(request.cwd, config.path)) : (await singleFolder(request)) ?? request.cwd;
  const configAbsolute = config ? resolve(request.cwd, config.path) : undefined;
  const files = read.files.filter((f) => resolve(request.cwd, f.path) !== configAbsolute);
  const tree: RepositoryTree = { files: new Map(files.map((f) => [repositoryPath(root, request.cwd, f), f])), directory: root };
  const repositoryFiles = [...tree.files].map(([path, file]) => ({ path, text: file.text }));
  request.onPhase?.('read');
  // Rendered manifests come back with repository paths; reports name them from the working directory, like every other file.
  const displayPath = (path: string) => toPosix(relative(request.cwd, resolve(root, path)));
  const display = (file: SourceFile): SourceFile => ({ path: displayPath(file.path), text: file.text });
  // Planning reads what each file declares with the loader the analysis uses, under the name the analysis gives the file,
  // so every file is parsed once: a large repository's in several threads first, under the default namespace of the flags
  // (a mesh whose config names another one parses its files again, on demand).
  const preloaded = await preloadFiles(repositoryFiles.map(display), { defaultNamespace: request.fallback.defaultNamespace, workerScript: request.loadWorkerScript });
  const load = sharedLoader(undefined, preloaded);
  // Nothing preloaded (a small repository, or no spare core): the files are parsed as the plan asks for them.
  request.onPhase?.('load');
  const planned = planRepository(config, repositoryFiles, request.fallback, (file, namespace) => load.one(display(file), namespace));
  if (!planned.plan) return { ok: false, diagnostics: planned.diagnostics };
  request.onPhase?.('plan');
  const renderers = request.renderers ?? defaultRenderers(repositoryFiles);
  const workspace = new RenderWorkspace(root, renderers.allowRemote);
  let unrendered = 0;
  const meshes = [];
  try {
    const materialized = await materializeMeshes(planned.plan.meshes, tree, { renderers, workspace, display });
    for (const [i, plan] of planned.plan.meshes.entries()) {
      const inputs = materialized[i]!;
      unrendered += inputs.unrenderedServiceEntries;
      meshes.push({ plan, files: inputs.files, groups: inputs.groups, diagnostics: inputs.diagnostics.map((d) => ({ ...d, location: { ...d.location, path: displayPath(d.location.path) } })) });
    }
  } finally {
    await workspace.dispose();
  }
  const loadedMeshes = loadMeshes(meshes, { loader: load });
  request.onPhase?.('render');
  return {
    ok: true,
    plan: planned.plan,
    config: planned.config,
    meshes: loadedMeshes,
    diagnostics: [...read.diagnostics, ...planned.plan.diagnostics.map((d) => ({ ...d, location: { ...d.location, path: displayPath(d.location.path) } }))],
    unrenderedServiceEntries: unrendered,
  };
}

async function singleFolder(request: RepositoryCheckRequest): Promise<string | undefined> {
  if (request.paths.length !== 1) return undefined;
  const folder = resolve(request.cwd, request.paths[0]!);
  return (await lstat(folder).catch(() => undefined))?.isDirectory() ? folder : undefined;
}

async function readConfig(request: RepositoryCheckRequest): Promise<{ text: string; path: string } | undefined> {
  if (request.configPath !== undefined) {
    const text = await readFile(resolve(request.cwd, request.configPath), 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new Error(`cannot read --config ${request.configPath}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
    });
    return { text, path: toPosix(relative(request.cwd, resolve(request.cwd, request.configPath))) };
  }
  const implicit = resolve(request.cwd, DEFAULT_CONFIG_PATH);
  const info = await lstat(implicit).catch(() => undefined);
  if (!info) return undefined;
  // A checkout may be someone else's pull request: a link could point the config at any file on the machine.
  if (!info.isFile()) throw new Error(`${DEFAULT_CONFIG_PATH} is not a regular file (a symbolic link or a folder); name the config with --config instead`);
  return { text: await readFile(implicit, 'utf8'), path: DEFAULT_CONFIG_PATH };
}

/** The path a config glob is matched against: relative to the folder holding the config. */
function repositoryPath(root: string, cwd: string, file: SourceFile): string {
  return toPosix(relative(root, resolve(cwd, file.path)));
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
