import { runAction } from '../helpers/action-harness.js';
import { usePullRequestRepo } from '../helpers/pull-request-repo.js';

const inputs = { config: 'deploy/.serviceentry-guard.yaml' };

const broken = usePullRequestRepo('pr-breaks-config');

describe('a pull request that breaks the config file', () => {
  it('fails the step with each error at path:line:column and marks it on the config file', async () => {
    const { result, io } = await runAction({ fake: broken.fake, workspace: broken.repo.dir, inputs });
    expect(result.exitCode).toBe(1);
    expect(io.failed).toEqual([expect.stringContaining('deploy/.serviceentry-guard.yaml:4:5: unknown key "path" in meshes[0]')]);
    expect(io.annotations).toContainEqual(expect.objectContaining({ level: 'error', place: expect.objectContaining({ file: 'deploy/.serviceentry-guard.yaml', startLine: 4 }) }));
    expect(broken.fake.issueComments).toEqual([]);
  });
});
