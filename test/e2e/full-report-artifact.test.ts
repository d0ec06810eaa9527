import { rmSync } from 'node:fs';
import { jest } from '@jest/globals';
import { SUMMARY_MARKER } from '../../src/core/review-comments/markers.js';
import { FakeArtifactService } from '../helpers/fake-artifact-service.js';
import { servePullRequests } from '../helpers/loopback-pull-request.js';
import { movingBaseRepo } from '../helpers/moving-base-repo.js';
import { describeBuiltAction, runDist } from '../helpers/run-dist.js';
import { widePullRequestFixture } from '../helpers/wide-pull-request.js';

/**
 * 30 new collisions against max-inline-comments 25: the inline comments are
 * cut, so the full report goes to the run's artifact service (a loopback
 * one speaking the runner's Twirp and blob upload protocol) and the summary
 * comment links it; with upload-report off nothing is uploaded.
 */
describeBuiltAction('the full report survives the job as an artifact (dist/index.js)', () => {
  jest.setTimeout(240_000);
  let fixture: string;
  let artifacts: FakeArtifactService;
  beforeAll(() => {
    fixture = widePullRequestFixture(30);
  });
  afterAll(() => rmSync(fixture, { recursive: true, force: true }));
  const open = servePullRequests(movingBaseRepo);
  beforeEach(async () => {
    artifacts = new FakeArtifactService();
    await artifacts.start();
  });
  afterEach(() => artifacts.stop());

  it('uploads report.json, report.md and the SARIF, and the summary comment links the artifact', async () => {
    const { pr, github, apiUrl } = await open(fixture);
    const run = await runDist(pr.event(), apiUrl, {}, artifacts.env());
    expect(github.violations).toEqual([]);
    expect(run.code).toBe(1);
    const artifact = artifacts.artifacts.get('serviceentry-guard-report-serviceentry-guard');
    expect(artifact).toMatchObject({ finalized: true });
    // A zip: its central directory names each file in plain text.
    expect(artifact!.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    for (const name of ['report.json', 'report.md', 'results.sarif']) expect(artifact!.bytes.includes(Buffer.from(name))).toBe(true);
    const summary = pr.fake.issueComments.find((c) => c.body.includes(SUMMARY_MARKER))!.body;
    expect(summary).toContain(`[workflow artifact](https://github.com/acme/gitops/actions/runs/4242/artifacts/${artifact!.id})`);
    expect(summary).toMatch(/5 findings only here because this pull request reached `max-inline-comments` \(25\)/);
    expect(run.stdout).toMatch(/Cut to fit [^\n]*max-inline-comments \(25\): the full report \(report\.json, report\.md, results\.sarif\) is the workflow artifact serviceentry-guard-report-serviceentry-guard/);
  });

  it('uploads nothing with upload-report: false', async () => {
    const { pr, apiUrl } = await open(fixture);
    const run = await runDist(pr.event(), apiUrl, { 'upload-report': 'false' }, artifacts.env());
    expect(run.code).toBe(1);
    expect(artifacts.artifacts.size).toBe(0);
    expect(pr.fake.issueComments.find((c) => c.body.includes(SUMMARY_MARKER))!.body).not.toContain('workflow artifact');
  });
});
