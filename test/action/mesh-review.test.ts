import { readJson, runAction } from '../helpers/action-harness.js';
import { usePullRequestRepo } from '../helpers/pull-request-repo.js';

// prod already has github and huaweicloud on 443/TCP; the pull request adds huaweicloud to staging too.
const pr = usePullRequestRepo('pr-two-clusters-config');
const inputs = { config: 'deploy/.serviceentry-guard.yaml' };

describe('reviewing a pull request in a repository with a config of two clusters', () => {
  it('introduces only the staging collision, keeps prod\'s as existing, and says how the repository was split', async () => {
    const { result, io } = await runAction({ fake: pr.fake, workspace: pr.repo.dir, inputs });
    expect(result.exitCode).toBe(1);
    // Existing: prod's collision plus the tcp-captures-port of each mesh's 0.0.0.0_443 chain, held before the change.
    expect(io.outputs).toMatchObject({ introduced: '1', resolved: '0', existing: '3' });
    expect(io.logs).toContain('2 meshes from deploy/.serviceentry-guard.yaml: prod (2 files), staging (2 files).');
    const report = readJson(io.outputs['report-json']!);
    expect(report.introduced.map((f: { mesh: string; rule: string; newEntryRefs: string[] }) => [f.mesh, f.rule, f.newEntryRefs])).toEqual([['staging', 'tcp-shadowed', ['egress/huaweicloud']]]);
    expect(report.existing.map((f: { mesh: string; rule: string }) => [f.mesh, f.rule])).toEqual([
      ['prod', 'tcp-shadowed'], ['prod', 'tcp-captures-port'], ['staging', 'tcp-captures-port'],
    ]);
    expect(report.meshes.map((m: { name: string; entryCount: number }) => [m.name, m.entryCount])).toEqual([['prod', 2], ['staging', 2]]);
  });

  it('names the mesh in the inline comment, the annotation, the summary comment and the job summary', async () => {
    const { io } = await runAction({ fake: pr.fake, workspace: pr.repo.dir, inputs });
    expect(pr.fake.reviewComments).toEqual([expect.objectContaining({ path: 'deploy/staging-huaweicloud.yaml' })]);
    expect(pr.fake.reviewComments[0]!.body).toContain('mesh `staging`');
    expect(io.annotations).toEqual([expect.objectContaining({ place: expect.objectContaining({ file: 'deploy/staging-huaweicloud.yaml', title: 'tcp-shadowed on 0.0.0.0_443 in mesh staging' }) })]);
    for (const body of [pr.fake.issueComments[0]!.body, io.summaries[0]!]) {
      expect(body).toContain('| Status | Mesh | Severity |');
      expect(body).toContain('| 🆕 introduced | `staging` |');
      expect(body).toContain('| ⏺ existing | `prod` |');
    }
  });

  it('fails naming the input when the config it names is not in the repository', async () => {
    const { result, io } = await runAction({ fake: pr.fake, workspace: pr.repo.dir, inputs: { config: 'deploy/missing.yaml' } });
    expect(result.exitCode).toBe(1);
    expect(io.failed).toEqual([expect.stringContaining('input config names deploy/missing.yaml, which is not in the repository')]);
  });
});
