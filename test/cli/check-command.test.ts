import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, runCli } from '../../src/cli/run-cli.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: REPO_ROOT });
  return { code, stdout, stderr };
}

const SEED = 'test/fixtures/cases/seed-huaweicloud-github';

describe('serviceentry-guard check', () => {
  test('exits 1 on the seed collision and names the listener, both entries and their lines', async () => {
    const { code, stdout } = await cli('check', SEED);
    expect(code).toBe(EXIT_FINDINGS);
    expect(stdout).toContain('ERROR tcp-shadowed 0.0.0.0_443');
    expect(stdout).toContain(`${SEED}/github.yaml:12`);
    expect(stdout).toContain(`${SEED}/huaweicloud.yaml:12`);
  });

  test('the repository\'s own MeshConfig sets the mesh\'s settings, a flag overrides it, and stderr says where each came from', async () => {
    const dir = 'test/fixtures/mesh-settings/per-consumer-dns-capture';
    const fromRepository = await cli('check', dir);
    expect(fromRepository.stderr).toContain(`Mesh default settings: outboundTrafficPolicy=REGISTRY_ONLY (${dir}/istio-operator.yaml); dnsCapture=true (${dir}/istio-operator.yaml); dnsCapture[legacy]=false (${dir}/legacy-workload.yaml).`);
    expect(fromRepository.stdout).toContain('WARNING tcp-captures-port 0.0.0.0_443');
    const flagged = await cli('check', dir, '--outbound-traffic-policy', 'ALLOW_ANY');
    expect(flagged.stderr).toContain('outboundTrafficPolicy=ALLOW_ANY (command line or action input)');
    expect(flagged.stdout).toContain('ERROR tcp-captures-port 0.0.0.0_443');
  });

  test('exits 0 when nothing collides', async () => {
    expect((await cli('check', 'test/fixtures/cases/tls-different-hosts-share-by-sni')).code).toBe(EXIT_CLEAN);
  });

  test('--fail-level decides which severities fail the run', async () => {
    const sniffing = 'test/fixtures/cases/http-and-tcp-on-one-port-sniffing';
    // Under REGISTRY_ONLY the TCP entry's hold on port 80 is a warning too (tcp-captures-port), like the sniffing.
    const locked = ['--outbound-traffic-policy', 'REGISTRY_ONLY'];
    expect((await cli('check', sniffing, ...locked)).code).toBe(EXIT_CLEAN);
    expect((await cli('check', sniffing, ...locked, '--fail-level', 'warning')).code).toBe(EXIT_FINDINGS);
    expect((await cli('check', sniffing)).code).toBe(EXIT_FINDINGS);
    expect((await cli('check', SEED, '--fail-level', 'never')).code).toBe(EXIT_CLEAN);
  });

  test('--format json gives the documented report', async () => {
    const { stdout } = await cli('check', SEED, '--format', 'json');
    const report = JSON.parse(stdout);
    // The collision, and the match-all chain its holder keeps on 443 (tcp-captures-port).
    expect(report).toMatchObject({ version: 2, kind: 'check', entryCount: 2, counts: { error: 2, warning: 0, info: 0 } });
    const collision = report.findings.find((f: { rule: string }) => f.rule === 'tcp-shadowed');
    expect(collision).toMatchObject({ rule: 'tcp-shadowed', listener: '0.0.0.0_443', port: 443 });
    expect(collision.entries[0]).toHaveProperty('portLocation.line', 12);
  });

  test('--format markdown gives the annotated table', async () => {
    const { stdout } = await cli('check', SEED, '--format', 'markdown');
    expect(stdout).toMatch(/\| Severity \| Port \| Listener \|/);
    expect(stdout).toContain('`0.0.0.0_443`');
  });

  test('--auto-allocate models consumers with DNS capture and VIP allocation', async () => {
    expect((await cli('check', SEED, '--auto-allocate')).code).toBe(EXIT_CLEAN);
  });

  test('--default-namespace applies to manifests without one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seg-cli-'));
    const text = readFileSync(join(REPO_ROOT, SEED, 'github.yaml'), 'utf8').replace(/\n  namespace: egress/, '');
    writeFileSync(join(dir, 'github.yaml'), text);
    writeFileSync(join(dir, 'gitlab.yaml'), text.replace(/github/g, 'gitlab'));
    const { stdout } = await cli('check', dir, '--default-namespace', 'payments', '--format', 'json');
    expect(JSON.parse(stdout).findings[0].entries.map((e: { ref: string }) => e.ref).sort()).toEqual(['payments/github', 'payments/gitlab']);
  });

  test('--output writes the report to a file', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'seg-cli-')), 'report.json');
    const { stdout, code } = await cli('check', SEED, '--format', 'json', '--output', out);
    expect(code).toBe(EXIT_FINDINGS);
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).findings).toHaveLength(2);
  });

  test.each([
    [['lint']],
    [[]],
    [['check', '--format', 'xml']],
    [['check', '--fail-level', 'fatal']],
    [['check', '--no-such-flag']],
    [['check', 'does/not/exist']],
  ])('usage and I/O errors exit 2: %j', async (argv) => {
    const { code, stderr } = await cli(...argv);
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).not.toBe('');
  });
});
