import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { TempGitRepo } from '../helpers/temp-git-repo.js';

/**
 * The package as users get it: `npm pack`, the tarball installed into an
 * empty folder with the registry out of reach (it must need nothing else),
 * and `npx serviceentry-guard` run from there. CI builds dist/ before the
 * tests; a clone without dist/cli.js gets it built here.
 */
const npm = (args: string[], cwd: string) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

interface PackResult { filename: string; files: Array<{ path: string }> }

let tarball = '';
let packed: PackResult;

beforeAll(() => {
  if (!existsSync(join(REPO_ROOT, 'dist/cli.js'))) npm(['run', 'build'], REPO_ROOT);
  const out = mkdtempSync(join(tmpdir(), 'seg-pack-'));
  packed = (JSON.parse(npm(['pack', '--json', '--pack-destination', out], REPO_ROOT)) as PackResult[])[0]!;
  tarball = join(out, packed.filename);
}, 300_000);

describe('the npm package', () => {
  test('ships the CLI launcher, its bundle, validator chunk and load worker, the example, README and CHANGELOG, and no sources, tests or action bundle', () => {
    const files = packed.files.map((f) => f.path).sort();
    expect(files).toEqual(expect.arrayContaining([
      'CHANGELOG.md', 'README.md', 'dist/cli.js', 'dist/cli-main.js', 'dist/cli-validate-manifest.js', 'dist/load-worker.js', 'examples/seed-huaweicloud-github/github.yaml', 'examples/seed-huaweicloud-github/huaweicloud.yaml', 'package.json',
    ]));
    expect(files.filter((f) => /^(src|test|bench|scripts)\/|^dist\/(index|action-main)\.js$/.test(f))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(manifest.private).toBeUndefined();
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.bin).toEqual({ 'serviceentry-guard': 'dist/cli.js' });
    expect(readFileSync(join(REPO_ROOT, 'dist/cli.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  test('installs offline into an empty folder, and npx serviceentry-guard check finds the bundled example\'s collision', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seg-install-'));
    npm(['install', '--offline', tarball], dir);
    // npx once, as the README says; the installed bin directly for the rest (npx costs seconds a call here).
    const run = (...args: string[]) => spawnSync(join(dir, 'node_modules/.bin/serviceentry-guard'), args, { cwd: dir, encoding: 'utf8' });

    const version = run('--version');
    expect(version.stdout).toBe(`${JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version}\n`);

    const check = spawnSync('npx', ['--no', '--', 'serviceentry-guard', 'check', 'node_modules/serviceentry-guard/examples/seed-huaweicloud-github'], { cwd: dir, encoding: 'utf8' });
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('ERROR tcp-shadowed 0.0.0.0_443');
    // The collision is two findings on one chain: tcp-shadowed and tcp-captures-port.
    expect(check.stdout).toContain('ERROR tcp-captures-port 0.0.0.0_443');
    expect(check.stdout).toContain('2 findings among 2 ServiceEntries.');

    const sarif = run('check', 'node_modules/serviceentry-guard/examples/seed-huaweicloud-github', '--format', 'sarif', '--fail-level', 'never');
    expect(sarif.status).toBe(0);
    expect(JSON.parse(sarif.stdout).runs[0].results.map((r: { ruleId: string }) => r.ruleId).sort()).toEqual(['tcp-captures-port', 'tcp-shadowed']);

    // A review loads the CRD validator from its own chunk to verify fixes: the package must ship it.
    const example = join(dir, 'node_modules/serviceentry-guard/examples/seed-huaweicloud-github');
    const repo = new TempGitRepo('seg-installed-diff-').write('github.yaml', readFileSync(join(example, 'github.yaml'), 'utf8'));
    repo.git('add', '.');
    repo.git('commit', '--quiet', '-m', 'base');
    repo.git('checkout', '--quiet', '-b', 'pr');
    repo.write('huaweicloud.yaml', readFileSync(join(example, 'huaweicloud.yaml'), 'utf8'));
    repo.git('add', '.');
    repo.git('commit', '--quiet', '-m', 'pr');
    const diff = spawnSync(join(dir, 'node_modules/.bin/serviceentry-guard'), ['diff', '--base', 'main', '--format', 'json'], { cwd: repo.dir, encoding: 'utf8' });
    expect(diff.stderr).not.toMatch(/Cannot find module|ERR_MODULE_NOT_FOUND/);
    expect(diff.status).toBe(1);
    const review = JSON.parse(diff.stdout) as { counts: { introduced: number }; suggestions: Record<string, Array<{ kind: string }>> };
    expect(review.counts.introduced).toBe(1);
    // Verified fixes: each patched manifest passed the CRD's schema and CEL rules.
    expect(Object.values(review.suggestions).flat().map((s) => s.kind)).toContain('tls');
  }, 120_000);
});
