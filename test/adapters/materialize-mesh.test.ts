import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { materializeMesh, materializeMeshes, RenderWorkspace, treeOf } from '../../src/adapters/materialize-mesh.js';
import { helmRenderer } from '../../src/adapters/render/helm-renderer.js';
import { kustomizeRenderer } from '../../src/adapters/render/kustomize-renderer.js';
import type { ManifestRenderer } from '../../src/adapters/render/manifest-renderer.js';
import { loadSources } from '../../src/core/load/load-sources.js';
import type { MeshPlan } from '../../src/core/repository/mesh-plan.js';
import { REPOSITORIES_DIR, repositoryFiles } from '../helpers/repositories.js';

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

describe('rendering the meshes of a run', () => {
  const repoDir = join(REPOSITORIES_DIR, 'kustomize-overlays');
  const overlaysTree = { ...treeOf(repositoryFiles('kustomize-overlays')), directory: repoDir };
  const workspaces: RenderWorkspace[] = [];
  afterAll(async () => {
    for (const w of workspaces) await w.dispose();
  });
  const workspace = (concurrency?: number) => {
    const w = new RenderWorkspace(repoDir, false, concurrency === undefined ? {} : { concurrency });
    workspaces.push(w);
    return w;
  };

  test('renders run side by side, never more at once than the workspace allows, and each mesh keeps its inputs\' order', async () => {
    let running = 0;
    let most = 0;
    const slow: ManifestRenderer = {
      kind: 'kustomize',
      async render(input) {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 20));
        running--;
        const root = input.kind === 'kustomize' ? input.root : '';
        return { files: [{ path: `${root}/out.yaml`, text: root }], diagnostics: [] };
      },
    };
    const renderers = { kustomize: slow, helm: slow };
    const meshes = [plan([{ kind: 'kustomize', root: 'a' }, { kind: 'kustomize', root: 'b' }, { kind: 'kustomize', root: 'c' }]), plan([{ kind: 'kustomize', root: 'd' }, { kind: 'kustomize', root: 'e' }])];
    const results = await materializeMeshes(meshes, overlaysTree, { renderers, workspace: workspace(2) });
    expect(most).toBe(2);
    expect(results.map((r) => r.groups.map((g) => g.files[0]!.text))).toEqual([['a', 'b', 'c'], ['d', 'e']]);
  });

  test('two meshes that build one root with different Flux targetNamespaces each get their own, built concurrently', async () => {
    const renderers = { kustomize: kustomizeRenderer({ path: '/usr/bin' }), helm: helmRenderer({ path: '/nonexistent' }) };
    const meshes = ['team-a', 'team-b', 'team-c'].map((ns) => plan([{ kind: 'kustomize', root: 'base', targetNamespace: ns }]));
    const results = await materializeMeshes(meshes, overlaysTree, { renderers, workspace: workspace(3) });
    expect(results.map((r) => loadSources(r.groups.flatMap((g) => g.files), { defaultNamespace: 'default' }).entries.map((e) => e.ref))).toEqual([
      ['team-a/payments-db'], ['team-b/payments-db'], ['team-c/payments-db'],
    ]);
  });
});

describe('which roots are built in place', () => {
  test('a root only its own mesh builds is built in place; a base another root includes is built through our kustomization, so neither sees the other\'s namespace', async () => {
    const repoDir = join(REPOSITORIES_DIR, 'kustomize-name-mapping');
    const tree = { ...treeOf(repositoryFiles('kustomize-name-mapping')), directory: repoDir };
    const workspace = new RenderWorkspace(repoDir);
    try {
      const renderers = { kustomize: kustomizeRenderer({ path: '/usr/bin' }), helm: helmRenderer({ path: '/nonexistent' }) };
      const meshes = [plan([{ kind: 'kustomize', root: 'base', targetNamespace: 'team-x' }]), plan([{ kind: 'kustomize', root: 'overlays/unchanged' }])];
      const results = await materializeMeshes(meshes, tree, { renderers, workspace });
      expect(results.map((r) => loadSources(r.groups.flatMap((g) => g.files), { defaultNamespace: 'default' }).entries.map((e) => e.ref))).toEqual([
        ['team-x/dep-1', 'team-x/dep-10'], ['default/dep-1', 'default/dep-10'],
      ]);
      const copy = await workspace.get();
      expect(copy.exclusiveRoots).toEqual(new Set(['overlays/unchanged']));
      expect(await readFile(join(copy.dir, 'base/kustomization.yaml'), 'utf8')).toBe('resources:\n  - egress.yaml\n');
      expect(await readFile(join(copy.dir, 'overlays/unchanged/kustomization.yaml'), 'utf8')).toContain('originAnnotations');
    } finally {
      await workspace.dispose();
    }
  });
});
