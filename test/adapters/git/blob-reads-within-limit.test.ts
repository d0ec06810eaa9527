import { PARALLEL_ABOVE } from '../../../src/adapters/git/blob-reads.js';
import { gitReads } from '../../../src/adapters/git/snapshot.js';
import { RecordingGit } from '../../helpers/recording-git.js';
import { TempGitRepo } from '../../helpers/temp-git-repo.js';

const yaml = (path: string) => /\.ya?ml$/.test(path);
const LIMIT = 1000;
const LFS_POINTER = 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n';

describe('reading blobs within the size limit', () => {
  let repo: TempGitRepo;
  let commit: string;
  const oid = (path: string) => repo.git('rev-parse', `${commit}:${path}`);

  beforeAll(() => {
    repo = new TempGitRepo();
    repo.write('deploy/small.yaml', 'kind: Small\n');
    repo.write('deploy/at-limit.yaml', `#${'x'.repeat(LIMIT - 2)}\n`);
    repo.write('deploy/over.yaml', `#${'x'.repeat(LIMIT - 1)}\n`);
    repo.write('deploy/same-as-small.yaml', 'kind: Small\n');
    repo.write('deploy/empty.yaml', '');
    repo.symlink('deploy/link.yaml', 'small.yaml');
    // Git objects hold the pointer; no filter ever runs, so the pointer text is what is read.
    repo.write('.gitattributes', 'deploy/lfs.yaml filter=lfs diff=lfs merge=lfs -text\n').write('deploy/lfs.yaml', LFS_POINTER);
    repo.commit('files');
    // A submodule is a gitlink entry: a commit id in the tree, no blob to read.
    repo.git('update-index', '--add', '--cacheinfo', `160000,${'a'.repeat(40)},deploy/sub.yaml`);
    repo.git('commit', '--quiet', '-m', 'submodule');
    commit = repo.git('rev-parse', 'HEAD');
  });
  afterAll(() => repo.dispose());

  it('reads files up to the limit and reports larger ones, without reading them', async () => {
    const git = new RecordingGit();
    const snapshot = await gitReads(repo.dir, git).snapshot(commit, yaml, LIMIT);
    expect(snapshot.files).toEqual([
      { path: 'deploy/at-limit.yaml', text: `#${'x'.repeat(LIMIT - 2)}\n` },
      { path: 'deploy/empty.yaml', text: '' },
      { path: 'deploy/lfs.yaml', text: LFS_POINTER },
      { path: 'deploy/same-as-small.yaml', text: 'kind: Small\n' },
      { path: 'deploy/small.yaml', text: 'kind: Small\n' },
    ]);
    // In tree order, worded as before.
    expect(snapshot.diagnostics).toEqual([
      { severity: 'warning', code: 'symlink-not-followed', message: 'is a symbolic link; links are never followed, so it was not analysed', location: { path: 'deploy/link.yaml', line: 1, column: 1 } },
      { severity: 'error', code: 'file-too-large', message: `is ${LIMIT + 1} bytes, over the ${LIMIT} limit; not analysed`, location: { path: 'deploy/over.yaml', line: 1, column: 1 } },
    ]);
    const contentsAsked = git.matching('cat-file', '--batch').flatMap((c) => c.input);
    expect(contentsAsked).not.toContain(oid('deploy/over.yaml'));
    // A link's target is never looked up, not even its size; a blob two paths share is read once.
    expect(git.calls.flatMap((c) => c.input)).not.toContain(oid('deploy/link.yaml'));
    expect(contentsAsked.filter((o) => o === oid('deploy/small.yaml'))).toHaveLength(1);
  });

  it('reads named paths as before: over the limit skipped, symlinks skipped, submodules and missing paths absent', async () => {
    const reads = await gitReads(repo.dir).paths(commit, ['deploy/over.yaml', 'deploy/link.yaml', 'deploy/sub.yaml', 'deploy/none.yaml', 'deploy/small.yaml'], LIMIT);
    expect(reads.get('deploy/over.yaml')).toMatchObject({ kind: 'skipped', diagnostic: { code: 'file-too-large' } });
    expect(reads.get('deploy/link.yaml')).toMatchObject({ kind: 'skipped', diagnostic: { code: 'symlink-not-followed' } });
    expect(reads.get('deploy/sub.yaml')).toEqual({ kind: 'absent' });
    expect(reads.get('deploy/none.yaml')).toEqual({ kind: 'absent' });
    expect(reads.get('deploy/small.yaml')).toEqual({ kind: 'text', text: 'kind: Small\n', oid: oid('deploy/small.yaml') });
    // The order callers iterate in: what was not read first, in tree order, then the texts, then paths the tree lacks.
    expect([...reads.keys()]).toEqual(['deploy/link.yaml', 'deploy/over.yaml', 'deploy/sub.yaml', 'deploy/small.yaml', 'deploy/none.yaml']);
  });
});

describe('many blobs', () => {
  let repo: TempGitRepo;
  let commit: string;
  const count = PARALLEL_ABOVE * 2 + 7;
  const name = (i: number) => `deploy/f-${String(i).padStart(3, '0')}.yaml`;
  const text = (i: number) => (i % 10 === 3 ? `# ${'y'.repeat(LIMIT)}\n` : `kind: F${i}\n${'z'.repeat(i)}\n`);

  beforeAll(() => {
    repo = new TempGitRepo();
    for (let i = 0; i < count; i++) repo.write(name(i), text(i));
    commit = repo.commit('many');
  });
  afterAll(() => repo.dispose());

  it('are read by two cat-file processes that split them, with the limit enforced and the result in tree order', async () => {
    const git = new RecordingGit();
    const snapshot = await gitReads(repo.dir, git).snapshot(commit, yaml, LIMIT);
    const expected = Array.from({ length: count }, (_, i) => i).filter((i) => i % 10 !== 3);
    expect(snapshot.files).toEqual(expected.map((i) => ({ path: name(i), text: text(i) })));
    expect(snapshot.diagnostics.map((d) => [d.code, d.location.path])).toEqual(
      Array.from({ length: count }, (_, i) => i).filter((i) => i % 10 === 3).map((i) => ['file-too-large', name(i)]));
    const batches = git.matching('cat-file', '--batch', '--buffer');
    expect(batches).toHaveLength(2);
    const [first, second] = batches.map((c) => c.input);
    expect(first!.filter((o) => second!.includes(o))).toEqual([]);
    expect(first!.length + second!.length).toBe(expected.length);
  });
});
