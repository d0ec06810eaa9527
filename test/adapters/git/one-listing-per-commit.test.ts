import { gitReads } from '../../../src/adapters/git/snapshot.js';
import { RecordingGit } from '../../helpers/recording-git.js';
import { TempGitRepo } from '../../helpers/temp-git-repo.js';

const yaml = (path: string) => /\.ya?ml$/.test(path);

describe('a commit read several times', () => {
  let repo: TempGitRepo;
  let base: string;
  let head: string;

  beforeAll(() => {
    repo = new TempGitRepo();
    repo.write('deploy/a.yaml', 'kind: A\n').write('deploy/b.yaml', 'kind: B\n').write('.serviceentry-guard.yaml', 'meshes: []\n');
    for (let i = 0; i < 20; i++) repo.write(`docs/page-${i}.md`, `# page ${i}\n`);
    base = repo.commit('base');
    repo.write('deploy/a.yaml', 'kind: A2\n');
    head = repo.commit('head');
  });
  afterAll(() => repo.dispose());

  it('is listed by one ls-tree, without --long, however many reads follow', async () => {
    const git = new RecordingGit();
    const reads = gitReads(repo.dir, git);
    // As a review reads them: the base set and its config, the changed files and the config at head, some at once.
    await Promise.all([reads.snapshot(base, yaml, 1000), reads.paths(base, ['.serviceentry-guard.yaml'], 1000)]);
    await Promise.all([reads.paths(head, ['deploy/a.yaml'], 1000), reads.paths(head, ['.serviceentry-guard.yaml'], 1000)]);
    const listings = git.matching('ls-tree');
    expect(listings.map((c) => c.args)).toEqual([
      ['ls-tree', '-r', '-z', '--full-tree', base],
      ['ls-tree', '-r', '-z', '--full-tree', head],
    ]);
    expect(git.lines().some((line) => line.includes('--long'))).toBe(false);
  });

  it('asks git for the sizes of the selected files only, not of every blob in the tree', async () => {
    const git = new RecordingGit();
    await gitReads(repo.dir, git).snapshot(base, yaml, 1000);
    const asked = git.matching('cat-file', '--batch-check').flatMap((c) => c.input);
    const selected = ['deploy/a.yaml', 'deploy/b.yaml', '.serviceentry-guard.yaml'].map((p) => repo.git('rev-parse', `${base}:${p}`));
    expect(asked.sort()).toEqual(selected.sort());
  });

  it('lists object ids only, so no name it is given can be read as an option', async () => {
    const git = new RecordingGit();
    await expect(gitReads(repo.dir, git).paths('--output=/tmp/x', ['deploy/a.yaml'], 1000)).rejects.toThrow('"--output=/tmp/x" is not an object id');
    await expect(gitReads(repo.dir, git).snapshot('main', yaml, 1000)).rejects.toThrow('is not an object id');
    expect(git.calls).toEqual([]);
  });

  it('lists again after forget, for a run that reads once more after dropping its listings', async () => {
    const git = new RecordingGit();
    const reads = gitReads(repo.dir, git);
    await reads.paths(base, ['deploy/a.yaml'], 1000);
    reads.forget();
    expect((await reads.paths(base, ['deploy/a.yaml'], 1000)).get('deploy/a.yaml')).toMatchObject({ kind: 'text', text: 'kind: A\n' });
    expect(git.matching('ls-tree')).toHaveLength(2);
  });
});
