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
      // every workload of `legacy` turns DNS capture off through proxy.istio.io/config
      dnsCaptureByNamespace: { legacy: false },
    });
    // In `mixed` one workload opts out and one keeps the mesh-wide value: no single answer for the namespace.
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

  test('text that is not YAML, or manifests of other kinds, give no settings and never throw', () => {
    expect(meshSettingsFromManifests([{ path: 'x.yaml', text: 'a: [\n' }, { path: 'y.yaml', text: 'kind: Service\nmetadata: {name: istio}\n' }]).settings).toEqual({});
  });
});
