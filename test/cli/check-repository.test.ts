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

describe('evidence a repository shows about its clusters', () => {
  test('ports named for Aeraki protocols: the mesh is Aeraki-managed, said in the summary; its controller VIPs part the Dubbo services', async () => {
    const { stderr, findings, report } = await check('aeraki-port-names');
    // Paths read as every other path of the CLI: from the working directory.
    expect(stderr).toContain('Treated as Aeraki-managed (Aeraki port name tcp-dubbo at test/fixtures/repositories/aeraki-port-names/dubbo/serviceentries.yaml:');
    // The two entries that already list the same address are left alone by the controller, and still collide, saying why.
    expect(findings).toEqual([{ rule: 'tcp-shadowed', mesh: 'default', entries: ['rpc/ingest-a ingest/serviceentries.yaml:13', 'rpc/ingest-b ingest/serviceentries.yaml:29'] }]);
    const shadowed = report.findings.find((f) => f.rule === 'tcp-shadowed') as unknown as { explanation: string; listener: string };
    expect(shadowed.listener).toBe('10.8.0.1_9000');
    expect(shadowed.explanation).toContain('This mesh is treated as Aeraki-managed (Aeraki port name tcp-dubbo');
    expect(shadowed.explanation).toContain('this finding is what remains with those VIPs in place (entries with their own addresses or resolution NONE are left as they are');
    expect(report.findings.some((f) => f.title.includes('20880'))).toBe(false);
  });

  test('the same Dubbo services with plain port names: nothing says Aeraki runs, so the real collision on 0.0.0.0_20880 is found', async () => {
    const { stderr, findings } = await check('plain-istio-port-names');
    expect(stderr).not.toContain('Aeraki');
    expect(findings).toEqual([{ rule: 'tcp-shadowed', mesh: 'default', entries: ['rpc/demo-service dubbo/serviceentries.yaml:12', 'rpc/second-service dubbo/serviceentries.yaml:26'] }]);
  });

  test('sibling cluster folders east/ and west/: two meshes, so the imported and exported httpbin are not compared; the collision inside east is found', async () => {
    const { stderr, findings, report } = await check('federated-sibling-clusters');
    expect(stderr).toContain('federation-east (folder federation/east/, one of the sibling cluster folders east, west); federation-west (folder federation/west/');
    expect(findings).toEqual([{ rule: 'tcp-shadowed', mesh: 'federation-east', entries: ['payments/ledger-db federation/east/ledger-db.yaml:11', 'payments/payments-db federation/east/payments-db.yaml:11'] }]);
    expect(report.findings.filter((f) => f.rule === 'same-host')).toEqual([]);
  });
});

describe('Helm values passed inline reach helm through check', () => {
  test('the Flux HelmRelease and the Argo CD Application each render the chart with their own inline values, after the value files', async () => {
    const { mkdtemp, writeFile, chmod, readFile, readdir, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const bin = await mkdtemp(join(tmpdir(), 'seg-check-fake-helm-'));
    // Records each call's arguments and the inline values files while they exist; renders one entry.
    await writeFile(join(bin, 'helm'), `#!/bin/sh\necho "CALL $*" >> "${bin}/calls.$$.txt"\nprev=\nfor a in "$@"; do if [ "$prev" = --values ] && [ "\${a#./}" = "$a" ]; then /bin/cat "$a" >> "${bin}/calls.$$.txt"; echo >> "${bin}/calls.$$.txt"; fi; prev="$a"; done\nprintf '%s\\n' '# Source: egress/templates/databases.yaml' 'apiVersion: networking.istio.io/v1' 'kind: ServiceEntry' 'metadata:' '  name: payments-db' 'spec:' '  hosts: [db.example.com]' '  resolution: DNS' '  ports:' '    - number: 5432' '      name: tcp' '      protocol: TCP'\n`);
    await chmod(join(bin, 'helm'), 0o755);
    const previous = process.env['PATH'];
    process.env['PATH'] = `${bin}:/usr/bin:/bin`;
    try {
      const { report } = await check('helm-inline-values');
      expect(report.diagnostics.map((d) => d.code)).toEqual(['helm-values-unread']);
      // Charts render concurrently: each helm process logs to its own file, so two calls never interleave.
      const logs = (await readdir(bin)).filter((f) => /^calls\.\d+\.txt$/.test(f));
      const calls = (await Promise.all(logs.map((f) => readFile(join(bin, f), 'utf8')))).flatMap((text) => text.split('CALL ').filter(Boolean)).sort();
      expect(calls).toHaveLength(2);
      const [flux, argo] = calls[0]!.includes('--set') ? [calls[1]!, calls[0]!] : [calls[0]!, calls[1]!];
      expect(flux).toMatch(/^template egress \.\/charts\/egress --namespace egress --values \.\/charts\/egress\/values\.yaml --values \S+00\.json --values \S+01\.json --values \S+02\.json\n/);
      expect(flux.split('\n').slice(1, 4)).toEqual([
        JSON.stringify({ databases: [{ name: 'orders-db', host: 'orders.example.com' }] }),
        JSON.stringify({ defaults: { port: '5433' } }),
        JSON.stringify({ defaults: { protocol: 'TCP' } }),
      ]);
      expect(argo).toContain('--set databases[0].host=search.example.com\\,search-eu.example.com --set-string defaults.port=443');
      expect(argo.split('\n').slice(1, 3)).toEqual([JSON.stringify({ defaults: { protocol: 'TLS' } }), JSON.stringify({ databases: [{ name: 'search', host: 'search.example.com' }] })]);
    } finally {
      process.env['PATH'] = previous;
      await rm(bin, { recursive: true, force: true });
    }
  });
});
