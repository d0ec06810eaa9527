import type { GitHubClient } from './client.js';
import { classifyFailure } from './failures.js';
import type { RepoRef } from './pull-request.js';

/** A commit's parents through the Git database API; undefined when GitHub does not have it. */
export async function commitParentsViaApi(client: GitHubClient, repo: RepoRef, sha: string): Promise<string[] | undefined> {
  try {
    const { data } = await client.rest.git.getCommit({ owner: repo.owner, repo: repo.repo, commit_sha: sha });
    return data.parents.map((p) => p.sha);
  } catch (error) {
    const kind = classifyFailure(error).kind;
    if (kind === 'not-found' || kind === 'unprocessable') return undefined;
    throw error;
  }
}

/** Where head branched off base, as the compare endpoint (three-dot) reports it. */
export async function mergeBaseViaApi(client: GitHubClient, repo: RepoRef, base: string, head: string): Promise<string | undefined> {
  try {
    const { data } = await client.rest.repos.compareCommitsWithBasehead({ owner: repo.owner, repo: repo.repo, basehead: `${base}...${head}`, per_page: 1 });
    return data.merge_base_commit?.sha || undefined;
  } catch (error) {
    const kind = classifyFailure(error).kind;
    if (kind === 'not-found' || kind === 'unprocessable') return undefined;
    throw error;
  }
}
