import { execFileSync } from 'node:child_process';
import nock from 'nock';
import { readChangedFiles, CONTENTS_CALLS_UP_TO } from '../../../src/adapters/github/changed-files.js';
import { createGitHubClient } from '../../../src/adapters/github/client.js';
import { bindNock } from '../../helpers/action-harness.js';
import { FakeGitHub } from '../../helpers/fake-github.js';
import { TempGitRepo } from '../../helpers/temp-git-repo.js';

const quiet = { info: () => undefined, warning: () => undefined };

describe('reading a pull request\'s changed files through the API', () => {
  let repo: TempGitRepo;
  let sha: string;
  const paths = Array.from({ length: CONTENTS_CALLS_UP_TO + 6 }, (_, i) => `deploy/e${i}.yaml`);
  beforeAll(() => {
    repo = new TempGitRepo();
    for (const path of paths) repo.write(path, `# ${path}\nkind: ServiceEntry\n`);
    sha = repo.commit('head');
  });
  afterAll(() => repo.dispose());
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });
  const client = () => createGitHubClient({ token: 't', baseUrl: 'https://api.github.com', log: quiet, fetch: globalThis.fetch, retryAfterBaseMs: 1 });
  const serve = (fake: FakeGitHub) => {
    nock.disableNetConnect();
    bindNock(fake);
    return fake;
  };

  it('a wide change costs one archive call, and a path the commit lacks reads as absent', async () => {
    const fake = serve(new FakeGitHub({ owner: 'o', repo: 'r', pullNumber: 1, baseSha: sha, headSha: sha, files: [], gitDir: repo.dir }));
    const reads = await readChangedFiles(client(), { owner: 'o', repo: 'r' }, sha, [...paths, 'deploy/gone.yaml'], 1_000_000);
    expect(fake.requests.map((r) => r.path)).toEqual([`/repos/o/r/tarball/${sha}`]);
    expect(reads.get('deploy/e7.yaml')).toEqual({ kind: 'text', text: '# deploy/e7.yaml\nkind: ServiceEntry\n' });
    expect(reads.get('deploy/gone.yaml')).toEqual({ kind: 'absent' });
  });

  it('an archive that ends early never passes for deleted files: what it lacked is read file by file', async () => {
    const archive = execFileSync('git', ['archive', '--format=tar.gz', '--prefix=o-r-x/', sha], { cwd: repo.dir });
    const contents = Object.fromEntries(paths.map((p) => [p, `# ${p}\nkind: ServiceEntry\n`]));
    const fake = serve(new FakeGitHub({ owner: 'o', repo: 'r', pullNumber: 1, baseSha: sha, headSha: sha, files: [], contents: { [sha]: contents }, tarballs: { [sha]: archive.subarray(0, Math.floor(archive.length / 2)) } }));
    const reads = await readChangedFiles(client(), { owner: 'o', repo: 'r' }, sha, paths, 1_000_000);
    for (const path of paths) expect(reads.get(path)).toMatchObject({ kind: 'text', text: contents[path] });
    expect(fake.requests.filter((r) => r.path.includes('/contents/')).length).toBeGreaterThan(0);
  });

  it('a small change reads each file with a contents call', async () => {
    const fake = serve(new FakeGitHub({ owner: 'o', repo: 'r', pullNumber: 1, baseSha: sha, headSha: sha, files: [], gitDir: repo.dir }));
    await readChangedFiles(client(), { owner: 'o', repo: 'r' }, sha, paths.slice(0, 3), 1_000_000);
    expect(fake.requests.map((r) => r.path.split('/')[4])).toEqual(['contents', 'contents', 'contents']);
  });
});
