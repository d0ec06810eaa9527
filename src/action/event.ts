import { readFileSync } from 'node:fs';

export interface PullRequestContext {
  kind: 'pull-request';
  number: number;
  baseSha: string;
  headSha: string;
  /** owner/name of the branch's repository; differs from the base repository for forks. */
  headRepo: string | undefined;
  isFork: boolean;
  /** What the event says the pull request touches; more than the files endpoint lists means it was capped. */
  changedFiles: number | undefined;
  /**
   * Commits that may be the merge result GitHub built for this head: GITHUB_SHA
   * when the run is on refs/pull/N/merge (pull_request), and the payload's
   * merge_commit_sha. Each is trusted only once its parents are checked.
   */
  mergeCandidates: string[];
}

/** A merge queue's candidate commit: the queued pull requests merged onto base_sha. */
export interface MergeGroupContext {
  kind: 'merge-group';
  baseSha: string;
  headSha: string;
  headRef: string;
}

export interface TreeContext {
  kind: 'tree';
  sha: string;
}

export type RunContext = PullRequestContext | MergeGroupContext | TreeContext;

interface PullRequestPayload {
  number?: unknown;
  base?: { sha?: unknown; repo?: { full_name?: unknown } };
  head?: { sha?: unknown; repo?: { full_name?: unknown } | null };
  changed_files?: unknown;
  merge_commit_sha?: unknown;
}

interface MergeGroupPayload {
  base_sha?: unknown;
  head_sha?: unknown;
  head_ref?: unknown;
}

/**
 * What to review: the pull request of a pull_request / pull_request_target
 * event (shas from the payload, which names the commits GitHub built the
 * event for), the queued change of a merge_group event (head_sha judged
 * against base_sha), or for any other event the whole tree at GITHUB_SHA.
 */
export function readRunContext(env: Readonly<Record<string, string | undefined>>): RunContext {
  const path = env['GITHUB_EVENT_PATH'];
  const payload = path ? (JSON.parse(readFileSync(path, 'utf8')) as { pull_request?: PullRequestPayload; merge_group?: MergeGroupPayload }) : {};
  const group = payload.merge_group;
  if (group && typeof group.base_sha === 'string' && typeof group.head_sha === 'string') {
    return { kind: 'merge-group', baseSha: group.base_sha, headSha: group.head_sha, headRef: typeof group.head_ref === 'string' ? group.head_ref : '' };
  }
  const pr = payload.pull_request;
  if (pr && typeof pr.number === 'number' && typeof pr.base?.sha === 'string' && typeof pr.head?.sha === 'string') {
    const baseRepo = typeof pr.base.repo?.full_name === 'string' ? pr.base.repo.full_name : env['GITHUB_REPOSITORY'];
    const headRepo = typeof pr.head.repo?.full_name === 'string' ? pr.head.repo.full_name : undefined;
    return {
      kind: 'pull-request',
      number: pr.number,
      baseSha: pr.base.sha,
      headSha: pr.head.sha,
      headRepo,
      // A deleted fork has no head repository: treat it as a fork, it certainly is not ours.
      isFork: headRepo === undefined || headRepo.toLowerCase() !== (baseRepo ?? '').toLowerCase(),
      changedFiles: typeof pr.changed_files === 'number' ? pr.changed_files : undefined,
      mergeCandidates: mergeCandidates(env, pr.number, pr.merge_commit_sha),
    };
  }
  const sha = env['GITHUB_SHA'];
  if (!sha) throw new Error('neither a pull request in the event payload nor GITHUB_SHA: nothing to review');
  return { kind: 'tree', sha };
}

function mergeCandidates(env: Readonly<Record<string, string | undefined>>, number: number, payloadMerge: unknown): string[] {
  const out: string[] = [];
  const sha = env['GITHUB_SHA'];
  if (sha && env['GITHUB_REF'] === `refs/pull/${number}/merge`) out.push(sha);
  if (typeof payloadMerge === 'string' && payloadMerge && !out.includes(payloadMerge)) out.push(payloadMerge);
  return out;
}
