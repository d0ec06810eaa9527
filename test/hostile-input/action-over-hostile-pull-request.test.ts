import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { TempGitRepo } from '../helpers/temp-git-repo.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { FakeGitHub } from '../helpers/fake-github.js';
import { bindNock, filesBetween, readJson, runAction } from '../helpers/action-harness.js';

const REVIEW = join(REPO_ROOT, 'test/fixtures/reviews/pr-adds-second-tcp-443-entry');

describe('a pull request with hostile files next to a real collision', () => {
  let repo: TempGitRepo;
  let fake: FakeGitHub;
  beforeAll(() => {
    nock.disableNetConnect();
    repo = new TempGitRepo();
    repo.write('deploy/huaweicloud.yaml', readFileSync(join(REVIEW, 'base/huaweicloud.yaml'), 'utf8'));
    const base = repo.commit('base');
    repo.write('deploy/github.yaml', readFileSync(join(REVIEW, 'head/github.yaml'), 'utf8'));
    repo.symlink('deploy/passwd.yaml', '/etc/passwd');
    repo.write('deploy/latin1.yaml', Buffer.from('metadata:\n  name: caf\xe9\n', 'latin1'));
    repo.write('deploy/broken.yaml', 'kind: ServiceEntry\nspec: [unclosed\n');
    repo.write('deploy/mention.yaml', 'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: "@here-team"\n  namespace: egress\nspec:\n  hosts: ["x.example.com"]\n  ports: [{number: 443, name: t, protocol: TCP}]\n  resolution: DNS\n');
    const head = repo.commit('head');
    fake = new FakeGitHub({ owner: 'acme', repo: 'gitops', pullNumber: 7, baseSha: base, headSha: head, files: filesBetween(repo.dir, base, head) });
    bindNock(fake);
  });
  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
    repo.dispose();
  });

  it('still finds the collision, reports each unreadable file by path, and never reads through the symlink', async () => {
    const { result, io } = await runAction({ fake, workspace: repo.dir });
    expect(result.exitCode).toBe(1);
    const report = readJson(io.outputs['report-json']!);
    expect(report.counts.introduced).toBe(1);
    const diagnosed = report.diagnostics.map((d: { location: { path: string }; code: string }) => `${d.location.path} ${d.code}`);
    expect(diagnosed).toContain('deploy/passwd.yaml symlink-not-followed');
    expect(diagnosed.some((d: string) => d.startsWith('deploy/broken.yaml'))).toBe(true);
    expect(JSON.stringify(report)).not.toContain('root:x:0:0');
    expect(io.annotations.map((a) => a.place.file)).toEqual(expect.arrayContaining(['deploy/github.yaml', 'deploy/passwd.yaml', 'deploy/broken.yaml']));
  });

  it('posts the entry named after a team without mentioning the team', async () => {
    await runAction({ fake, workspace: repo.dir });
    const posted = fake.writes().map((w) => JSON.stringify(w.body)).join('\n');
    expect(posted).toContain('here-team');
    // GitHub does not turn @names inside code spans into mentions; everywhere else the @ must be defused.
    const outsideCode = posted.replace(/`[^`]*`/g, '');
    expect(outsideCode).not.toContain('@here-team');
  });
});
