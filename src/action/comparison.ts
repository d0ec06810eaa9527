import { commitParents, ensureCommit, mergeBase } from '../adapters/git/commits.js';
import type { GitHubClient } from '../adapters/github/client.js';
import { commitParentsViaApi, mergeBaseViaApi } from '../adapters/github/commits.js';
import type { RepoRef } from '../adapters/github/pull-request.js';
import type { PullRequestContext } from './event.js';

/**
 * The two commits a pull request is judged between. Only what merging the
 * pull request changes may count as its own, so commits the base branch got
 * after the branch point are never attributed to it:
 * - `merge`: the base tip against GitHub's merge commit for this head (the
 *   tree the merge button would produce), the best answer;
 * - `branch`: no merge commit (conflicts, or GitHub has not built one yet):
 *   the merge base against the head, what the branch itself changes;
 * - `base-tip`: neither could be found: base.sha against the head, the
 *   last resort, said loudly because main's later edits look like reverts.
 */
export interface Comparison {
  kind: 'merge' | 'branch' | 'base-tip';
  /** The side without the change: base tip (merge, base-tip) or merge base (branch). */
  before: string;
  /** The side with it: the merge commit, or the head. */
  after: string;
  /** One sentence for the log, job summary and summary comment. */
  description: string;
}

export interface ComparisonDeps {
  client: GitHubClient;
  repo: RepoRef;
  pr: PullRequestContext;
  /** Set when the checkout's git objects can be used. */
  gitDir: string | undefined;
  log: { info(m: string): void; warning(m: string): void };
}

export async function decideComparison(deps: ComparisonDeps): Promise<Comparison> {
  const { pr } = deps;
  const short = (sha: string) => sha.slice(0, 12);
  for (const candidate of pr.mergeCandidates) {
    const parents = await parentsOf(deps, candidate);
    // The merge commit must be of this very head; its first parent is the base tip it was merged onto.
    if (parents?.length === 2 && parents[1] === pr.headSha) {
      return {
        kind: 'merge',
        before: parents[0]!,
        after: candidate,
        description: `Compared the base branch at ${short(parents[0]!)} with GitHub's merge commit ${short(candidate)} (this head merged into it), so changes made on the base branch after the branch point are not counted as this pull request's.`,
      };
    }
  }
  const from = await mergeBaseOf(deps);
  if (from) {
    return {
      kind: 'branch',
      before: from,
      after: pr.headSha,
      description: `No merge commit of this head was available (the branch may conflict with the base branch), so the head ${short(pr.headSha)} was compared with the merge base ${short(from)}: what this branch changes, without the base branch's later commits. Collisions that appear only once both are merged are not seen until the branch is updated.`,
    };
  }
  deps.log.warning(`Neither a merge commit of head ${short(pr.headSha)} nor its merge base with ${short(pr.baseSha)} could be read; comparing the base tip with the head, so edits made on the base branch after the branch point may show up as this pull request's.`);
  return {
    kind: 'base-tip',
    before: pr.baseSha,
    after: pr.headSha,
    description: `Compared the base tip ${short(pr.baseSha)} with the head ${short(pr.headSha)} (no merge commit or merge base could be read): changes on the base branch since the branch point may appear as this pull request's.`,
  };
}

async function parentsOf(deps: ComparisonDeps, sha: string): Promise<string[] | undefined> {
  if (deps.gitDir && (await ensureCommit(deps.gitDir, sha, (m) => deps.log.info(m)))) {
    const local = await commitParents(deps.gitDir, sha);
    if (local) return local;
  }
  return commitParentsViaApi(deps.client, deps.repo, sha);
}

async function mergeBaseOf(deps: ComparisonDeps): Promise<string | undefined> {
  if (deps.gitDir) {
    const local = await mergeBase(deps.gitDir, deps.pr.baseSha, deps.pr.headSha);
    if (local) return local;
  }
  return mergeBaseViaApi(deps.client, deps.repo, deps.pr.baseSha, deps.pr.headSha);
}
