import { filesBetween } from './action-harness.js';
import type { MovingBaseRepo } from './moving-base-repo.js';
import type { DistEvent } from './run-dist.js';
import { applySuggestionAsGitHub, suggestionBody } from './github-suggestion.js';
import { pullRequestPayload } from './webhook-payload.js';

/**
 * Commits the suggestion of our inline comment on `path` to the branch, as
 * "Commit suggestion" does, and moves the pull request to that commit the
 * way GitHub does on a push: new head, new three-dot file list, a new test
 * merge commit with main. Returns the synchronize event of that push.
 */
export function commitSuggestionAndPush(pr: MovingBaseRepo, path: string): DistEvent {
  const comment = pr.fake.reviewComments.find((c) => c.path === path);
  if (!comment) throw new Error(`no inline comment on ${path}`);
  const body = suggestionBody(comment.body);
  if (body === undefined) throw new Error(`no suggestion in the comment on ${path}:\n${comment.body}`);
  const headText = pr.repo.git('show', `feature:${path}`);
  // git show drops the final newline; the file keeps it.
  const applied = applySuggestionAsGitHub(`${headText}\n`, comment.start_line ?? comment.line, comment.line, body);
  pr.repo.git('checkout', '--quiet', 'feature');
  pr.repo.write(path, applied);
  const head = pr.repo.commit('Apply suggestion from ServiceEntry Guard');
  pr.repo.git('checkout', '--quiet', '--detach', pr.baseTip);
  pr.repo.git('merge', '--quiet', '--no-ff', '--no-edit', '-m', 'Merge feature into main', head);
  const merge = pr.repo.git('rev-parse', 'HEAD');
  pr.repo.git('update-ref', 'refs/pull/7/merge', merge);
  pr.repo.git('checkout', '--quiet', 'main');
  pr.fake.headSha = head;
  pr.fake.options.headSha = head;
  pr.fake.options.files = filesBetween(pr.repo.dir, pr.branchPoint, head);
  const payload = pullRequestPayload('synchronize', { owner: 'acme', repo: 'gitops', number: 7, baseSha: pr.baseTip, headSha: head, changedFiles: pr.fake.options.files.length, mergeCommitSha: merge });
  return { name: 'pull_request', payload, sha: merge, ref: 'refs/pull/7/merge', repository: 'acme/gitops', workspace: pr.repo.dir };
}
