import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeMeshes } from '../../../src/core/analysis/analyze-meshes.js';
import { settingLines } from '../../../src/core/analysis/resolve-mesh-settings.js';
import type { MeshSettings } from '../../../src/core/repository/mesh-plan.js';
import { REPO_ROOT } from '../../helpers/fixtures.js';
import { fileMesh } from '../../helpers/meshes.js';

const CASE = 'per-consumer-dns-capture';

function files() {
  const dir = join(REPO_ROOT, 'test/fixtures/mesh-settings', CASE);
  return readdirSync(dir).sort().map((f) => ({ path: `${CASE}/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
}

function analyse(stated: MeshSettings['mesh'] = {}, origins?: MeshSettings['origins']) {
  return analyzeMeshes([fileMesh('prod', files(), { defaultNamespace: 'default', mesh: stated, ...(origins ? { origins } : {}) })]);
}

describe('a mesh is analysed with the settings its own manifests state', () => {
  // The IstioOperator turns DNS capture on mesh-wide; Istio 1.25+ allocates VIPs by default and sidecars with DNS
  // capture use them (ISTIO-SEMANTICS §5, §10), so only `legacy`, whose workloads turn capture off, meets the collision.
  test('DNS capture is per consumer: only the namespace whose workloads turn it off sees the collision', () => {
    const result = analyse();
    const shadowed = result.findings.filter((f) => f.rule === 'tcp-shadowed');
    expect(shadowed.map((f) => f.namespaces)).toEqual([['legacy']]);
  });

  test('outboundTrafficPolicy REGISTRY_ONLY from MeshConfig lowers the port capture on 443 to a warning', () => {
    const capture = analyse().findings.find((f) => f.rule === 'tcp-captures-port');
    expect(capture).toMatchObject({ severity: 'warning', namespaces: ['legacy'] });
    expect(capture!.explanation).toMatch(/outboundTrafficPolicy REGISTRY_ONLY/);
  });

  test('a stated setting beats the manifests: ALLOW_ANY makes the capture an error again; Istio 1.24 allocates nothing by default', () => {
    expect(analyse({ outboundTrafficPolicy: 'ALLOW_ANY' }).findings.find((f) => f.rule === 'tcp-captures-port')!.severity).toBe('error');
    const old = analyse({ istioVersion: '1.24' }).findings.filter((f) => f.rule === 'tcp-shadowed');
    expect(old.map((f) => f.namespaces)).toEqual([['legacy', '*']]);
  });

  test('each setting names where it came from: the manifest, the config file, or the default', () => {
    const settings = analyse({ istioVersion: '1.30' }, { istioVersion: '.serviceentry-guard.yaml meshes.prod.settings' }).meshes[0]!.settings!;
    const by = Object.fromEntries(settings.map((s) => [s.setting, `${s.value} from ${s.source}`]));
    expect(by).toMatchObject({
      istioVersion: '1.30 from .serviceentry-guard.yaml meshes.prod.settings',
      outboundTrafficPolicy: `REGISTRY_ONLY from ${CASE}/istio-operator.yaml`,
      dnsCapture: `true from ${CASE}/istio-operator.yaml`,
      rootNamespace: 'istio-system from default',
      'dnsCapture[legacy]': `false from ${CASE}/legacy-workload.yaml`,
    });
    expect(settingLines(analyse().meshes)).toEqual([
      `Mesh prod settings: outboundTrafficPolicy=REGISTRY_ONLY (${CASE}/istio-operator.yaml); dnsCapture=true (${CASE}/istio-operator.yaml); dnsCapture[legacy]=false (${CASE}/legacy-workload.yaml).`,
    ]);
  });

  test('proxy.istio.io/config on a Namespace is reported as ignored, and batch is analysed with the mesh-wide capture', () => {
    const result = analyse();
    const ignored = result.diagnostics.filter((d) => d.code === 'proxy-config-on-namespace');
    expect(ignored).toHaveLength(1);
    expect(ignored[0]!).toMatchObject({ severity: 'warning', location: { path: `${CASE}/batch-namespace.yaml`, line: 2 } });
    expect(ignored[0]!.message).toMatch(/pod template/);
    expect(result.meshes[0]!.settings!.some((s) => s.setting === 'dnsCapture[batch]')).toBe(false);
  });
});
