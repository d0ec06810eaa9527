import { readFileSync } from 'node:fs';
import { jest } from '@jest/globals';
import { pullRequestPayload } from '../helpers/webhook-payload.js';
import { pullRequestRepo, type PullRequestRepo } from '../helpers/pull-request-repo.js';
import { SUMMARY_MARKER } from '../../src/core/review-comments/markers.js';
import { servePullRequests } from '../helpers/loopback-pull-request.js';
import { type ChildRun, describeBuiltAction, parseOutputs, runDist, TOKEN } from '../helpers/run-dist.js';

/**
 * Runs the bundled action exactly as the runner does: `node dist/index.js`
 * with the environment GitHub sets, against a loopback GitHub. A missing
 * bundle fails every test here (see describeBuiltAction), never skips them.
 */

function runPr(pr: PullRequestRepo, apiUrl: string, inputs: Record<string, string>, headRepo?: string): Promise<ChildRun> {
  const { owner, repo, pullNumber, baseSha, headSha, files } = pr.fake.options;
  const payload = pullRequestPayload('synchronize', { owner, repo, number: pullNumber, baseSha, headSha, changedFiles: files.length, ...(headRepo ? { headRepo } : {}) });
  return runDist({ name: 'pull_request', payload, sha: headSha, ref: `refs/pull/${pullNumber}/merge`, repository: `${owner}/${repo}`, workspace: pr.repo.dir }, apiUrl, inputs);
}

describeBuiltAction('the bundled action (dist/index.js) on a pull request', () => {
  jest.setTimeout(180_000);
  // Each test has its own repository and loopback GitHub, so they run at once.
  const open = servePullRequests(() => pullRequestRepo('pr-adds-second-tcp-443-entry'));

  it.concurrent('reviews, fails the check, and sends only requests GitHub documents, three runs leaving one comment and one review', async () => {
    const { pr, github, apiUrl } = await open();
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await runPr(pr, apiUrl, {}));
    expect(github.violations).toEqual([]);
    const [first] = runs;
    expect(runs.map((r) => r.code)).toEqual([1, 1, 1]);
    // Annotations name the mesh, the default one included.
    expect(first!.stdout).toContain('::error title=tcp-shadowed on 0.0.0.0_443 in mesh default,file=deploy/github.yaml,line=12::');
    // existing: the base's lone 443/TCP entry already held the port's match-all chain (tcp-captures-port).
    expect(parseOutputs(first!.outputs)).toMatchObject({ introduced: '1', resolved: '0', existing: '1' });
    expect(JSON.parse(readFileSync(parseOutputs(first!.outputs)['report-json']!, 'utf8'))).toMatchObject({ kind: 'review', counts: { introduced: 1 } });
    expect(first!.summary).toContain('0.0.0.0_443');
    expect(pr.fake.issueComments.filter((c) => c.body.includes(SUMMARY_MARKER))).toHaveLength(1);
    expect(pr.fake.reviews).toHaveLength(1);
    // On the lines its verified one-click fix replaces: a VIP inserted before `ports:` (line 11).
    expect(pr.fake.reviewComments).toEqual([expect.objectContaining({ path: 'deploy/github.yaml', line: 11 })]);
    expect(pr.fake.reviewComments[0]!.body).toContain('```suggestion\n  addresses:\n');
  });

  it.concurrent('keeps the token out of everything but the mask command', async () => {
    const { pr, apiUrl } = await open();
    const run = await runPr(pr, apiUrl, {});
    const withoutMask = run.stdout.split('\n').filter((l) => l !== `::add-mask::${TOKEN}`).join('\n');
    expect(run.stdout).toContain(`::add-mask::${TOKEN}`);
    for (const text of [withoutMask, run.stderr, run.outputs, run.summary]) expect(text).not.toContain(TOKEN);
  });

  it.concurrent('degrades on a fork\'s read-only token to annotations, job summary and the same exit code', async () => {
    const { pr, github, apiUrl } = await open();
    pr.fake.readOnly = true;
    const run = await runPr(pr, apiUrl, {}, 'someone/gitops');
    expect(github.violations).toEqual([]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('cannot write to this pull request');
    expect(run.stdout).toContain('file=deploy/github.yaml,line=12::');
    expect(run.summary).toContain('0.0.0.0_443');
    expect(pr.fake.issueComments).toEqual([]);
  });
});
