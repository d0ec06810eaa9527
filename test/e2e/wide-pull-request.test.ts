import { existsSync, rmSync } from 'node:fs';
import { jest } from '@jest/globals';
import { LoopbackGitHub } from '../helpers/loopback-github.js';
import { movingBaseRepo, type MovingBaseRepo } from '../helpers/moving-base-repo.js';
import { OpenApiChecker } from '../helpers/openapi-checker.js';
import { DIST, runDist, TOKEN } from '../helpers/run-dist.js';
import { widePullRequestFixture } from '../helpers/wide-pull-request.js';

const describeDist = existsSync(DIST) ? describe : describe.skip;

/**
 * A 300-file pull request (300 new collisions) on a base that moved on,
 * reviewed by the bundled action without a checkout: everything is read
 * through the loopback GitHub, as on a runner without actions/checkout.
 */
describeDist('a 300-file pull request without a checkout (dist/index.js)', () => {
  jest.setTimeout(300_000);
  const checker = new OpenApiChecker();
  let fixture: string;
  let pr: MovingBaseRepo;
  let github: LoopbackGitHub;
  let apiUrl: string;
  beforeAll(() => {
    fixture = widePullRequestFixture(300);
  });
  afterAll(() => rmSync(fixture, { recursive: true, force: true }));
  beforeEach(async () => {
    pr = movingBaseRepo(fixture);
    github = new LoopbackGitHub(pr.fake, checker, TOKEN);
    apiUrl = await github.start();
  });
  afterEach(async () => {
    await github.stop();
    pr.repo.dispose();
  });

  it('reads the changed files in a few calls, not one per file', async () => {
    const run = await runDist(pr.event({ checkout: false }), apiUrl, {});
    expect(github.violations).toEqual([]);
    expect(run.code).toBe(1);
    const reads = pr.fake.requests.filter((r) => r.method === 'GET' && /\/(contents|tarball)\//.test(r.path));
    process.stdout.write(`300-file PR without a checkout: ${run.elapsedMs} ms wall, ${pr.fake.requests.length} requests, ${reads.length} content/archive reads\n`);
    expect(reads.length).toBeLessThanOrEqual(3);
  });
});
