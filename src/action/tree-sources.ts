import { ensureCommit } from '../adapters/git/commits.js';
import type { SnapshotRead } from '../adapters/git/file-read.js';
import type { GitReads } from '../adapters/git/snapshot.js';
import type { GitHubClient } from '../adapters/github/client.js';
import type { RepoRef } from '../adapters/github/pull-request.js';
import { readSnapshotViaTarball } from '../adapters/github/tarball-snapshot.js';

/**
 * Every manifest at one commit (push, schedule, workflow_dispatch): from git objects, else one tarball call.
 * `reads` is the checkout's (undefined without one), shared with the config read so the commit is listed once.
 */
export async function gatherTree(deps: { client: GitHubClient; repo: RepoRef; sha: string; reads: GitReads | undefined; select: (path: string) => boolean; maxBytes: number; log: (m: string) => void }): Promise<SnapshotRead & { via: 'git' | 'api' }> {
  if (deps.reads && (await ensureCommit(deps.reads.repoDir, deps.sha, deps.log, deps.reads.git))) {
    return { ...(await deps.reads.snapshot(deps.sha, deps.select, deps.maxBytes)), via: 'git' };
  }
  deps.log(`The checkout does not have ${deps.sha.slice(0, 12)}; reading manifests through the GitHub API instead.`);
  return { ...(await readSnapshotViaTarball(deps.client, deps.repo, deps.sha, deps.select, deps.maxBytes)), via: 'api' };
}
