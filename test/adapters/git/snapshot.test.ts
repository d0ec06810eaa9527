import { changedPathsBetween } from '../../../src/adapters/git/changed-paths.js';
import { ensureCommit, hasCommit, mergeBase } from '../../../src/adapters/git/commits.js';
import { readPaths, readSnapshot } from '../../../src/adapters/git/snapshot.js';
import { TempGitRepo } from '../../helpers/temp-git-repo.js';

const yaml = (path: string) => /\.ya?ml$/.test(path);

describe('reading a commit from git objects', () => {
  let repo: TempGitRepo;
  let base: string;
  let head: string;

  beforeAll(() => {
    repo = new TempGitRepo();
    repo.write('deploy/a.yaml', 'kind: A\n').write('deploy/b.yml', 'kind: B\n').write('README.md', '# not a manifest\n');
    repo.write('deploy/latin1.yaml', Buffer.from([0x6b, 0x3a, 0x20, 0xe9, 0x0a]));
    repo.write('deploy/big.yaml', `# ${'x'.repeat(2000)}\n`);
    repo.symlink('deploy/escape.yaml', '/etc/passwd');
    repo.write(`deploy/${'long-directory-name/'.repeat(8)}deep.yaml`, 'kind: Deep\n');
    base = repo.commit('base');
    repo.write('deploy/a.yaml', 'kind: A2\n').remove('deploy/b.yml').write('deploy/c.yaml', 'kind: C\n');
    repo.git('mv', 'deploy/latin1.yaml', 'deploy/renamed.yaml');
    // What is in the work tree must not matter: only objects are read.
    head = repo.commit('head');
    repo.write('deploy/a.yaml', 'kind: WORKTREE\n');
  });
  afterAll(() => repo.dispose());

  it('reads every matching file at the commit, not the work tree', async () => {
    const snapshot = await readSnapshot(repo.dir, base, yaml, 1000);
    expect(snapshot.files.map((f) => f.path).sort()).toEqual(['deploy/a.yaml', 'deploy/b.yml', 'deploy/latin1.yaml', `deploy/${'long-directory-name/'.repeat(8)}deep.yaml`]);
    expect(snapshot.files.find((f) => f.path === 'deploy/a.yaml')?.text).toBe('kind: A\n');
  });

  it('never follows a symlink, and says so with the path', async () => {
    const snapshot = await readSnapshot(repo.dir, base, yaml, 1000);
    expect(snapshot.diagnostics).toContainEqual(expect.objectContaining({ code: 'symlink-not-followed', location: { path: 'deploy/escape.yaml', line: 1, column: 1 } }));
    expect(snapshot.files.some((f) => f.text.includes('root:'))).toBe(false);
  });

  it('reports a file over the size limit without reading it', async () => {
    const snapshot = await readSnapshot(repo.dir, base, yaml, 1000);
    expect(snapshot.diagnostics).toContainEqual(expect.objectContaining({ code: 'file-too-large', location: expect.objectContaining({ path: 'deploy/big.yaml' }) }));
  });

  it('decodes non-UTF-8 bytes to replacement characters instead of failing', async () => {
    const snapshot = await readSnapshot(repo.dir, base, yaml, 1000);
    expect(snapshot.files.find((f) => f.path === 'deploy/latin1.yaml')?.text).toBe('k: \ufffd\n');
  });

  it('reads named paths at head and tells absent ones apart', async () => {
    const reads = await readPaths(repo.dir, head, ['deploy/a.yaml', 'deploy/b.yml', 'deploy/escape.yaml'], 1000);
    expect(reads.get('deploy/a.yaml')).toEqual({ kind: 'text', text: 'kind: A2\n', oid: repo.git('rev-parse', `${head}:deploy/a.yaml`) });
    expect(reads.get('deploy/b.yml')).toEqual({ kind: 'absent' });
    expect(reads.get('deploy/escape.yaml')).toMatchObject({ kind: 'skipped' });
  });

  it('lists the changes between two commits with renames, as GitHub would', async () => {
    const changes = await changedPathsBetween(repo.dir, base, head);
    expect(changes).toEqual(expect.arrayContaining([
      { path: 'deploy/a.yaml', status: 'modified' },
      { path: 'deploy/b.yml', status: 'removed' },
      { path: 'deploy/c.yaml', status: 'added' },
      { path: 'deploy/renamed.yaml', previousPath: 'deploy/latin1.yaml', status: 'renamed' },
    ]));
    expect(await mergeBase(repo.dir, base, head)).toBe(base);
  });

  it('knows which commits it has and cannot fetch without a remote', async () => {
    expect(await hasCommit(repo.dir, base)).toBe(true);
    expect(await hasCommit(repo.dir, 'f'.repeat(40))).toBe(false);
    expect(await hasCommit(repo.dir, '--output=/tmp/x')).toBe(false);
    expect(await ensureCommit(repo.dir, 'f'.repeat(40), () => undefined)).toBe(false);
  });

  it('fetches a missing commit from origin in a shallow clone', async () => {
    const clone = new TempGitRepo('seg-clone-');
    try {
      clone.git('remote', 'add', 'origin', `file://${repo.dir}`);
      clone.git('fetch', '--quiet', '--depth=1', 'origin', head);
      expect(await hasCommit(clone.dir, base)).toBe(false);
      const logs: string[] = [];
      expect(await ensureCommit(clone.dir, base, (m) => logs.push(m))).toBe(true);
      expect((await readSnapshot(clone.dir, base, yaml, 1000)).files.map((f) => f.path)).toContain('deploy/b.yml');
    } finally {
      clone.dispose();
    }
  });
});

describe('a workspace that is not a git repository', () => {
  it('has no commits, even inside an enclosing repository', async () => {
    const outer = new TempGitRepo('seg-outer-');
    try {
      const sha = outer.write('a.yaml', 'x').commit('outer');
      outer.write('workspace/.keep', '');
      expect(await hasCommit(`${outer.dir}/workspace`, sha)).toBe(false);
      expect(await hasCommit(outer.dir, sha)).toBe(true);
    } finally {
      outer.dispose();
    }
  });
});
