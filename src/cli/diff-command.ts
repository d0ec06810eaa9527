import { changedPathsBetween } from '../adapters/git/changed-paths.js';
import { mergeBase } from '../adapters/git/commits.js';
import { readPaths, readSnapshot } from '../adapters/git/snapshot.js';
import { gitOk } from '../adapters/git/run-git.js';
import { DEFAULT_MAX_FILE_BYTES } from '../core/load/load-sources.js';
import type { MeshOptions } from '../core/model.js';
import type { ManifestValidator } from '../core/fixes/suggest-fixes.js';
import { reviewChange, type ChangedFile, type ReviewReport } from '../core/review/review-change.js';
import { selectChanges } from '../core/review/select-changes.js';

export interface DiffRequest {
  repoDir: string;
  base: string;
  head: string;
  select: (path: string) => boolean;
  defaultNamespace: string;
  mesh: Partial<MeshOptions>;
  vipPool: string | undefined;
  validate: ManifestValidator;
}

/**
 * What a pull request from `head` into `base` would be told, computed from
 * local git objects: the full base set at the merge base, the changes up to
 * head. Nothing is checked out and no file of either side is executed.
 */
export async function reviewLocalChange(request: DiffRequest): Promise<ReviewReport> {
  const resolve = async (ref: string) => (await gitOk(request.repoDir, ['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`])).toString('utf8').trim();
  const head = await resolve(request.head);
  const base = await resolve(request.base);
  const from = (await mergeBase(request.repoDir, base, head)) ?? base;
  const snapshot = await readSnapshot(request.repoDir, from, request.select, DEFAULT_MAX_FILE_BYTES);
  const selected = selectChanges(await changedPathsBetween(request.repoDir, from, head), request.select);
  const reads = await readPaths(request.repoDir, head, selected.filter((c) => c.status !== 'removed').map((c) => c.path), DEFAULT_MAX_FILE_BYTES);
  const diagnostics = [...snapshot.diagnostics];
  const changes: ChangedFile[] = selected.map((change) => {
    const read = reads.get(change.path);
    if (change.status === 'removed' || !read) return change;
    if (read.kind === 'text') return { ...change, headText: read.text };
    if (read.kind === 'skipped') diagnostics.push(read.diagnostic);
    return { ...change, status: 'removed' };
  });
  const report = reviewChange({
    baseFiles: snapshot.files,
    changes,
    defaultNamespace: request.defaultNamespace,
    mesh: request.mesh,
    fixes: { vipPool: request.vipPool, validate: request.validate },
  });
  report.diagnostics.unshift(...diagnostics);
  return report;
}

