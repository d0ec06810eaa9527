import { execFileSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { collectManifests } from '../../../src/adapters/github/tarball-snapshot.js';
import { TempGitRepo } from '../../helpers/temp-git-repo.js';

const yaml = (path: string) => /\.ya?ml$/.test(path);
const LONG = `deploy/${'a-rather-long-directory-name/'.repeat(6)}deep.yaml`;

/** The archive `git archive` makes is what GitHub's tarball endpoint serves: same pax headers, one top folder. */
function archiveOf(repo: TempGitRepo, sha: string): Buffer {
  return execFileSync('git', ['archive', '--format=tar', `--prefix=octo-repo-${sha.slice(0, 7)}/`, sha], { cwd: repo.dir, maxBuffer: 64 * 1024 * 1024 });
}

/** Delivers a buffer in awkward small chunks, as a network stream would. */
function chunked(buffer: Buffer, size: number): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < buffer.length; i += size) chunks.push(buffer.subarray(i, i + size));
  return Readable.from(chunks);
}

describe('reading the base set from a GitHub tarball', () => {
  let repo: TempGitRepo;
  let sha: string;
  beforeAll(() => {
    repo = new TempGitRepo();
    repo.write('deploy/a.yaml', 'kind: A\n').write('notes.txt', 'x').write(LONG, 'kind: Deep\n');
    repo.write('deploy/big.yaml', `# ${'x'.repeat(5000)}\n`);
    repo.symlink('deploy/link.yaml', '../../../etc/passwd');
    sha = repo.commit('base');
  });
  afterAll(() => repo.dispose());

  it('keeps matching regular files, strips the archive folder, and handles long paths', async () => {
    const read = await collectManifests(chunked(archiveOf(repo, sha), 333), yaml, 1000);
    expect(read.files).toEqual([
      { path: LONG, text: 'kind: Deep\n' },
      { path: 'deploy/a.yaml', text: 'kind: A\n' },
    ]);
  });

  it('reports symlinks and oversized files instead of reading them', async () => {
    const read = await collectManifests(chunked(archiveOf(repo, sha), 4096), yaml, 1000);
    expect(read.diagnostics.map((d) => [d.code, d.location.path]).sort()).toEqual([
      ['file-too-large', 'deploy/big.yaml'],
      ['symlink-not-followed', 'deploy/link.yaml'],
    ]);
  });

  it('reports a truncated archive and keeps what came before the cut', async () => {
    const full = archiveOf(repo, sha);
    const read = await collectManifests(chunked(full.subarray(0, 1700), 100), yaml, 1000);
    expect(read.diagnostics).toEqual([expect.objectContaining({ code: 'archive-incomplete', severity: 'error' })]);
    expect(read.files.length).toBeLessThan(2);
  });
});
