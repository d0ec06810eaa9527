import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, runCli } from '../../src/cli/run-cli.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

async function cli(cwd: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, today: '2026-11-25' });
  return { code, stdout, stderr };
}

function seedCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'seg-baseline-'));
  cpSync(join(REPO_ROOT, 'test/fixtures/cases/seed-huaweicloud-github'), join(dir, 'deploy'), { recursive: true });
  return dir;
}

describe('check --baseline and --write-baseline', () => {
  test('a written baseline makes the known findings pass; a new collision still fails', async () => {
    // The seed collision is two findings on one chain: tcp-shadowed and tcp-captures-port.
    const dir = seedCopy();
    const written = await cli(dir, 'check', 'deploy', '--write-baseline', 'baseline.json');
    expect(written.code).toBe(EXIT_CLEAN);
    expect(written.stderr).toContain('wrote 2 findings to the baseline baseline.json');
    const stored = JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')).findings as Array<{ rule: string }>;
    expect(stored.map((f) => f.rule).sort()).toEqual(['tcp-captures-port', 'tcp-shadowed']);

    const known = await cli(dir, 'check', 'deploy', '--baseline', 'baseline.json');
    expect(known.code).toBe(EXIT_CLEAN);
    expect(known.stdout).toContain('Baseline: 2 known findings not counted');

    cpSync(join(REPO_ROOT, 'test/fixtures/cases/mysql-and-tcp-well-known-port-ignored'), join(dir, 'deploy', 'databases'), { recursive: true });
    const fresh = await cli(dir, 'check', 'deploy', '--baseline', 'baseline.json', '--format', 'json');
    expect(fresh.code).toBe(EXIT_FINDINGS);
    const report = JSON.parse(fresh.stdout);
    // The new 3306 pair counts: its well-known-port clash, and its match-all chain capturing 0.0.0.0_3306.
    expect(report.findings.map((f: { rule: string; listener: string }) => [f.rule, f.listener]).sort()).toEqual([
      ['tcp-captures-port', '0.0.0.0_3306'], ['well-known-port-protocol', '0.0.0.0_3306'],
    ]);
    expect(report.baselined.map((f: { rule: string }) => f.rule).sort()).toEqual(['tcp-captures-port', 'tcp-shadowed']);
  });

  test('a third entry joining the known collision fails the run again', async () => {
    const dir = seedCopy();
    await cli(dir, 'check', 'deploy', '--write-baseline', 'baseline.json');
    const github = readFileSync(join(dir, 'deploy', 'github.yaml'), 'utf8');
    writeFileSync(join(dir, 'deploy', 'gitlab.yaml'), github.replace(/github/g, 'gitlab'));
    const grown = await cli(dir, 'check', 'deploy', '--baseline', 'baseline.json');
    expect(grown.code).toBe(EXIT_FINDINGS);
    expect(grown.stdout).toContain('new entries since the baseline: egress/gitlab');
  });

  test('a missing or foreign baseline is a usage error that says why', async () => {
    const dir = seedCopy();
    expect((await cli(dir, 'check', 'deploy', '--baseline', 'nope.json')).stderr).toContain('cannot read the baseline nope.json');
    writeFileSync(join(dir, 'other.json'), '{"runs":[]}');
    const foreign = await cli(dir, 'check', 'deploy', '--baseline', 'other.json');
    expect(foreign.code).toBe(EXIT_USAGE);
    expect(foreign.stderr).toContain('is not a serviceentry-guard baseline');
    expect((await cli(dir, 'diff', '--base', 'main', '--baseline', 'x.json')).code).toBe(EXIT_USAGE);
  });
});

describe('check with suppression annotations', () => {
  const fixture = (name: string) => `test/fixtures/suppressions/${name}`;

  test('suppressed findings pass and are listed with their reasons in text, markdown, JSON and workflow commands', async () => {
    // Both entries accept both findings of their collision: tcp-shadowed and tcp-captures-port.
    const text = await cli(REPO_ROOT, 'check', fixture('annotated-collision-and-capture'));
    expect(text.code).toBe(EXIT_CLEAN);
    expect(text.stdout).toContain('No listener collisions among 2 ServiceEntries.');
    expect(text.stdout).toContain('Suppressed (2): accepted, not counted.');
    expect(text.stdout).toContain('annotation egress/github');
    expect(text.stdout).toContain('egress gateway routes by SNI upstream');
    expect(text.stdout).toContain('no workload that sees these entries opens port 443');

    const markdown = await cli(REPO_ROOT, 'check', fixture('annotated-collision-and-capture'), '--format', 'markdown');
    expect(markdown.stdout).toContain('#### Suppressed (2)');
    expect(markdown.stdout).not.toContain('could not be fully read');

    const json = JSON.parse((await cli(REPO_ROOT, 'check', fixture('annotated-collision-and-capture'), '--format', 'json')).stdout);
    expect(json.findings).toEqual([]);
    expect(json.suppressed.map((s: { finding: { rule: string } }) => s.finding.rule).sort()).toEqual(['tcp-captures-port', 'tcp-shadowed']);
    const shadowed = json.suppressed.find((s: { finding: { rule: string } }) => s.finding.rule === 'tcp-shadowed');
    expect(shadowed.suppressions[0].reason).toContain('egress gateway');

    const github = await cli(REPO_ROOT, 'check', fixture('annotated-collision-and-capture'), '--format', 'github');
    for (const rule of ['tcp-shadowed', 'tcp-captures-port']) {
      expect(github.stdout).toMatch(new RegExp(`^::notice file=test/fixtures/suppressions/annotated-collision-and-capture/github\\.yaml,line=16,col=\\d+,title=suppressed%3A ${rule} on 0\\.0\\.0\\.0_443 in mesh default::`, 'm'));
    }
    expect(github.stdout).toContain('2 suppressed');
  });

  test('a suppression naming tcp-shadowed does not hide the capture finding of the same chain: the run still fails on it', async () => {
    const text = await cli(REPO_ROOT, 'check', fixture('annotated-both-entries'));
    expect(text.code).toBe(EXIT_FINDINGS);
    expect(text.stdout).toContain('tcp-captures-port 0.0.0.0_443');
    expect(text.stdout).toContain('Suppressed (1): accepted, not counted.');

    const json = JSON.parse((await cli(REPO_ROOT, 'check', fixture('annotated-both-entries'), '--format', 'json')).stdout);
    expect(json.findings.map((f: { rule: string }) => f.rule)).toEqual(['tcp-captures-port']);
    expect(json.suppressed.map((s: { finding: { rule: string } }) => s.finding.rule)).toEqual(['tcp-shadowed']);

    const markdown = await cli(REPO_ROOT, 'check', fixture('annotated-both-entries'), '--format', 'markdown');
    expect(markdown.stdout).toContain('#### Suppressed (1)');
    // The unused same-host line is a suppression to look at, not a file that could not be read.
    expect(markdown.stdout).toContain('#### Suppressions to look at (1)');
    expect(markdown.stdout).not.toContain('could not be fully read');
  });

  test('an annotation without a reason fails the run and says what to write', async () => {
    const { code, stdout } = await cli(REPO_ROOT, 'check', fixture('annotation-without-reason'));
    expect(code).toBe(EXIT_FINDINGS);
    expect(stdout).toContain('github.yaml:8: error: the serviceentry-guard.io/ignore annotation of egress/github for "tcp-shadowed" has no reason');
  });
});
