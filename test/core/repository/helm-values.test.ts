/**
 * Helm values an Argo CD Application or a Flux HelmRelease passes inline reach
 * the planned chart input as layers, in the order helm must apply them.
 */
import { inferRepositoryPlan } from '../../../src/core/repository/infer-meshes.js';
import { fluxHelmValues, valuesSources } from '../../../src/core/repository/helm-values.js';
import { yamlObjects } from '../../../src/core/repository/yaml-objects.js';
import type { MeshInput, RepositoryPlan } from '../../../src/core/repository/mesh-plan.js';
import { repositoryFiles } from '../../helpers/repositories.js';

const plan: RepositoryPlan = inferRepositoryPlan(repositoryFiles('helm-inline-values'), { defaultNamespace: 'default', mesh: {} });
const helmInputOf = (mesh: string): Extract<MeshInput, { kind: 'helm' }> => {
  const input = plan.meshes.find((m) => m.name === mesh)?.inputs.find((i) => i.kind === 'helm');
  if (input?.kind !== 'helm') throw new Error(`no chart in mesh ${mesh}: ${plan.meshes.map((m) => m.name).join(', ')}`);
  return input;
};

describe('inline Helm values of a Flux HelmRelease', () => {
  test('valuesFrom in order (a ConfigMap in the repository, a key set at targetPath), then spec.values last, after the chart valuesFiles', () => {
    const input = helmInputOf('prod');
    expect(input.valueFiles).toEqual(['charts/egress/values.yaml']);
    expect(input.values).toEqual([
      { kind: 'values', from: 'ConfigMap egress-overrides key values.yaml (valuesFrom of clusters/prod/egress-release.yaml)', values: { databases: [{ name: 'orders-db', host: 'orders.example.com' }] } },
      { kind: 'values', from: 'ConfigMap egress-overrides key port (valuesFrom of clusters/prod/egress-release.yaml)', values: { defaults: { port: '5433' } } },
      { kind: 'values', from: 'clusters/prod/egress-release.yaml spec.values', values: { defaults: { protocol: 'TCP' } } },
    ]);
  });

  test('a valuesFrom Secret the repository does not hold is named once; the chart is still rendered without it', () => {
    const unread = plan.diagnostics.filter((d) => d.code === 'helm-values-unread');
    expect(unread.map((d) => [d.severity, d.location.path])).toEqual([['warning', 'clusters/prod/egress-release.yaml']]);
    expect(unread[0]!.message).toContain('Secret egress-credentials named in valuesFrom of clusters/prod/egress-release.yaml is not in the repository');
  });
});

describe('inline Helm values of an Argo CD Application', () => {
  test('values (a YAML string), then valuesObject, then parameters as --set (forceString as --set-string)', () => {
    const input = helmInputOf('staging');
    expect(input.valueFiles).toEqual(['charts/egress/values.yaml']);
    expect(input.values).toEqual([
      { kind: 'values', from: 'apps/egress-staging.yaml helm.values', values: { defaults: { protocol: 'TLS' } } },
      { kind: 'values', from: 'apps/egress-staging.yaml helm.valuesObject', values: { databases: [{ name: 'search', host: 'search.example.com' }] } },
      { kind: 'set', from: 'apps/egress-staging.yaml helm.parameters', name: 'databases[0].host', value: 'search.example.com,search-eu.example.com', string: false },
      { kind: 'set', from: 'apps/egress-staging.yaml helm.parameters', name: 'defaults.port', value: '443', string: true },
    ]);
  });

  test('a chart with no inline values plans as before: no values key at all', () => {
    const bare = inferRepositoryPlan(repositoryFiles('helm-chart'), { defaultNamespace: 'default', mesh: {} });
    expect(bare.meshes[0]!.inputs[0]).not.toHaveProperty('values');
  });
});

describe('valuesFrom Secrets', () => {
  const release = yamlObjects({ path: 'r.yaml', text: 'kind: HelmRelease\nmetadata: {name: r, namespace: egress}\nspec:\n  valuesFrom:\n    - {kind: Secret, name: plain}\n    - {kind: Secret, name: sealed}\n    - {kind: Secret, name: elsewhere}\n    - {kind: Secret, name: absent, optional: true}\n' })[0]!;
  const secrets = [
    // base64 of "tag: v2\n"
    { path: 's/plain.yaml', text: 'apiVersion: v1\nkind: Secret\nmetadata: {name: plain, namespace: egress}\ndata:\n  values.yaml: dGFnOiB2Mgo=\n' },
    { path: 's/sealed.yaml', text: 'apiVersion: v1\nkind: Secret\nmetadata: {name: sealed, namespace: egress}\ndata:\n  values.yaml: ENC[AES256_GCM,data:abc]\nsops:\n  version: 3.8.1\n' },
    { path: 's/elsewhere.yaml', text: 'apiVersion: v1\nkind: Secret\nmetadata: {name: elsewhere, namespace: other}\nstringData:\n  values.yaml: "tag: v3"\n' },
  ];

  test('base64 data is decoded; a SOPS-encrypted one, or one in another namespace, is named as not read; an optional absent one is not', () => {
    const { layers, diagnostics } = fluxHelmValues(release, 'r.yaml', valuesSources(secrets));
    expect(layers).toEqual([{ kind: 'values', from: 'Secret plain key values.yaml (valuesFrom of r.yaml)', values: { tag: 'v2' } }]);
    expect(diagnostics.map((d) => d.message.split(';')[0])).toEqual([
      'Secret sealed named in valuesFrom of r.yaml is encrypted (SOPS) in s/sealed.yaml',
      'Secret elsewhere named in valuesFrom of r.yaml is not in the repository',
    ]);
  });
});
