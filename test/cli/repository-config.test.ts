import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, runCli } from '../../src/cli/run-cli.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

const TWO_CLUSTERS = 'test/fixtures/repositories/two-clusters-config';
const WITH_ERRORS = 'test/fixtures/repositories/config-with-errors';

async function cli(cwd: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

interface JsonFinding { mesh: string; rule: string; listener: string; entries: Array<{ ref: string; portLocation: { path: string; line: number } }> }

describe('check with a repository config', () => {
  test('at the repository root: a same-named 443/TCP entry in another cluster does not collide, the real collision inside prod does and names prod', async () => {
    const { code, stdout, stderr } = await cli(join(REPO_ROOT, TWO_CLUSTERS), 'check', '--format', 'json');
    expect(code).toBe(EXIT_FINDINGS);
    expect(stderr).toBe('2 meshes from .serviceentry-guard.yaml: prod (3 files), staging (2 files); 1 manifest file in no mesh, not analysed.\n');
    const report = JSON.parse(stdout) as { findings: JsonFinding[]; meshes: unknown; entryCount: number };
    // Every TCP chain without addresses also captures its port (tcp-captures-port): prod's collision on 443,
    // staging's lone github on 443, and the shared metrics entry on 9090 in each mesh. Staging's github is
    // never a member of a prod finding.
    expect(report.findings.map((f) => [f.mesh, f.rule, f.listener, f.entries.map((e) => `${e.ref} ${e.portLocation.path}:${e.portLocation.line}`)])).toEqual([
      ['prod', 'tcp-shadowed', '0.0.0.0_443', ['egress/github clusters/prod/github.yaml:12', 'egress/huaweicloud clusters/prod/huaweicloud.yaml:12']],
      ['prod', 'tcp-captures-port', '0.0.0.0_443', ['egress/github clusters/prod/github.yaml:12', 'egress/huaweicloud clusters/prod/huaweicloud.yaml:12']],
      ['staging', 'tcp-captures-port', '0.0.0.0_443', ['egress/github clusters/staging/github.yaml:12']],
      ['prod', 'tcp-captures-port', '0.0.0.0_9090', ['monitoring/metrics base/metrics.yaml:12']],
      ['staging', 'tcp-captures-port', '0.0.0.0_9090', ['monitoring/metrics base/metrics.yaml:12']],
    ]);
    expect(report.findings.filter((f) => f.rule === 'tcp-shadowed').map((f) => f.mesh)).toEqual(['prod']);
    // The shared base is analysed in both clusters; the documentation sample in neither.
    expect(report.meshes).toMatchObject([
      { name: 'prod', why: '.serviceentry-guard.yaml:6', entryCount: 3 },
      { name: 'staging', why: '.serviceentry-guard.yaml:10', entryCount: 2 },
    ]);
    expect(report.entryCount).toBe(5);
  });

  test('--config from elsewhere: globs are relative to the config\'s folder, paths in the report to the working directory', async () => {
    const { code, stdout } = await cli(REPO_ROOT, 'check', TWO_CLUSTERS, '--config', `${TWO_CLUSTERS}/.serviceentry-guard.yaml`);
    expect(code).toBe(EXIT_FINDINGS);
    expect(stdout).toContain('ERROR tcp-shadowed 0.0.0.0_443 (port 443, TCP) in mesh prod');
    expect(stdout).toContain(`${TWO_CLUSTERS}/clusters/prod/huaweicloud.yaml:12`);
    // Staging's github appears only in its own mesh's capture finding, never in prod's collision.
    expect(stdout).toContain(`${TWO_CLUSTERS}/clusters/staging/github.yaml:12`);
    expect(stdout).not.toContain('tcp-shadowed 0.0.0.0_443 (port 443, TCP) in mesh staging');
    expect(stdout).not.toMatch(/in mesh prod[^\n]*\n(?:  [^\n]*\n)*?[^\n]*clusters\/staging\/github\.yaml/);
    expect(stdout).toContain('5 findings among 5 ServiceEntries in 2 meshes (prod: 3, staging: 2).');
  });

  test('markdown gets a Mesh column and names the mesh in each finding', async () => {
    const { stdout } = await cli(join(REPO_ROOT, TWO_CLUSTERS), 'check', '--format', 'markdown');
    expect(stdout).toContain('5 listener collisions (3 errors, 2 warnings) among 5 ServiceEntries in 2 meshes: `prod`, `staging`.');
    expect(stdout).toContain('| Mesh | Severity | Port | Listener |');
    expect(stdout).toContain('| `prod` | 🔴 error | 443 |');
    expect(stdout).toContain('mesh <code>prod</code> · <code>0.0.0.0_443</code>');
  });

  test('a config with errors exits 2 with every error at path:line:column, and analyses nothing', async () => {
    const { code, stdout, stderr } = await cli(join(REPO_ROOT, WITH_ERRORS), 'check');
    expect(code).toBe(EXIT_USAGE);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toEqual([
      '.serviceentry-guard.yaml:3:5: error: meshes[0] names no manifests: set paths, kustomize or helm [config-schema]',
      '.serviceentry-guard.yaml:4:5: error: unknown key "path" in meshes[0]; expected one of name, paths, kustomize, helm, settings [config-schema]',
      '.serviceentry-guard.yaml:6:12: error: meshes[1].paths is "clusters/staging"; expected a list [config-schema]',
      'serviceentry-guard: the repository config has errors; nothing was analysed.',
      '',
    ]);
  });

  test('a .serviceentry-guard.yaml that is a symbolic link is refused, not followed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seg-config-link-'));
    cpSync(join(REPO_ROOT, TWO_CLUSTERS), dir, { recursive: true });
    rmSync(join(dir, '.serviceentry-guard.yaml'));
    symlinkSync(join(REPO_ROOT, TWO_CLUSTERS, '.serviceentry-guard.yaml'), join(dir, '.serviceentry-guard.yaml'));
    const { code, stderr } = await cli(dir, 'check');
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toContain('.serviceentry-guard.yaml is not a regular file');
  });

  test('--config naming a file that does not exist is a usage error', async () => {
    const { code, stderr } = await cli(REPO_ROOT, 'check', TWO_CLUSTERS, '--config', 'no/such/config.yaml');
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toContain('cannot read --config no/such/config.yaml: no such file');
  });
});

describe('diff with a repository config', () => {
  /** main: the two-clusters fixture; feature: a gitlab entry in staging on 443/TCP, beside staging's github. */
  function repository(): { dir: string; git: (...args: string[]) => void } {
    const dir = mkdtempSync(join(tmpdir(), 'seg-config-diff-'));
    const git = (...args: string[]) => { execFileSync('git', args, { cwd: dir, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } }); };
    git('init', '-q', '-b', 'main');
    cpSync(join(REPO_ROOT, TWO_CLUSTERS), dir, { recursive: true });
    git('add', '.');
    git('commit', '-qm', 'base');
    return { dir, git };
  }

  test('a collision the branch adds inside staging is introduced in staging; prod\'s stays existing', async () => {
    const { dir, git } = repository();
    git('checkout', '-qb', 'feature');
    cpSync(join(REPO_ROOT, 'test/fixtures/cases/seed-huaweicloud-github/huaweicloud.yaml'), join(dir, 'clusters/staging/huaweicloud.yaml'));
    git('add', '.');
    git('commit', '-qm', 'head');
    const { code, stdout, stderr } = await cli(dir, 'diff', '--base', 'main', '--head', 'feature', '--format', 'json');
    expect(code).toBe(EXIT_FINDINGS);
    expect(stderr).toContain('2 meshes from .serviceentry-guard.yaml: prod (3 files), staging (3 files)');
    const report = JSON.parse(stdout) as { introduced: Array<JsonFinding & { newEntryRefs: string[] }>; existing: JsonFinding[]; resolved: JsonFinding[]; meshes: Array<{ name: string }> };
    expect(report.introduced.map((f) => [f.mesh, f.rule, f.listener, f.newEntryRefs])).toEqual([['staging', 'tcp-shadowed', '0.0.0.0_443', ['egress/huaweicloud']]]);
    // Every chain that already captured its port stays existing; staging's github already held 0.0.0.0_443
    // and the newer huaweicloud does not take it, so only the collision is new.
    expect(report.existing.map((f) => [f.mesh, f.rule, f.listener])).toEqual([
      ['prod', 'tcp-shadowed', '0.0.0.0_443'], ['prod', 'tcp-captures-port', '0.0.0.0_443'], ['staging', 'tcp-captures-port', '0.0.0.0_443'],
      ['prod', 'tcp-captures-port', '0.0.0.0_9090'], ['staging', 'tcp-captures-port', '0.0.0.0_9090'],
    ]);
    expect(report.resolved).toEqual([]);
    expect(report.meshes.map((m) => m.name)).toEqual(['prod', 'staging']);
  });

  test('a branch that adds the config file splits the base the same way: cross-cluster artifacts are neither resolved nor new', async () => {
    const { dir, git } = repository();
    git('rm', '-q', '.serviceentry-guard.yaml');
    git('commit', '-qm', 'no config yet');
    git('checkout', '-qb', 'feature');
    cpSync(join(REPO_ROOT, TWO_CLUSTERS, '.serviceentry-guard.yaml'), join(dir, '.serviceentry-guard.yaml'));
    git('add', '.');
    git('commit', '-qm', 'add config');
    const { code, stdout, stderr } = await cli(dir, 'diff', '--base', 'main', '--head', 'feature');
    expect(code).toBe(EXIT_CLEAN);
    expect(stderr).toContain('This change adds .serviceentry-guard.yaml; the base branch is split by it too');
    // The five findings of the split (prod's collision and the per-mesh port captures) all exist on the base too.
    expect(stdout).toContain('0 introduced, 0 resolved, 5 existing');
  });

  test('a branch that breaks the config file exits 2 with the error at its line', async () => {
    const { dir, git } = repository();
    git('checkout', '-qb', 'feature');
    cpSync(join(REPO_ROOT, WITH_ERRORS, '.serviceentry-guard.yaml'), join(dir, '.serviceentry-guard.yaml'));
    git('add', '.');
    git('commit', '-qm', 'break config');
    const { code, stderr } = await cli(dir, 'diff', '--base', 'main', '--head', 'feature');
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toContain('.serviceentry-guard.yaml:4:5: error: unknown key "path" in meshes[0]');
  });
});
