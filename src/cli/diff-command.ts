import { changedPathsBetween } from '../adapters/git/changed-paths.js';
import { mergeBase, mergeTree } from '../adapters/git/commits.js';
import { gitReads } from '../adapters/git/snapshot.js';
import { preloadFiles } from '../adapters/load/parallel-load.js';
import { gitOk, type Git } from '../adapters/git/run-git.js';
import { settleInOrder } from '../adapters/git/settle-in-order.js';
import { DEFAULT_MAX_FILE_BYTES } from '../core/load/load-sources.js';
import type { Diagnostic, MeshOptions } from '../core/model.js';
import type { ManifestValidator } from '../core/fixes/suggest-fixes.js';
import type { ChangedFile, ReviewReport } from '../core/review/review-change.js';
import { DEFAULT_CONFIG_PATH } from '../core/repository/repository-config.js';
import type { RepositoryPlan } from '../core/repository/mesh-plan.js';
import { configFromRead, reviewByMesh } from '../adapters/review-by-mesh.js';
import { defaultRenderers } from '../adapters/materialize-mesh.js';
import { selectChanges } from '../core/review/select-changes.js';
import type { PhaseMark } from './phase-timings.js';

export interface DiffRequest {
  repoDir: string;
  base: string;
  head: string;
  select: (path: string) => boolean;
  defaultNamespace: string;
  mesh: Partial<MeshOptions>;
  vipPool: string | undefined;
  validate: ManifestValidator;
  /** Repository-relative path of the config file read at both commits (default `.serviceentry-guard.yaml`). */
  configPath?: string;
  /** Who starts git; tests pass a recording one. */
  git?: Git;
  /** dist/load-worker.js, for load workers on large repositories (src/adapters/load/parallel-load.ts). */
  loadWorkerScript?: URL;
  /** Told as each step ends: git, load, plan, render, review (see phase-timings.ts). */
  onPhase?: PhaseMark;
}

/** The review, or the head config's errors (nothing reviewed). */
export type LocalReview =
  | {
    ok: true;
    report: ReviewReport;
    plan: RepositoryPlan;
    notes: string[];
    /** Which two trees were compared, in one sentence. */
    compared: string;
  }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * What a pull request from `head` into `base` would be told, computed from
 * local git objects, judged on what merging it produces: the base tip
 * against the tree `git merge-tree` builds, so the base branch's own later
 * commits never count as the change's. When the merge conflicts, the merge
 * base against head instead, and the sentence returned says so. Each side is
 * split into meshes by its own config file. Nothing is checked out and no
 * file of either side is executed (Kustomize roots are built by kustomize
 * from a temporary copy of each side's files).
 */
export async function reviewLocalChange(request: DiffRequest): Promise<LocalReview> {
  const { repoDir, git } = request;
  const resolve = async (ref: string) => (await gitOk(repoDir, ['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`], { git })).toString('utf8').trim();
  const head = await resolve(request.head);
  const base = await resolve(request.base);
  const short = (sha: string) => sha.slice(0, 12);
  const merged = await mergeTree(repoDir, base, head, git);
  const branchPoint = merged ? undefined : await mergeBase(repoDir, base, head, git);
  const from = merged ? base : branchPoint ?? base;
  const to = merged ?? head;
  const compared = merged
    ? `Compared ${request.base} (${short(base)}) with the result of merging ${request.head} (${short(head)}) into it; lines are numbered as in that merge result.`
    : branchPoint
      ? `${request.head} does not merge cleanly into ${request.base}: compared ${request.head} (${short(head)}) with the merge base ${short(branchPoint)}, so collisions that appear only once both are merged are not seen.`
      : `${request.base} and ${request.head} share no history: compared ${short(base)} with ${short(head)}.`;
  const configPath = (request.configPath ?? DEFAULT_CONFIG_PATH).replace(/^\.\//, '');
  const { snapshot, selected, headReads, baseConfigRead, headConfigRead } = await readSides(repoDir, git, from, to, request.select, configPath);
  const diagnostics = [...snapshot.diagnostics];
  const changes: ChangedFile[] = selected.map((change) => {
    const read = headReads.get(change.path);
    if (change.status === 'removed' || !read) return change;
    if (read.kind === 'text') return { ...change, headText: read.text };
    if (read.kind === 'skipped') diagnostics.push(read.diagnostic);
    return { ...change, status: 'removed' };
  });
  const baseConfig = configFromRead(configPath, baseConfigRead.get(configPath));
  const headConfig = configFromRead(configPath, headConfigRead.get(configPath));
  if (request.configPath !== undefined && !headConfig) throw new Error(`--config ${configPath} is not in the repository at ${request.head}`);
  request.onPhase?.('git');
  // The base's files are most of what both sides parse (the head shares every file the change leaves alone).
  const preloaded = await preloadFiles(snapshot.files, { defaultNamespace: request.defaultNamespace, workerScript: request.loadWorkerScript });
  request.onPhase?.('load');
  const reviewed = await reviewByMesh({
    baseFiles: snapshot.files,
    changes,
    baseConfig,
    headConfig,
    fallback: { defaultNamespace: request.defaultNamespace, mesh: request.mesh },
    fixes: { vipPool: request.vipPool, validate: request.validate },
    renderers: defaultRenderers(snapshot.files),
    preloaded,
    onPhase: request.onPhase,
  });
  if (!reviewed.ok) return reviewed;
  reviewed.report.diagnostics.unshift(...diagnostics);
  return { ok: true, report: reviewed.report, plan: reviewed.headPlan, notes: reviewed.notes, compared };
}

/**
 * Both sides at once: git reads one while this process parses the other.
 * Each commit is listed once for all its reads, and the listings are
 * dropped when this returns, before the review needs the memory.
 */
async function readSides(repoDir: string, git: Git | undefined, from: string, to: string, select: (path: string) => boolean, configPath: string) {
  const reads = gitReads(repoDir, git);
  const [[snapshot, baseConfigRead], [selected, headReads, headConfigRead]] = await settleInOrder([
    settleInOrder([reads.snapshot(from, select, DEFAULT_MAX_FILE_BYTES), reads.paths(from, [configPath], DEFAULT_MAX_FILE_BYTES)]),
    (async () => {
      const changed = selectChanges(await changedPathsBetween(repoDir, from, to, git), select);
      return settleInOrder([
        Promise.resolve(changed),
        reads.paths(to, changed.filter((c) => c.status !== 'removed').map((c) => c.path), DEFAULT_MAX_FILE_BYTES),
        reads.paths(to, [configPath], DEFAULT_MAX_FILE_BYTES),
      ]);
    })(),
  ]);
  return { snapshot, selected, headReads, baseConfigRead, headConfigRead };
}
