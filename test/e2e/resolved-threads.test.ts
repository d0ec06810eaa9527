import { jest } from '@jest/globals';
import { commitSuggestionAndPush } from '../helpers/branch-push.js';
import { runBuiltCli } from '../helpers/github-suggestion.js';
import { servePullRequests } from '../helpers/loopback-pull-request.js';
import { movingBaseRepo, type MovingBaseRepo } from '../helpers/moving-base-repo.js';
import { describeBuiltAction, runDist } from '../helpers/run-dist.js';

/**
 * Run 1 comments on a new collision; the author commits the one-click fix;
 * run 2, on the new head (main having moved on after the branch point),
 * finds the collision gone and resolves the thread of that comment.
 */
describeBuiltAction('inline comments of fixed findings are resolved on the next run (dist/index.js)', () => {
  jest.setTimeout(240_000);
  const open = servePullRequests(movingBaseRepo);

  it('resolves the review thread through GraphQL once the pull request fixed the collision', async () => {
    const { pr, github, apiUrl } = await open('branch-adds-crlf-entry');
    const first = await runDist(pr.event(), apiUrl, {});
    expect(first.code).toBe(1);
    expect(pr.fake.reviewComments).toHaveLength(1);
    const comment = pr.fake.reviewComments[0]!;
    expect(pr.fake.resolvedThreads.has(comment.id)).toBe(false);

    const second = await runDist(commitSuggestionAndPush(pr, 'deploy/github.yaml'), apiUrl, {});
    expect(github.violations).toEqual([]);
    expect(second.code).toBe(0);
    expect(pr.fake.resolvedThreads).toEqual(new Set([comment.id]));
    expect(second.stdout).toContain('1 thread resolved');
    // The fixed branch merged with main, checked by the CLI: nothing introduced.
    expect(JSON.parse(runBuiltCli(pr.repo.dir, 'diff', '--base', 'main', '--head', 'feature', '--format', 'json').stdout)).toMatchObject({ counts: { introduced: 0 } });

    // A re-run finds nothing left to resolve, and writes nothing.
    const resolves = () => pr.fake.requests.filter((r) => JSON.stringify(r.body ?? '').includes('resolveReviewThread')).length;
    const [writesBefore, resolvesBefore] = [pr.fake.writes().length, resolves()];
    expect((await runDist(rerunEvent(pr), apiUrl, {})).code).toBe(0);
    expect([pr.fake.writes().length, resolves()]).toEqual([writesBefore, resolvesBefore]);
  });

  it('marks the comment resolved at the new head by an edit when GraphQL may not resolve threads', async () => {
    const { pr, github, apiUrl } = await open('branch-adds-crlf-entry');
    await runDist(pr.event(), apiUrl, {});
    pr.fake.graphqlMutationsRefused = true;
    const second = await runDist(commitSuggestionAndPush(pr, 'deploy/github.yaml'), apiUrl, {});
    expect(github.violations).toEqual([]);
    expect(second.code).toBe(0);
    expect(pr.fake.resolvedThreads.size).toBe(0);
    expect(pr.fake.reviewComments[0]!.body).toMatch(new RegExp(`^> ✅ \\*\\*Resolved\\*\\* at ${pr.fake.headSha.slice(0, 12)}`));
    expect(second.stdout).toMatch(/::warning::GitHub refused to resolve a review thread/);
    // Once marked, a later run leaves it alone.
    const edits = () => pr.fake.requests.filter((r) => r.method === 'PATCH' && r.path.includes('/pulls/comments/')).length;
    const before = edits();
    await runDist(rerunEvent(pr), apiUrl, {});
    expect(edits()).toBe(before);
  });
});

/** The pull request's current head and merge commit again: a re-run. */
function rerunEvent(pr: MovingBaseRepo) {
  const merge = pr.repo.git('rev-parse', 'refs/pull/7/merge');
  const event = pr.event();
  const payload = event.payload as { pull_request: { head: { sha: string }; merge_commit_sha: string } };
  payload.pull_request.head.sha = pr.fake.headSha;
  payload.pull_request.merge_commit_sha = merge;
  return { ...event, sha: merge };
}
