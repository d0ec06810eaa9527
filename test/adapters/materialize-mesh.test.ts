import { materializeMesh, treeOf } from '../../src/adapters/materialize-mesh.js';
import type { MeshPlan } from '../../src/core/repository/mesh-plan.js';

const tree = treeOf([
  { path: 'clusters/prod/a.yaml', text: 'a' },
  { path: 'clusters/prod/b.yaml', text: 'b' },
  { path: 'clusters/staging/a.yaml', text: 'c' },
]);

function plan(inputs: MeshPlan['inputs']): MeshPlan {
  return { name: 'prod', inputs, settings: { defaultNamespace: 'default', mesh: {} }, why: 'test' };
}

describe('materializing a mesh', () => {
  test('files inputs are taken from the side\'s selected files, each once', async () => {
    const result = await materializeMesh(plan([
      { kind: 'files', paths: ['clusters/prod/a.yaml', 'clusters/prod/b.yaml'] },
      { kind: 'files', paths: ['clusters/prod/a.yaml', 'clusters/prod/unread.yaml'] },
    ]), tree);
    expect(result).toEqual({ files: [{ path: 'clusters/prod/a.yaml', text: 'a' }, { path: 'clusters/prod/b.yaml', text: 'b' }], groups: [], diagnostics: [], unrenderedServiceEntries: 0 });
  });

  test('files an input gives its own namespace (an Argo CD destination, a Flux targetNamespace) form a group with it', async () => {
    const result = await materializeMesh(plan([{ kind: 'files', paths: ['clusters/prod/a.yaml'], defaultNamespace: 'payments', targetNamespace: 'billing' }]), tree);
    expect(result.files).toEqual([]);
    expect(result.groups).toEqual([{ files: [{ path: 'clusters/prod/a.yaml', text: 'a' }], defaultNamespace: 'payments', targetNamespace: 'billing' }]);
  });

  test('a Kustomize root or Helm chart no renderer handles is named in a diagnostic, never skipped silently', async () => {
    const result = await materializeMesh(plan([
      { kind: 'kustomize', root: 'apps/overlays/prod' },
      { kind: 'helm', chart: 'charts/egress', valueFiles: [], releaseName: 'egress', namespace: 'egress' },
    ]), tree);
    expect(result.files).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.location.path, d.message])).toEqual([
      ['not-rendered', 'apps/overlays/prod', expect.stringMatching(/^not rendered: apps\/overlays\/prod \(Kustomize root of mesh prod\)/)],
      ['not-rendered', 'charts/egress', expect.stringMatching(/^not rendered: charts\/egress \(Helm chart of mesh prod\)/)],
    ]);
  });
});
