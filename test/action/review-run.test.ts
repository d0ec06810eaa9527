import { SUMMARY_MARKER, readInlineKeys } from '../../src/core/review-comments/markers.js';
import { readJson, runAction } from '../helpers/action-harness.js';
import { usePullRequestRepo } from '../helpers/pull-request-repo.js';

const pr = usePullRequestRepo('pr-adds-second-tcp-443-entry');

describe('reviewing a pull request that adds a second TCP entry on 443', () => {
  it('posts one summary comment and one review with an inline comment on the new entry\'s port line, and fails the check', async () => {
    const { result, io } = await runAction({ fake: pr.fake, workspace: pr.repo.dir });
    expect(result.exitCode).toBe(1);
    expect(io.failed).toEqual([expect.stringContaining('introduces 1 listener collision')]);
    expect(pr.fake.issueComments).toHaveLength(1);
    expect(pr.fake.issueComments[0]!.body.startsWith(SUMMARY_MARKER)).toBe(true);
    expect(pr.fake.issueComments[0]!.body).toContain('0.0.0.0_443');
    expect(pr.fake.reviews).toHaveLength(1);
    // The comment sits on the lines its one-click fix replaces: a VIP inserted before `ports:` (line 11).
    expect(pr.fake.reviewComments).toEqual([expect.objectContaining({ path: 'deploy/github.yaml', line: 11, side: 'RIGHT' })]);
    expect(pr.fake.reviewComments[0]!.body).toMatch(/```suggestion\n {2}addresses:\n {4}- "240\.241\.\d+\.\d+"\n {2}ports:\n```/);
    expect(readInlineKeys(pr.fake.reviewComments[0]!.body)).toHaveLength(1);
  });

  it('sets the outputs and writes the JSON report under RUNNER_TEMP', async () => {
    const { io } = await runAction({ fake: pr.fake, workspace: pr.repo.dir });
    // existing: the base's lone 443/TCP entry already held the port's match-all chain (tcp-captures-port), and still does.
    expect(io.outputs).toMatchObject({ introduced: '1', resolved: '0', existing: '1' });
    const report = readJson(io.outputs['report-json']!);
    expect(report).toMatchObject({ kind: 'review', counts: { introduced: 1 }, context: { pullRequest: 7, headSha: pr.head } });
  });

  it('annotates the new entry\'s port line and writes the table to the job summary', async () => {
    const { io } = await runAction({ fake: pr.fake, workspace: pr.repo.dir });
    expect(io.annotations).toEqual([expect.objectContaining({ level: 'error', place: expect.objectContaining({ file: 'deploy/github.yaml', startLine: 12 }) })]);
    expect(io.summaries).toHaveLength(1);
    expect(io.summaries[0]).toContain('| Status | Severity | Port |');
  });

  it('reads base and head from the checkout\'s git objects, with no contents or archive API call', async () => {
    await runAction({ fake: pr.fake, workspace: pr.repo.dir });
    expect(pr.fake.requests.filter((r) => /\/(contents|tarball)\//.test(r.path))).toEqual([]);
  });

  it('leaves one summary comment and no duplicate inline comment after three runs, and the re-runs write nothing', async () => {
    await runAction({ fake: pr.fake, workspace: pr.repo.dir });
    const writesAfterFirst = pr.fake.writes().length;
    const second = await runAction({ fake: pr.fake, workspace: pr.repo.dir });
    const third = await runAction({ fake: pr.fake, workspace: pr.repo.dir, event: 'synchronize' });
    expect(pr.fake.issueComments).toHaveLength(1);
    expect(pr.fake.reviews).toHaveLength(1);
    expect(pr.fake.reviewComments).toHaveLength(1);
    expect(pr.fake.writes()).toHaveLength(writesAfterFirst);
    // The check keeps failing on every run: idempotent posting must not make the status flap.
    expect([second.result.exitCode, third.result.exitCode]).toEqual([1, 1]);
  });

  it('passes with fail-level never but still reports', async () => {
    const { result, io } = await runAction({ fake: pr.fake, workspace: pr.repo.dir, inputs: { 'fail-level': 'never' } });
    expect(result.exitCode).toBe(0);
    expect(io.failed).toEqual([]);
    expect(pr.fake.issueComments).toHaveLength(1);
  });
});

describe('modes', () => {
  it('comment mode posts the summary but no review', async () => {
    await runAction({ fake: pr.fake, workspace: pr.repo.dir, inputs: { mode: 'comment' } });
    expect(pr.fake.issueComments).toHaveLength(1);
    expect(pr.fake.reviews).toHaveLength(0);
  });

  it('summary mode never writes to the pull request but keeps the job summary, annotations and exit code', async () => {
    const { result, io } = await runAction({ fake: pr.fake, workspace: pr.repo.dir, inputs: { mode: 'summary' } });
    expect(pr.fake.writes()).toEqual([]);
    expect(io.summaries).toHaveLength(1);
    expect(io.annotations.length).toBeGreaterThan(0);
    expect(result.exitCode).toBe(1);
  });

  it('check mode only sets the exit code and outputs', async () => {
    const { result, io } = await runAction({ fake: pr.fake, workspace: pr.repo.dir, inputs: { mode: 'check' } });
    expect(pr.fake.writes()).toEqual([]);
    expect(io.summaries).toEqual([]);
    expect(io.annotations).toEqual([]);
    expect(io.outputs['introduced']).toBe('1');
    expect(result.exitCode).toBe(1);
  });

  it('rejects an unknown mode by name', async () => {
    const { result, io } = await runAction({ fake: pr.fake, workspace: pr.repo.dir, inputs: { mode: 'loud' } });
    expect(result.exitCode).toBe(1);
    expect(io.failed).toEqual([expect.stringContaining('input mode is "loud"; expected one of review, comment, summary, check')]);
    expect(pr.fake.requests).toEqual([]);
  });
});
