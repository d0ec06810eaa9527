import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { TempGitRepo } from '../helpers/temp-git-repo.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { quickStart } from '../helpers/readme.js';

/**
 * The real pre-commit running this repository's .pre-commit-hooks.yaml in a
 * fresh git repository: a commit of one entry passes, a commit adding a
 * colliding entry is refused. pre-commit must be installed (.ci/run installs
 * it on a fresh machine); without it this test fails rather than skips.
 *
 * The user's .pre-commit-config.yaml is the README's quick start. The hook
 * repository is this repository's hook file, package.json and built CLI (the
 * dist/ files the package ships). Its devDependencies are left out: pre-commit
 * would install them (about a minute, the build toolchain), but the bundled
 * CLI never loads them.
 */
const SEED = join(REPO_ROOT, 'examples/seed-huaweicloud-github');

function hookRepository(): { dir: string; rev: string } {
  if (!existsSync(join(REPO_ROOT, 'dist/cli.js'))) execFileSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'ignore' });
  const repo = new TempGitRepo('seg-hook-repo-');
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  delete manifest.devDependencies;
  repo.write('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
  repo.write('.pre-commit-hooks.yaml', readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml')));
  mkdirSync(join(repo.dir, 'dist'));
  // What the package ships of dist/: the CLI's launcher, its bundle and its load worker.
  for (const file of (manifest.files as string[]).filter((f) => f.startsWith('dist/'))) copyFileSync(join(REPO_ROOT, file), join(repo.dir, file));
  repo.git('add', '.');
  repo.git('commit', '--quiet', '-m', 'hook');
  return { dir: repo.dir, rev: repo.git('rev-parse', 'HEAD') };
}

describe('the pre-commit hook', () => {
  test('declares a node hook that runs check over the whole tree when YAML changes', () => {
    const hooks = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
    expect(hooks).toEqual([expect.objectContaining({ id: 'serviceentry-guard', language: 'node', entry: 'serviceentry-guard check', pass_filenames: false })]);
    expect(new RegExp(hooks[0]!['files'] as string).test('clusters/prod/egress.yml')).toBe(true);
  });

  test('the real pre-commit lets a clean commit through and refuses one that adds a collision', () => {
    const found = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
    if (found.error || found.status !== 0) throw new Error('pre-commit is not installed: apt-get update && apt-get install -y pre-commit (.ci/run does this)');

    const hook = hookRepository();
    const work = new TempGitRepo('seg-hook-user-');
    const env = { ...process.env, PRE_COMMIT_HOME: mkdtempSync(join(tmpdir(), 'seg-pre-commit-home-')), PRE_COMMIT_COLOR: 'never' };
    // The README's configuration, pointed at the local hook repository.
    const config = quickStart('pre-commit');
    expect(config).toMatch(/repo: https:\/\/\S+\n\s+rev: v\S+\n/);
    work.write('.pre-commit-config.yaml', config.replace(/repo: \S+/, `repo: ${hook.dir}`).replace(/rev: \S+/, `rev: ${hook.rev}`));
    execFileSync('pre-commit', ['install'], { cwd: work.dir, env, encoding: 'utf8' });
    const commit = (message: string) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-m', message], { cwd: work.dir, env, encoding: 'utf8' });

    // A lone 443/TCP entry already captures the port (tcp-captures-port); declared as TLS it is clean.
    const seedHuaweicloud = readFileSync(join(SEED, 'huaweicloud.yaml'), 'utf8');
    const tlsHuaweicloud = seedHuaweicloud.replace('name: tcp-443', 'name: tls-443').replace('protocol: TCP', 'protocol: TLS');
    expect(tlsHuaweicloud).toContain('protocol: TLS');
    writeFileSync(join(work.dir, 'huaweicloud.yaml'), tlsHuaweicloud);
    work.git('add', '.');
    const good = commit('egress to www.huaweicloud.com on 443/TLS');
    expect(`${good.stdout}${good.stderr}`).toMatch(/ServiceEntry Guard\.+Passed/);
    expect(good.status).toBe(0);

    writeFileSync(join(work.dir, 'github.yaml'), readFileSync(join(SEED, 'github.yaml')));
    writeFileSync(join(work.dir, 'huaweicloud.yaml'), seedHuaweicloud);
    work.git('add', 'github.yaml', 'huaweicloud.yaml');
    const bad = commit('egress to github.com and www.huaweicloud.com on 443/TCP');
    expect(bad.status).toBe(1);
    expect(`${bad.stdout}${bad.stderr}`).toMatch(/ServiceEntry Guard\.+Failed/);
    expect(`${bad.stdout}${bad.stderr}`).toContain('ERROR tcp-shadowed 0.0.0.0_443');
    expect(work.git('log', '--format=%s')).toBe('egress to www.huaweicloud.com on 443/TLS');
  }, 180_000);
});
