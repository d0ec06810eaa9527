import { createRequire } from 'node:module';
import { runAction } from '../helpers/action-harness.js';
import { usePullRequestRepo } from '../helpers/pull-request-repo.js';

const require = createRequire(import.meta.url);
const pushPayload = () => {
  const all = require('@octokit/webhooks-examples/api.github.com/index.json') as Array<{ name: string; examples: unknown[] }>;
  return structuredClone(all.find((e) => e.name === 'push')!.examples[0]);
};

const pr = usePullRequestRepo('pr-adds-second-tcp-443-entry');

describe('outside a pull request (push, schedule, workflow_dispatch)', () => {
  it('analyses the whole tree at GITHUB_SHA, reports every finding as existing, and fails at the level', async () => {
    const { result, io } = await runAction({ fake: pr.fake, workspace: pr.repo.dir, otherEvent: { name: 'push', payload: pushPayload(), sha: pr.head } });
    // The collision, and the match-all chain its holder keeps on 443 (tcp-captures-port).
    expect(io.outputs).toMatchObject({ introduced: '0', resolved: '0', existing: '2' });
    expect(io.summaries[0]).toContain('0.0.0.0_443');
    expect(pr.fake.requests).toEqual([]);
    expect(result.exitCode).toBe(1);
  });

  it('on a tree without collisions, still fails on the lone 443/TCP entry that captures every undeclared HTTPS host', async () => {
    const { result, io } = await runAction({ fake: pr.fake, workspace: pr.repo.dir, otherEvent: { name: 'push', payload: pushPayload(), sha: pr.base } });
    expect(io.outputs['existing']).toBe('1');
    expect(io.summaries[0]).toContain('tcp-captures-port');
    expect(result.exitCode).toBe(1);
  });
});
