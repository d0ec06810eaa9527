import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, runCli } from '../../src/cli/run-cli.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

/** main has huaweicloud.yaml; feature adds github.yaml (the seed case); cleanup, from feature, removes it again. */
function seedRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'seg-diff-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } });
  git('init', '-q', '-b', 'main');
  mkdirSync(join(dir, 'deploy'));
  const seed = join(REPO_ROOT, 'test/fixtures/cases/seed-huaweicloud-github');
  cpSync(join(seed, 'huaweicloud.yaml'), join(dir, 'deploy/huaweicloud.yaml'));
  git('add', '.');
  git('commit', '-qm', 'base');
  git('checkout', '-qb', 'feature');
  cpSync(join(seed, 'github.yaml'), join(dir, 'deploy/github.yaml'));
  git('add', '.');
  git('commit', '-qm', 'head');
  git('checkout', '-qb', 'cleanup');
  git('rm', '-q', 'deploy/github.yaml');
  git('commit', '-qm', 'remove github');
  return dir;
}

async function cli(cwd: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

describe('serviceentry-guard diff', () => {
  const repo = seedRepository();

  test('reports the collision the branch introduces, with verified fixes, and exits 1', async () => {
    const { code, stdout } = await cli(repo, 'diff', '--base', 'main', '--head', 'feature');
    expect(code).toBe(EXIT_FINDINGS);
    expect(stdout).toContain('== Introduced by this change (1)');
    expect(stdout).toContain('ERROR tcp-shadowed 0.0.0.0_443');
    expect(stdout).toMatch(/== Verified fixes[\s\S]*\(tls\)[\s\S]*\(addresses\)/);
  });

  test('JSON carries the introduced finding and its suggestions', async () => {
    const report = JSON.parse((await cli(repo, 'diff', '--base', 'main', '--head', 'feature', '--format', 'json')).stdout);
    // existing: the older entry's hold on 443's match-all chain (tcp-captures-port), unchanged by the branch.
    expect(report.counts).toEqual({ introduced: 1, resolved: 0, existing: 1 });
    expect(report.introduced[0].newEntryRefs).toEqual(['egress/github']);
    // No other port for github.com: a real external host's port is not ours to move.
    expect(report.suggestions[report.introduced[0].id].map((s: { kind: string }) => s.kind)).toEqual(['tls', 'addresses']);
  });

  test('a branch that removes the new entry again resolves the collision and passes', async () => {
    const { code, stdout } = await cli(repo, 'diff', '--base', 'feature', '--head', 'cleanup');
    expect(code).toBe(EXIT_CLEAN);
    expect(stdout).toContain('0 introduced, 1 resolved, 1 existing');
  });

  test('a missing --base or an unknown ref is a usage error', async () => {
    expect((await cli(repo, 'diff')).code).toBe(EXIT_USAGE);
    expect((await cli(repo, 'diff', '--base', 'no-such-branch')).code).toBe(EXIT_USAGE);
  });
});
