/**
 * Helm values an Argo CD Application or a Flux HelmRelease passes inline reach
 * the planned chart input as layers, in the order helm must apply them.
 */
import { inferRepositoryPlan } from '../../../src/core/repository/infer-meshes.js';
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
