import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SUMMARY_MARKER } from '../../src/core/review-comments/markers.js';
import { tablesOf } from '../helpers/inspect-markdown.js';
import { jest } from '@jest/globals';
import { servePullRequests } from '../helpers/loopback-pull-request.js';
import { movingBaseRepo } from '../helpers/moving-base-repo.js';
import { describeBuiltAction, parseOutputs, runDist } from '../helpers/run-dist.js';
import { widePullRequestFixture } from '../helpers/wide-pull-request.js';

/**
 * A 300-file pull request (300 new collisions) on a base that moved on,
 * reviewed by the bundled action without a checkout: everything is read
 * through the loopback GitHub, as on a runner without actions/checkout.
 */
describeBuiltAction('a 300-file pull request without a checkout (dist/index.js)', () => {
  jest.setTimeout(300_000);
  let fixture: string;
  beforeAll(() => {
    fixture = widePullRequestFixture(300);
  });
  afterAll(() => rmSync(fixture, { recursive: true, force: true }));
  const open = servePullRequests(movingBaseRepo);

  it('reads the changed files in a few calls, not one per file', async () => {
    const { pr, github, apiUrl } = await open(fixture);
    const run = await runDist(pr.event({ checkout: false }), apiUrl, {});
    expect(github.violations).toEqual([]);
    expect(run.code).toBe(1);
    const reads = pr.fake.requests.filter((r) => r.method === 'GET' && /\/(contents|tarball)\//.test(r.path));
    process.stdout.write(`300-file PR without a checkout: ${run.elapsedMs} ms wall, ${pr.fake.requests.length} requests, ${reads.length} content/archive reads\n`);
    expect(reads.length).toBeLessThanOrEqual(3);
  });

  it('gives 300 findings a summary a reviewer can scan, short inline comments, and keeps the full report', async () => {
    const { pr, github, apiUrl } = await open(fixture);
    const run = await runDist(pr.event(), apiUrl, {});
    expect(github.violations).toEqual([]);
    expect(run.code).toBe(1);
    const summary = pr.fake.issueComments.find((c) => c.body.includes(SUMMARY_MARKER))!.body;
    expect(summary.length).toBeLessThanOrEqual(65_536);
    // Counts first: the verdict, then one row per mesh, rule and severity with its ports as ranges.
    expect(summary).toMatch(/This change introduces \*\*300\*\* listener collisions/);
    const [glance, table] = tablesOf(summary);
    expect(glance!.header).toMatch(/^\| Rule \| Severity \| 🆕 Introduced/);
    expect(glance!.rows.find((r) => r.includes('tcp-shadowed'))).toMatch(/\| 300 \| 0 \| 0 \| 20000–20299 \|/);
    expect(summary.indexOf('At a glance')).toBeLessThan(summary.indexOf(table!.header));
    expect(summary).not.toContain('<details open>');
    // The cut note names the limit it hit and where the rest is.
    expect(summary).toContain('cut to fit GitHub\'s 65,536-character comment limit');
    expect(summary).toMatch(/275 findings only here because this pull request reached `max-inline-comments` \(25\)/);
    // Inline comments: 25, short, each linking to the summary comment.
    expect(pr.fake.reviewComments).toHaveLength(25);
    const summaryUrl = `https://github.com/acme/gitops/pull/7#issuecomment-${pr.fake.issueComments[0]!.id}`;
    for (const c of pr.fake.reviewComments) {
      expect(c.body.length).toBeLessThan(1_500);
      expect(c.body).toContain(`(${summaryUrl})`);
      expect(c.body).toMatch(/\*\*Wins:\*\* `egress\/db-\d+`/);
    }
    // No artifact service outside a runner: one log line, the report stays on disk and in the job summary, the check unchanged.
    expect(run.stdout.split('\n').filter((l) => l.includes('not uploaded as an artifact'))).toHaveLength(1);
    const reportJson = parseOutputs(run.outputs)['report-json']!;
    expect(readFileSync(join(dirname(reportJson), 'report.md'), 'utf8')).toContain('cache-20299');
    expect(run.summary).toContain('20000–20299');
  });
});
