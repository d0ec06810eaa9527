import { jest } from '@jest/globals';
import { servePullRequests } from '../helpers/loopback-pull-request.js';
import { movingBaseRepo } from '../helpers/moving-base-repo.js';
import { describeBuiltAction, parseOutputs, runDist } from '../helpers/run-dist.js';

/**
 * merge_group: the queue's candidate commit is judged against base_sha, so
 * a collision the base branch already had never blocks the queue, and one
 * the queued change brings does.
 */
describeBuiltAction('the bundled action in a merge queue (dist/index.js)', () => {
  jest.setTimeout(180_000);
  // Each test has its own repository and loopback GitHub, so they run at once.
  const open = servePullRequests(movingBaseRepo);

  it.concurrent.each([true, false])('an old collision on the base branch does not block an unrelated queued change (checkout: %s)', async (checkout) => {
    const { pr: queue, github, apiUrl } = await open('queued-change-beside-old-collision');
    const run = await runDist(queue.mergeGroupEvent({ checkout }), apiUrl, {});
    expect(github.violations).toEqual([]);
    expect(run.code).toBe(0);
    // The old collision and the match-all chain its holder keeps (tcp-captures-port): both existing.
    expect(parseOutputs(run.outputs)).toMatchObject({ introduced: '0', resolved: '0', existing: '2' });
    expect(run.stdout).toContain(`compared base ${queue.baseTip.slice(0, 12)} with the queued merge ${queue.merge!.slice(0, 12)}`);
    // No pull request to write to: the job summary, annotations and exit code carry the result.
    expect(queue.fake.writes()).toEqual([]);
  });

  it.concurrent.each([true, false])('a queued change that adds a colliding entry fails the queue (checkout: %s)', async (checkout) => {
    const { pr: queue, github, apiUrl } = await open('queued-change-adds-colliding-entry');
    const run = await runDist(queue.mergeGroupEvent({ checkout }), apiUrl, {});
    expect(github.violations).toEqual([]);
    expect(run.code).toBe(1);
    // The port's match-all chain (tcp-captures-port) was already held on the base: existing, whatever joins it.
    expect(parseOutputs(run.outputs)).toMatchObject({ introduced: '1', existing: '1' });
    expect(run.stdout).toContain('::error title=tcp-shadowed on 0.0.0.0_443 in mesh default,file=deploy/gitlab.yaml');
    expect(run.summary).toContain('0.0.0.0_443');
  });
});
