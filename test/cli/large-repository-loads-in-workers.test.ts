import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pullRequestFile, syntheticRepo } from '../../bench/synthetic-repo.js';
import { LOAD_WORKERS_ENV, MIN_PARALLEL_CHARS } from '../../src/adapters/load/parallel-load.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { TempGitRepo } from '../helpers/temp-git-repo.js';

const CLI = join(REPO_ROOT, 'dist/cli.js');
const COUNT_WORKERS = join(REPO_ROOT, 'test/helpers/count-workers.mjs');

/** The built CLI, as a user runs it, with `workers` load workers; its stdout and how many workers it started. */
function runCli(cwd: string, args: string[], workers: number): { status: number | null; stdout: string; started: number } {
  const run = spawnSync(process.execPath, ['--import', COUNT_WORKERS, CLI, ...args], {
    cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, [LOAD_WORKERS_ENV]: String(workers) },
  });
  const started = /worker threads started: (\d+)/.exec(run.stderr);
  if (!started) throw new Error(`no worker count in stderr: ${run.stderr}`);
  return { status: run.status, stdout: run.stdout, started: Number(started[1]) };
}

describe('a repository large enough to load in worker threads', () => {
  const repo = new TempGitRepo('seg-workers-');
  // Few entries, so the analysis stays quick, in files long enough (a comment block each) to pass the size where workers start.
  const padding = `${'# kept from an older layout of this repository; no longer read by anything\n'.repeat(240)}`;
  const files = syntheticRepo(7_000, 'realistic').map((file) => ({ path: file.path, text: `${padding}${file.text}` }));
  afterAll(() => rmSync(repo.dir, { recursive: true, force: true }));

  beforeAll(() => {
    for (const file of files) repo.write(file.path, file.text);
    repo.git('add', '.');
    repo.git('commit', '--quiet', '-m', 'base');
    repo.git('checkout', '--quiet', '-b', 'pr');
    const added = pullRequestFile(2);
    repo.write(added.path, added.text);
    repo.git('add', '.');
    repo.git('commit', '--quiet', '-m', 'pr');
  });

  it('is over the size where workers start', () => {
    expect(files.reduce((n, f) => n + f.text.length, 0)).toBeGreaterThan(MIN_PARALLEL_CHARS);
  });

  it.each([
    ['check', ['check', '.', '--format', 'json']],
    ['diff', ['diff', '--base', 'main', '--head', 'pr', '--format', 'json']],
  ])('%s writes the same report with load workers as without', (_, args) => {
    const alone = runCli(repo.dir, args, 0);
    const shared = runCli(repo.dir, args, 2);
    expect(alone.started).toBe(0);
    expect(shared.started).toBe(2);
    expect(shared.status).toBe(1);
    expect(alone.status).toBe(1);
    expect(shared.stdout).toBe(alone.stdout);
  });
});
