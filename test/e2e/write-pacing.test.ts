import { jest } from '@jest/globals';
import { servePullRequests } from '../helpers/loopback-pull-request.js';
import { movingBaseRepo } from '../helpers/moving-base-repo.js';
import { describeBuiltAction, runDist } from '../helpers/run-dist.js';

/**
 * GitHub asks for a pause between mutative requests when an integration
 * makes many of them; a one-comment pull request makes three (the review,
 * the summary comment, the GraphQL identity query), and must not wait
 * seconds for them.
 */
describeBuiltAction('pauses between writes (dist/index.js)', () => {
  jest.setTimeout(120_000);
  const open = servePullRequests(movingBaseRepo);

  it('a one-comment pull request posts its review and summary without pauses between them', async () => {
    const { pr, github, apiUrl } = await open('branch-adds-crlf-entry');
    const run = await runDist(pr.event({ checkout: false }), apiUrl, {});
    expect(github.violations).toEqual([]);
    expect(run.code).toBe(1);
    expect(pr.fake.reviewComments).toHaveLength(1);
    const writes = pr.fake.requests.filter((r) => r.method !== 'GET');
    const gaps = writes.slice(1).map((w, i) => w.at! - writes[i]!.at!);
    process.stdout.write(`one-comment PR: ${run.elapsedMs} ms wall; ${writes.length} writes (${writes.map((w) => `${w.method} ${w.path.replace(/^\/repos\/acme\/gitops/, '')}`).join(', ')}); gaps ${gaps.join(', ')} ms\n`);
    // The plugin's defaults would hold the comment 3 s behind the review, and each write 1 s behind the last.
    for (const gap of gaps) expect(gap).toBeLessThan(900);
  });
});
