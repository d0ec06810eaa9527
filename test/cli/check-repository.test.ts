/**
 * `check <repository folder>` with no config file: meshes inferred, Kustomize
 * roots built with the real kubectl, each mesh analysed on its own. These are
 * the findings Istio would produce per cluster for each layout fixture.
 */
import { EXIT_CLEAN, EXIT_FINDINGS, runCli } from '../../src/cli/run-cli.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

interface Report {
  entryCount: number;
  findings: Array<{ rule: string; mesh: string; title: string; entries: Array<{ ref: string; location: { path: string; line: number }; portLocation: { line: number } }> }>;
  diagnostics: Array<{ code: string; severity: string; location: { path: string } }>;
}

async function check(name: string, ...flags: string[]) {
  let stdout = '';
  let stderr = '';
  const dir = `test/fixtures/repositories/${name}`;
  const code = await runCli(['check', dir, '--format', 'json', ...flags], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: REPO_ROOT });
  const report = JSON.parse(stdout) as Report;
  // These cases pin collisions between entries; the match-all chain their holder keeps (tcp-captures-port) is pinned in the analysis suites.
  const findings = report.findings.filter((f) => f.rule !== 'tcp-captures-port').map((f) => ({ rule: f.rule, mesh: f.mesh, entries: f.entries.map((e) => `${e.ref} ${e.location.path.slice(dir.length + 1)}:${e.portLocation.line}`).sort() }));
  return { code, stderr, report, findings, dir };
}

describe('check on a repository infers its meshes', () => {
  test('clusters/prod and clusters/staging: the prod collision is found once; staging\'s copy of payments-db collides with nothing', async () => {
    const { code, stderr, findings } = await check('clusters-folders');
    expect(code).toBe(EXIT_FINDINGS);
    expect(stderr).toContain('Inferred 2 meshes from the repository (no config file): prod (folder clusters/prod/); staging (folder clusters/staging/)');
    expect(findings).toEqual([{ rule: 'tcp-shadowed', mesh: 'prod', entries: ['payments/ledger-db clusters/prod/ledger-db.yaml:12', 'payments/payments-db clusters/prod/payments-db.yaml:12'] }]);
  });

  test('kustomize base + overlays: the collision inside the prod overlay is found once, at the source lines of the base and the overlay', async () => {
    const { findings, report } = await check('kustomize-overlays');
    expect(findings).toEqual([{ rule: 'tcp-shadowed', mesh: 'prod', entries: ['payments/ledger-db overlays/prod/ledger-db.yaml:13', 'payments/payments-db base/payments-db.yaml:12'] }]);
    expect(report.entryCount).toBe(3); // prod: base + ledger; staging: base
    expect(report.diagnostics).toEqual([]);
  });

  test('Argo CD apps: one folder deployed to two clusters; the collision exists only where ledger is deployed too', async () => {
    const { findings } = await check('argocd-apps');
    expect(findings).toEqual([{ rule: 'tcp-shadowed', mesh: 'prod-cluster', entries: ['ledger/ledger-db manifests/ledger/ledger-db.yaml:12', 'payments/payments-db manifests/payments/payments-db.yaml:12'] }]);
  });

  test('Flux Kustomizations: per cluster, in the target namespace', async () => {
    const { findings } = await check('flux-kustomizations');
    expect(findings).toEqual([{ rule: 'tcp-shadowed', mesh: 'prod', entries: ['team-a/ledger-db apps/prod/ledger-db.yaml:12', 'team-a/payments-db apps/prod/payments-db.yaml:12'] }]);
  });

  test('team folders of one cluster stay one mesh: the real collision across them is found', async () => {
    const { findings, stderr } = await check('team-folders');
    expect(stderr).toContain('One mesh');
    expect(findings).toEqual([{ rule: 'tcp-shadowed', mesh: 'default', entries: ['billing/billing-db teams/billing/db.yaml:12', 'checkout/checkout-psp teams/checkout/psp.yaml:12'] }]);
  });

  test('a Helm chart without helm: named once, its ServiceEntry template counted; --fail-on-unrendered fails the run on it', async () => {
    const previous = process.env['PATH'];
    process.env['PATH'] = '/usr/bin:/bin'; // no helm here, whatever the machine has
    try {
      const plain = await check('helm-chart');
      expect(plain.code).toBe(EXIT_CLEAN);
      expect(plain.report.diagnostics.map((d) => d.code)).toEqual(['helm-missing']);
      expect(plain.stderr).toContain('1 ServiceEntry not analysed (unrendered template)');
      expect((await check('helm-chart', '--fail-on-unrendered')).code).toBe(EXIT_FINDINGS);
    } finally {
      process.env['PATH'] = previous;
    }
  });
});
