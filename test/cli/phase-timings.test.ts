import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PhaseTimings, timingsFromEnvironment, TIMINGS_ENV } from '../../src/cli/phase-timings.js';
import { EXIT_FINDINGS, runCli } from '../../src/cli/run-cli.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { TempGitRepo } from '../helpers/temp-git-repo.js';

/** A clock that moves 10 ms each time it is read, so every step lasts 10 ms. */
function steppingClock(): () => number {
  let now = 0;
  return () => (now += 10);
}

/** The steps a timings line names, in order. */
function stepsOf(line: string): string[] {
  const steps = /timings: (.*); total/.exec(line)?.[1];
  if (!steps) throw new Error(`no timings line in: ${line}`);
  return steps.split(', ').map((step) => step.replace(/ \d+ ms$/, ''));
}

async function cli(cwd: string, argv: string[]) {
  let stdout = '';
  let stderr = '';
  const timings = new PhaseTimings(steppingClock(), 0);
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, timings });
  return { code, stdout, stderr, last: stderr.trimEnd().split('\n').at(-1)! };
}

describe('step timings (SERVICEENTRY_GUARD_TIMINGS)', () => {
  it('gives each step the time since the previous mark, and the total since the start', () => {
    const clock = [5, 30, 100];
    const timings = new PhaseTimings(() => clock.shift()!, 0);
    timings.mark('startup');
    timings.mark('read');
    timings.mark('analysis');
    expect(timings.line()).toBe('serviceentry-guard: timings: startup 5 ms, read 25 ms, analysis 70 ms; total 100 ms\n');
  });

  it('is on only when the variable is set to something other than 0', () => {
    expect(timingsFromEnvironment({})).toBeUndefined();
    expect(timingsFromEnvironment({ [TIMINGS_ENV]: '' })).toBeUndefined();
    expect(timingsFromEnvironment({ [TIMINGS_ENV]: '0' })).toBeUndefined();
    expect(timingsFromEnvironment({ [TIMINGS_ENV]: '1' })).toBeInstanceOf(PhaseTimings);
  });

  it('names every step of a check, in order, after the report, and leaves the report alone', async () => {
    const argv = ['check', 'test/fixtures/cases/seed-huaweicloud-github', '--format', 'json'];
    const timed = await cli(REPO_ROOT, argv);
    expect(timed.code).toBe(EXIT_FINDINGS);
    expect(stepsOf(timed.last)).toEqual(['startup', 'read', 'load', 'plan', 'render', 'collect', 'analysis', 'settle', 'report']);
    // The clock adds 10 ms a read, and each step reads it once.
    expect(timed.last).toContain('; total 90 ms');
    let untimed = '';
    await runCli(argv, { stdout: (t) => (untimed += t), stderr: () => undefined, cwd: REPO_ROOT });
    expect(timed.stdout).toBe(untimed);
  });

  describe('a diff', () => {
    const seed = (file: string) => readFileSync(join(REPO_ROOT, 'test/fixtures/cases/seed-huaweicloud-github', file), 'utf8');
    const repo = new TempGitRepo('seg-timings-');
    repo.write('deploy/huaweicloud.yaml', seed('huaweicloud.yaml'));
    repo.commit('base');
    repo.git('checkout', '--quiet', '-b', 'feature');
    repo.write('deploy/github.yaml', seed('github.yaml'));
    repo.commit('head');
    afterAll(() => repo.dispose());

    it('names every step of a review, in order', async () => {
      const timed = await cli(repo.dir, ['diff', '--base', 'main', '--head', 'feature', '--format', 'json']);
      expect(timed.code).toBe(EXIT_FINDINGS);
      expect(stepsOf(timed.last)).toEqual(['startup', 'git', 'load', 'plan', 'render', 'review', 'settle', 'report']);
    });
  });

  it('prints the line from the built CLI when the variable is set, and nothing without it', async () => {
    const { spawnSync } = await import('node:child_process');
    const run = (env: NodeJS.ProcessEnv) => spawnSync(process.execPath, [join(REPO_ROOT, 'dist/cli.js'), 'check', 'test/fixtures/cases/seed-huaweicloud-github'], { cwd: REPO_ROOT, encoding: 'utf8', env });
    const timed = run({ ...process.env, [TIMINGS_ENV]: '1' });
    expect(timed.status).toBe(EXIT_FINDINGS);
    expect(stepsOf(timed.stderr.trimEnd().split('\n').at(-1)!)).toEqual(['startup', 'read', 'load', 'plan', 'render', 'collect', 'analysis', 'settle', 'report']);
    const { [TIMINGS_ENV]: _, ...without } = process.env;
    expect(run(without).stderr).not.toContain('timings:');
  });
});
