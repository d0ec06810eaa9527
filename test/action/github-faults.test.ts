import nock from 'nock';
import { SUMMARY_MARKER, inlineMarker } from '../../src/core/review-comments/markers.js';
import { PR_AUTHOR } from '../helpers/fake-github.js';
import { bindNock, runAction } from '../helpers/action-harness.js';
import { pullRequestRepo, usePullRequestRepo } from '../helpers/pull-request-repo.js';

const pr = usePullRequestRepo('pr-adds-second-tcp-443-entry');

const count = (method: string, path: RegExp) => pr.fake.requests.filter((r) => r.method === method && path.test(r.path)).length;
const REVIEWS = /\/pulls\/7\/reviews$/;
const ISSUE_COMMENTS = /\/issues\/7\/comments$/;

describe('a fork pull request or a read-only token', () => {
  it('degrades to job summary, annotations and exit code, with one clear log line', async () => {
    pr.fake.readOnly = true;
    const { result, io } = await runAction({ fake: pr.fake, workspace: pr.repo.dir, headRepo: 'forker/gitops' });
    expect(result.exitCode).toBe(1);
    expect(result.published).toMatchObject({ status: 'read-only' });
    expect(io.logs.filter((l) => l.includes('cannot write to this pull request'))).toEqual([
      expect.stringContaining('expected for pull requests from forks'),
    ]);
    expect(io.summaries).toHaveLength(1);
    expect(io.annotations).toHaveLength(1);
    expect(pr.fake.issueComments).toEqual([]);
  });
});

describe('a newer push while the run was analysing', () => {
  it('makes the older run post nothing, while its check still reports its own commit', async () => {
    pr.fake.headSha = 'b'.repeat(40);
    const { result, io } = await runAction({ fake: pr.fake, workspace: pr.repo.dir });
    expect(result.published).toEqual({ status: 'stale', newerSha: 'b'.repeat(40) });
    expect(pr.fake.writes()).toEqual([]);
    expect(io.logs).toContainEqual(expect.stringContaining('has moved on to bbbbbbbbbbbb'));
    expect(result.exitCode).toBe(1);
  });
});

describe('a failed review POST', () => {
  it('is not sent again when GitHub had stored it before the 502', async () => {
    pr.fake.fail({ method: 'POST', path: REVIEWS, status: 502, times: 1, afterEffect: true });
    const { io } = await runAction({ fake: pr.fake, workspace: pr.repo.dir });
    expect(count('POST', REVIEWS)).toBe(1);
    expect(pr.fake.reviews).toHaveLength(1);
    expect(pr.fake.reviewComments).toHaveLength(1);
    expect(io.logs).toContainEqual(expect.stringContaining('GitHub had carried it out; not sending it again'));
  });

  it('is checked and then sent once more when it did not land', async () => {
    pr.fake.fail({ method: 'POST', path: REVIEWS, status: 503, times: 1 });
    await runAction({ fake: pr.fake, workspace: pr.repo.dir });
    expect(count('POST', REVIEWS)).toBe(2);
    expect(count('GET', REVIEWS)).toBe(1);
    expect(pr.fake.reviews).toHaveLength(1);
  });

  it('is not retried automatically on a secondary rate limit either, only after checking', async () => {
    pr.fake.fail({ method: 'POST', path: REVIEWS, status: 403, times: 1, message: 'You have exceeded a secondary rate limit', headers: { 'retry-after': '1' }, afterEffect: true });
    await runAction({ fake: pr.fake, workspace: pr.repo.dir });
    expect(count('POST', REVIEWS)).toBe(1);
    expect(pr.fake.reviews).toHaveLength(1);
  });

  it('gives up after the second failure without failing the job for it', async () => {
    pr.fake.fail({ method: 'POST', path: REVIEWS, status: 500, times: 2 });
    const { result, io } = await runAction({ fake: pr.fake, workspace: pr.repo.dir });
    expect(count('POST', REVIEWS)).toBe(2);
    expect(result.published).toMatchObject({ status: 'failed' });
    expect(io.logs).toContainEqual(expect.stringContaining('Could not post to the pull request (HTTP 500'));
    // Same exit code as when posting works: the check is about the change, not about GitHub's day.
    expect(result.exitCode).toBe(1);
  });
});

describe('a 422 on inline comments', () => {
  it('moves the comments to the summary when the diff has not changed', async () => {
    pr.fake.fail({ method: 'POST', path: REVIEWS, status: 422, times: 1 });
    const { io } = await runAction({ fake: pr.fake, workspace: pr.repo.dir });
    expect(count('POST', REVIEWS)).toBe(1);
    expect(pr.fake.reviews).toEqual([]);
    expect(pr.fake.issueComments[0]!.body).toContain('1 finding only here');
    expect(io.logs).toContainEqual(expect.stringContaining('HTTP 422'));
  });

  it('retries once without the comment whose line left the diff', async () => {
    const two = pullRequestRepo('pr-adds-two-collisions');
    try {
      nock.cleanAll();
      bindNock(two.fake);
      const postgres = two.fake.options.files.find((f) => f.filename === 'deploy/postgres.yaml')!;
      // The run plans against the diff it listed; before its review arrives, a force-push shrinks that file's diff.
      two.fake.beforeHandle = (request) => {
        if (request.method === 'POST' && request.path.endsWith('/reviews')) postgres.patch = '@@ -0,0 +1,1 @@\n+# only the first line is in the diff now';
      };
      const { io } = await runAction({ fake: two.fake, workspace: two.repo.dir });
      const posts = two.fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/reviews'));
      // Each collision comes with the match-all chain its holder keeps on the port (tcp-captures-port): two comments per file.
      expect(posts.map((p) => (p.body as { comments: Array<{ path: string }> }).comments.map((c) => c.path))).toEqual([
        ['deploy/https.yaml', 'deploy/https.yaml', 'deploy/postgres.yaml', 'deploy/postgres.yaml'],
        ['deploy/https.yaml', 'deploy/https.yaml'],
      ]);
      expect(two.fake.reviews).toHaveLength(1);
      expect(two.fake.issueComments[0]!.body).toContain('2 findings only here');
      expect(io.logs).toContainEqual(expect.stringContaining('HTTP 422'));
    } finally {
      two.repo.dispose();
    }
  });
});

describe('transient faults on reads', () => {
  it('retries a 502 on the files list', async () => {
    pr.fake.fail({ method: 'GET', path: /\/pulls\/7\/files$/, status: 502, times: 2 });
    const { result } = await runAction({ fake: pr.fake, workspace: pr.repo.dir });
    expect(count('GET', /\/pulls\/7\/files$/)).toBe(3);
    expect(result.published).toMatchObject({ status: 'posted' });
  });

  it('waits out a secondary rate limit with retry-after on a read', async () => {
    pr.fake.fail({ method: 'GET', path: ISSUE_COMMENTS, status: 403, times: 1, message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', headers: { 'retry-after': '2' } });
    const { result, io } = await runAction({ fake: pr.fake, workspace: pr.repo.dir });
    expect(result.published).toMatchObject({ status: 'posted' });
    expect(io.logs).toContainEqual(expect.stringContaining('secondary rate limit on GET'));
    expect(pr.fake.issueComments).toHaveLength(1);
  });

  it('waits out a 429 on a read', async () => {
    pr.fake.fail({ method: 'GET', path: /\/pulls\/7$/, status: 429, times: 1, headers: { 'retry-after': '1' } });
    const { result } = await runAction({ fake: pr.fake, workspace: pr.repo.dir });
    expect(result.published).toMatchObject({ status: 'posted' });
  });
});

describe('the summary comment', () => {
  it('is created once even when the create request\'s response is lost', async () => {
    pr.fake.fail({ method: 'POST', path: ISSUE_COMMENTS, status: 500, times: 1, afterEffect: true });
    await runAction({ fake: pr.fake, workspace: pr.repo.dir });
    expect(count('POST', ISSUE_COMMENTS)).toBe(1);
    expect(pr.fake.issueComments).toHaveLength(1);
  });

  it('is found on a later page and updated in place', async () => {
    for (let i = 0; i < 230; i++) pr.fake.addIssueComment(`chatter ${i}`, PR_AUTHOR);
    await runAction({ fake: pr.fake, workspace: pr.repo.dir });
    pr.fake.headSha = pr.head;
    // A later push changes the body (new head sha in the footer); the comment must be edited, not re-created.
    pr.fake.issueComments.find((c) => c.body.includes(SUMMARY_MARKER))!.body += '\nstale';
    await runAction({ fake: pr.fake, workspace: pr.repo.dir });
    expect(pr.fake.issueComments.filter((c) => c.body.includes(SUMMARY_MARKER))).toHaveLength(1);
    expect(count('PATCH', /\/issues\/comments\/\d+$/)).toBe(1);
    expect(pr.fake.requests.filter((r) => r.method === 'GET' && ISSUE_COMMENTS.test(r.path)).map((r) => r.query.get('page') ?? '1')).toContain('3');
  });

  it('ignores our marker in someone else\'s comment, so nobody can hijack or suppress it', async () => {
    pr.fake.addIssueComment(`${SUMMARY_MARKER}\nall good here!`, PR_AUTHOR);
    const firstRun = await runAction({ fake: pr.fake, workspace: pr.repo.dir, inputs: { mode: 'comment' } });
    expect(firstRun.result.published).toMatchObject({ status: 'posted', summary: { action: 'created' } });
    expect(pr.fake.issueComments.find((c) => c.user === PR_AUTHOR)!.body).toContain('all good here!');
  });

  it('removes duplicates an earlier race left, keeping the oldest', async () => {
    await runAction({ fake: pr.fake, workspace: pr.repo.dir, inputs: { mode: 'comment' } });
    pr.fake.addIssueComment(pr.fake.issueComments[0]!.body, pr.fake.tokenUser);
    await runAction({ fake: pr.fake, workspace: pr.repo.dir, inputs: { mode: 'comment' } });
    expect(pr.fake.issueComments).toHaveLength(1);
  });
});

describe('inline comment dedupe', () => {
  it('does not trust inline markers in comments by other people', async () => {
    const report = await runAction({ fake: pr.fake, workspace: pr.repo.dir, inputs: { mode: 'check' } });
    expect(report.result.exitCode).toBe(1);
    const ourKeysLookalike = (await import('../../src/core/review-comments/markers.js')).inlineKey;
    const findingId = JSON.parse((await import('node:fs')).readFileSync(report.io.outputs['report-json']!, 'utf8')).introduced[0].id as string;
    pr.fake.addReviewComment(`lgtm ${inlineMarker([ourKeysLookalike(findingId, 'egress/github')])}`, PR_AUTHOR, 'deploy/github.yaml', 12);
    await runAction({ fake: pr.fake, workspace: pr.repo.dir });
    expect(pr.fake.reviews).toHaveLength(1);
  });
});

describe('a clean pull request', () => {
  it('creates no comment when there is nothing about the change to say', async () => {
    const clean = pullRequestRepo('pr-unrelated-change-keeps-existing');
    try {
      nock.cleanAll();
      bindNock(clean.fake);
      const { result } = await runAction({ fake: clean.fake, workspace: clean.repo.dir });
      expect(result.exitCode).toBe(0);
      expect(clean.fake.writes()).toEqual([]);
      expect(result.published).toMatchObject({ status: 'posted', summary: { action: 'not-created' } });
    } finally {
      clean.repo.dispose();
    }
  });
});
