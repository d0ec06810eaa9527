import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT_CLEAN, EXIT_FINDINGS, runCli } from '../../src/cli/run-cli.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

/**
 * A pull request may accept a collision with a suppression, but never
 * unnoticed: the suppressions it adds are listed, and a finding it brings in
 * that only its own new suppression silences is called out.
 */
const SEED = join(REPO_ROOT, 'test/fixtures/cases/seed-huaweicloud-github');
const IGNORE = '  annotations:\n    serviceentry-guard.io/ignore: |\n      tcp-shadowed: both hosts are reached through the egress gateway\n      tcp-captures-port: both hosts are reached through the egress gateway\n';

function annotated(file: string): string {
  const text = readFileSync(join(SEED, file), 'utf8');
  const at = text.indexOf('spec:');
  return `${text.slice(0, at)}${IGNORE}${text.slice(at)}`;
}

function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'seg-diff-suppress-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } });
  git('init', '-q', '-b', 'main');
  mkdirSync(join(dir, 'deploy'));
  cpSync(join(SEED, 'huaweicloud.yaml'), join(dir, 'deploy/huaweicloud.yaml'));
  git('add', '.');
  git('commit', '-qm', 'base');
  git('checkout', '-qb', 'accepts-its-own');
  writeFileSync(join(dir, 'deploy/huaweicloud.yaml'), annotated('huaweicloud.yaml'));
  writeFileSync(join(dir, 'deploy/github.yaml'), annotated('github.yaml'));
  git('add', '.');
  git('commit', '-qm', 'add github.com and accept the collision');
  git('checkout', '-q', 'main');
  git('checkout', '-qb', 'accepts-half');
  writeFileSync(join(dir, 'deploy/github.yaml'), annotated('github.yaml'));
  git('add', '.');
  git('commit', '-qm', 'add github.com, annotated on one side only');
  return dir;
}

async function cli(cwd: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, today: '2026-11-25' });
  return { code, stdout, stderr };
}

describe('diff with suppressions the change adds', () => {
  const repo = repository();

  test('a collision the change accepts on every entry passes, and the summary calls out that the change silenced it', async () => {
    const json = await cli(repo, 'diff', '--base', 'main', '--head', 'accepts-its-own', '--format', 'json');
    expect(json.code).toBe(EXIT_CLEAN);
    const report = JSON.parse(json.stdout);
    expect(report.counts.introduced).toBe(0);
    // The collision is what the change introduces; the port's match-all chain was already held on the base (existing).
    expect(report.suppressed.map((s: { finding: { rule: string } }) => s.finding.rule)).toEqual(['tcp-shadowed']);
    expect(report.silencedByChange).toEqual([report.suppressed[0].finding.id]);
    expect(report.addedSuppressions).toHaveLength(4);

    const markdown = await cli(repo, 'diff', '--base', 'main', '--head', 'accepts-its-own', '--format', 'markdown');
    expect(markdown.stdout).toContain('⚠️ This change introduces **1** listener collision and silences it with a suppression it adds');
    expect(markdown.stdout).not.toContain('✅');
    expect(markdown.stdout).toContain('⚠️ This change silences a finding it introduces with a suppression it adds');
    expect(markdown.stdout).toContain('#### Suppressions this change adds (4)');
    expect(markdown.stdout).toContain('both hosts are reached through the egress gateway');

    const text = await cli(repo, 'diff', '--base', 'main', '--head', 'accepts-its-own');
    expect(text.stdout).toContain('WARNING: silenced by a suppression this change adds');
  });

  test('a suppression on one entry of the collision suppresses nothing: the finding still fails the change', async () => {
    const { code, stdout } = await cli(repo, 'diff', '--base', 'main', '--head', 'accepts-half', '--format', 'json');
    expect(code).toBe(EXIT_FINDINGS);
    const report = JSON.parse(stdout);
    expect(report.introduced.map((f: { rule: string }) => f.rule)).toContain('tcp-shadowed');
    expect(report.suppressed).toEqual([]);
    expect(report.addedSuppressions).toHaveLength(2);
  });
});
