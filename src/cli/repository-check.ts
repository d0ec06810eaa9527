import { lstat, readFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { readManifestFiles } from '../adapters/fs/read-manifests.js';
import { materializeMesh, type RepositoryTree } from '../adapters/materialize-mesh.js';
import type { Diagnostic, SourceFile } from '../core/model.js';
import { analyzeMeshes, type RepositoryAnalysis } from '../core/analysis/analyze-meshes.js';
import { planRepository } from '../core/repository/config-plan.js';
import type { MeshSettings, RepositoryPlan } from '../core/repository/mesh-plan.js';
import { DEFAULT_CONFIG_PATH, type RepositoryConfig } from '../core/repository/repository-config.js';

export interface RepositoryCheckRequest {
  paths: readonly string[];
  select: (path: string) => boolean;
  cwd: string;
  /** `--config FILE`; without it `.serviceentry-guard.yaml` in the working directory is used when present. */
  configPath: string | undefined;
  fallback: MeshSettings;
}

export type RepositoryCheck =
  | { ok: true; plan: RepositoryPlan; config: RepositoryConfig | undefined; analysis: RepositoryAnalysis }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * `check` over a repository: read the manifests, split them into meshes by
 * the config file (globs relative to the folder that holds it), and analyse
 * each mesh. Throws on I/O errors the caller reports as usage errors.
 */
export async function checkRepository(request: RepositoryCheckRequest): Promise<RepositoryCheck> {
  const read = await readManifestFiles(request.paths.length > 0 ? request.paths : ['.'], { filter: request.select, cwd: request.cwd });
  const config = await readConfig(request);
  const root = config ? dirname(resolve(request.cwd, config.path)) : request.cwd;
  const configAbsolute = config ? resolve(request.cwd, config.path) : undefined;
  const files = read.files.filter((f) => resolve(request.cwd, f.path) !== configAbsolute);
  const tree: RepositoryTree = { files: new Map(files.map((f) => [repositoryPath(root, request.cwd, f), f])), directory: root };
  const planned = planRepository(config, [...tree.files.keys()], request.fallback);
  if (!planned.plan) return { ok: false, diagnostics: planned.diagnostics };
  const meshes = await Promise.all(planned.plan.meshes.map(async (plan) => ({ plan, ...(await materializeMesh(plan, tree)) })));
  const analysis = analyzeMeshes(meshes);
  analysis.diagnostics.unshift(...read.diagnostics, ...planned.plan.diagnostics);
  return { ok: true, plan: planned.plan, config: planned.config, analysis };
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
