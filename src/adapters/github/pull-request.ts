import type { GitHubClient } from './client.js';

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface PullRef extends RepoRef {
  pullNumber: number;
}

/** A file as the pull request files endpoint lists it. */
export interface PullRequestFile {
  path: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previousPath?: string;
  /** The unified diff GitHub shows; absent for binary files and very large diffs. */
  patch?: string;
  /** The file's blob id at the head commit. */
  sha?: string;
}

export interface PullRequestFiles {
  files: PullRequestFile[];
  /** GitHub lists at most this many files of a pull request. */
  capped: boolean;
}

/** The files endpoint stops here; a bigger pull request is only partly listed. */
export const PULL_REQUEST_FILES_CAP = 3000;

export async function listPullRequestFiles(client: GitHubClient, pull: PullRef): Promise<PullRequestFiles> {
  const raw = await client.paginate(client.rest.pulls.listFiles, { owner: pull.owner, repo: pull.repo, pull_number: pull.pullNumber, per_page: 100 });
  const files = raw.map((f): PullRequestFile => ({
    path: f.filename,
    status: f.status,
    ...(f.previous_filename ? { previousPath: f.previous_filename } : {}),
    ...(typeof f.patch === 'string' ? { patch: f.patch } : {}),
    ...(typeof f.sha === 'string' && f.sha ? { sha: f.sha } : {}),
  }));
  return { files, capped: files.length >= PULL_REQUEST_FILES_CAP };
}

export interface PullRequestState {
  headSha: string;
  state: string;
}

/** Re-read right before posting: a newer push makes this run's results stale. */
export async function readPullRequestState(client: GitHubClient, pull: PullRef): Promise<PullRequestState> {
  const { data } = await client.rest.pulls.get({ owner: pull.owner, repo: pull.repo, pull_number: pull.pullNumber });
  return { headSha: data.head.sha, state: data.state };
}
