import { changedPathsBetween } from '../adapters/git/changed-paths.js';
import { ensureCommit } from '../adapters/git/commits.js';
import { settleInOrder } from '../adapters/git/settle-in-order.js';
import type { GitReads } from '../adapters/git/snapshot.js';
import type { GitHubClient } from '../adapters/github/client.js';
import type { RepoRef } from '../adapters/github/pull-request.js';
import { readSnapshotViaTarball } from '../adapters/github/tarball-snapshot.js';
import type { Diagnostic, SourceFile } from '../core/model.js';
import type { ChangedFile } from '../core/review/review-change.js';
import { selectChanges } from '../core/review/select-changes.js';
import type { MergeGroupContext } from './event.js';

export interface MergeGroupSources {
  baseFiles: SourceFile[];
  changes: ChangedFile[];
  diagnostics: Diagnostic[];
  via: 'git' | 'api';
}

export interface MergeGroupDeps {
  client: GitHubClient;
  repo: RepoRef;
  group: MergeGroupContext;
  /** The checkout's git objects (undefined without a checkout); each commit is listed once for all reads. */
  reads: GitReads | undefined;
  select: (path: string) => boolean;
  maxBytes: number;
  log: { info(m: string): void };
}

/**
 * A merge queue's candidate commit is the queued pull requests merged onto
 * base_sha, so what it introduces is the difference between the two: the
 * base set at base_sha, and every file that differs at head_sha. Old
 * collisions already on the base branch stay existing and never block the
 * queue. Git objects when the checkout has both commits; otherwise the two
 * archives (two calls), compared in memory.
 */
export async function gatherMergeGroupSources(deps: MergeGroupDeps): Promise<MergeGroupSources> {
  const { group } = deps;
  const note = (m: string) => deps.log.info(m);
  const { reads } = deps;
  const local = reads !== undefined
    && (await ensureCommit(reads.repoDir, group.baseSha, note, reads.git))
    && (await ensureCommit(reads.repoDir, group.headSha, note, reads.git));
  if (local && reads) {
    // Both sides at once: git reads the base set while the head's changes are listed and read.
    const [base, [selected, headReads]] = await settleInOrder([
      reads.snapshot(group.baseSha, deps.select, deps.maxBytes),
      (async () => {
        const changed = selectChanges(await changedPathsBetween(reads.repoDir, group.baseSha, group.headSha, reads.git), deps.select);
        return [changed, await reads.paths(group.headSha, changed.filter((c) => c.status !== 'removed').map((c) => c.path), deps.maxBytes)] as const;
      })(),
    ]);
    const diagnostics = [...base.diagnostics];
    const changes = selected.map((change): ChangedFile => {
      const read = headReads.get(change.path);
      if (change.status === 'removed') return change;
      if (read?.kind === 'text') return { ...change, headText: read.text };
      if (read?.kind === 'skipped') diagnostics.push(read.diagnostic);
      return { ...change };
    });
    return { baseFiles: base.files, changes, diagnostics, via: 'git' };
  }
  const [base, head] = await Promise.all([
    readSnapshotViaTarball(deps.client, deps.repo, group.baseSha, deps.select, deps.maxBytes),
    readSnapshotViaTarball(deps.client, deps.repo, group.headSha, deps.select, deps.maxBytes),
  ]);
  const before = new Map(base.files.map((f) => [f.path, f.text]));
  const after = new Map(head.files.map((f) => [f.path, f.text]));
  const changes: ChangedFile[] = [];
  for (const [path, text] of after) {
    const old = before.get(path);
    if (old === undefined) changes.push({ path, status: 'added', headText: text });
    else if (old !== text) changes.push({ path, status: 'modified', headText: text });
  }
  for (const path of before.keys()) if (!after.has(path)) changes.push({ path, status: 'removed' });
  // Files unreadable at head include those unreadable at base that the queue left alone.
  return { baseFiles: base.files, changes, diagnostics: head.diagnostics, via: 'api' };
}
