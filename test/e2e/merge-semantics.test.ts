import { jest } from '@jest/globals';
import { SUMMARY_MARKER } from '../../src/core/review-comments/markers.js';
import { servePullRequests } from '../helpers/loopback-pull-request.js';
import { movingBaseRepo } from '../helpers/moving-base-repo.js';
import { applySuggestionAsGitHub, checkFiles, runBuiltCli, suggestionBody } from '../helpers/github-suggestion.js';
import { describeBuiltAction, parseOutputs, runDist } from '../helpers/run-dist.js';

/**
 * The bundled action on pull requests whose base branch moved on after the
 * branch point, in real git repositories with GitHub's merge commit: only
 * what merging the pull request changes may count as its own.
 */
describeBuiltAction('judging a pull request on what merging it produces (dist/index.js)', () => {
  jest.setTimeout(180_000);
  // Each test has its own repository and loopback GitHub, so they run at once.
  const open = servePullRequests(movingBaseRepo);

  it.concurrent.each([true, false])('a collision main added after the branch point stays existing, not resolved (checkout: %s)', async (checkout) => {
    const { pr, github, apiUrl } = await open('main-adds-collision-pr-edits-same-file');
    const run = await runDist(pr.event({ checkout }), apiUrl, {});
    expect(github.violations).toEqual([]);
    expect(run.code).toBe(0);
    // The collision and the match-all chain its holder keeps (tcp-captures-port): both main's, both existing.
    expect(parseOutputs(run.outputs)).toMatchObject({ introduced: '0', resolved: '0', existing: '2' });
    expect(run.stdout).toContain(`GitHub's merge commit ${pr.merge!.slice(0, 12)}`);
    expect(pr.fake.issueComments).toEqual([]);
  });

  it.concurrent.each([true, false])('a collision main fixed after the branch point is not re-introduced by an unrelated edit of the same file (checkout: %s)', async (checkout) => {
    const { pr, github, apiUrl } = await open('main-fixes-collision-pr-edits-same-file');
    const run = await runDist(pr.event({ checkout }), apiUrl, {});
    expect(github.violations).toEqual([]);
    // main's fix left one entry on the port: the match-all chain it holds (tcp-captures-port) is existing, never the PR's.
    expect(parseOutputs(run.outputs)).toMatchObject({ introduced: '0', resolved: '0', existing: '1' });
    expect(run.code).toBe(0);
  });

  it.concurrent('pull_request_target: the merge commit named in the payload is used, with its parents checked', async () => {
    const { pr, apiUrl } = await open('main-fixes-collision-pr-edits-same-file');
    const run = await runDist(pr.event({ name: 'pull_request_target' }), apiUrl, {});
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`GitHub's merge commit ${pr.merge!.slice(0, 12)}`);
  });

  it.concurrent.each([true, false])('a collision only the merge has is introduced; the comment and its one-click fix sit on the head lines and fix the merge (checkout: %s)', async (checkout) => {
    const { pr, github, apiUrl } = await open('main-and-branch-add-entries-on-one-port');
    const run = await runDist(pr.event({ checkout }), apiUrl, {});
    expect(github.violations).toEqual([]);
    expect(run.code).toBe(1);
    // The port's match-all chain (tcp-captures-port) was already held on the base: existing, whatever joins it.
    expect(parseOutputs(run.outputs)).toMatchObject({ introduced: '1', resolved: '0', existing: '1' });
    expect(pr.fake.issueComments.filter((c) => c.body.includes(SUMMARY_MARKER))).toHaveLength(1);
    expect(pr.fake.issueComments[0]!.body).toContain('merge commit');
    // The branch's own entry (github, head lines 19-33) carries the comment; main's entry has no head line.
    const [comment] = pr.fake.reviewComments;
    expect(pr.fake.reviewComments).toHaveLength(1);
    const headText = pr.repo.git('show', `${pr.head}:deploy/shared.yaml`) + '\n';
    const headLines = headText.split('\n');
    const body = suggestionBody(comment!.body);
    expect(body).toBeDefined();
    const start = comment!.start_line ?? comment!.line;
    expect(headLines.slice(start - 1, comment!.line).join('\n')).toMatch(/ports:|github/);
    // Commit the suggestion as GitHub would, then merge main again and ask the CLI.
    const applied = applySuggestionAsGitHub(headText, start, comment!.line, body!);
    const alone = checkFiles({ 'deploy/shared.yaml': applied });
    expect(alone.report.diagnostics).toEqual([]);
    expect(applied.split('\n').filter((l) => l.startsWith('#'))).toEqual(headLines.filter((l) => l.startsWith('#')));
    pr.repo.git('checkout', '--quiet', 'feature');
    pr.repo.write('deploy/shared.yaml', applied);
    pr.repo.commit('Apply suggestion from ServiceEntry Guard');
    pr.repo.git('checkout', '--quiet', 'main');
    const after = runBuiltCli(pr.repo.dir, 'diff', '--base', 'main', '--head', 'feature', '--format', 'json');
    expect(after.stderr).toContain('the result of merging feature');
    // The collision is fixed; main's older entry still holds the port's match-all chain (tcp-captures-port), as on main.
    expect(JSON.parse(after.stdout).counts).toEqual({ introduced: 0, resolved: 0, existing: 1 });
  });

  it.concurrent('a branch that conflicts with main is compared with its merge base, and the summary says so', async () => {
    const { pr, github, apiUrl } = await open('conflicting-branch-adds-entry');
    expect(pr.merge).toBeUndefined();
    const run = await runDist(pr.event(), apiUrl, {});
    expect(github.violations).toEqual([]);
    expect(run.code).toBe(1);
    expect(parseOutputs(run.outputs)).toMatchObject({ introduced: '1' });
    expect(run.summary).toContain('No merge commit of this head was available');
    expect(run.summary).toContain(pr.branchPoint.slice(0, 12));
    expect(pr.fake.issueComments[0]!.body).toContain('No merge commit of this head was available');
    const cli = runBuiltCli(pr.repo.dir, 'diff', '--base', 'main', '--head', 'feature');
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('does not merge cleanly');
  });
});
