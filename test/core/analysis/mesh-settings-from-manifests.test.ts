import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { meshSettingsFromManifests } from '../../../src/core/analysis/mesh-settings-from-manifests.js';
import { REPO_ROOT } from '../../helpers/fixtures.js';

function files(name: string) {
  const dir = join(REPO_ROOT, 'test/fixtures/mesh-settings', name);
  return readdirSync(dir).sort().map((f) => ({ path: `${name}/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
}

describe('mesh settings read from the manifests of a mesh', () => {
  test('IstioOperator: version tag, outbound policy, mesh-wide DNS capture, istiod allocation and prefix; workloads per namespace', () => {
    const { settings, sources, mixedDnsCapture } = meshSettingsFromManifests(files('istio-operator-and-workloads'));
    expect(settings).toEqual({
      istioVersion: '1.24',
      outboundTrafficPolicy: 'REGISTRY_ONLY',
      dnsCapture: true,
      ipAutoAllocate: true,
      autoAllocatePrefix: '240.250.0.0/16',
      // every workload of `legacy` turns DNS capture off through proxy.istio.io/config; in `mixed` one workload
      // opts out and one keeps the mesh-wide value: analysed as without, since the collision reaches the first.
      dnsCaptureByNamespace: { legacy: false, mixed: false },
    });
    expect(mixedDnsCapture).toEqual(['mixed']);
    expect(sources.find((s) => s.setting === 'outboundTrafficPolicy')).toEqual({ setting: 'outboundTrafficPolicy', value: 'REGISTRY_ONLY', path: 'istio-operator-and-workloads/istio-operator.yaml' });
  });

  test('the istio ConfigMap, Helm values of a nesting chart, and a namespace ProxyConfig', () => {
    const { settings } = meshSettingsFromManifests(files('configmap-and-helm-values'));
    expect(settings).toEqual({
      outboundTrafficPolicy: 'ALLOW_ANY',
      defaultExportTo: ['.'],
      rootNamespace: 'mesh-root',
      istioVersion: '1.28',
      ipAutoAllocate: false,
      dnsCapture: true,
      dnsCaptureByNamespace: { batch: false },
    });
  });

  test('the legacy proxy switch ISTIO_META_DNS_AUTO_ALLOCATE with DNS capture means VIPs in every version; alone it means nothing', () => {
    const meshConfig = (metadata: string) => [{ path: 'istio.yaml', text: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: istio, namespace: istio-system}\ndata:\n  mesh: |-\n    defaultConfig:\n      proxyMetadata: {${metadata}}\n` }];
    expect(meshSettingsFromManifests(meshConfig('ISTIO_META_DNS_CAPTURE: "true", ISTIO_META_DNS_AUTO_ALLOCATE: "true"')).settings).toEqual({ dnsCapture: true, autoAllocate: true });
    expect(meshSettingsFromManifests(meshConfig('ISTIO_META_DNS_AUTO_ALLOCATE: "true"')).settings).toEqual({});
  });

  test('text that is not YAML, or manifests of other kinds, give no settings and never throw', () => {
    expect(meshSettingsFromManifests([{ path: 'x.yaml', text: 'a: [\n' }, { path: 'y.yaml', text: 'kind: Service\nmetadata: {name: istio}\n' }]).settings).toEqual({});
  });
});
