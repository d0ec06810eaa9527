/**
 * A pull request's cost follows the change: an overlay whose inputs the change
 * does not touch is rendered once (head side) and its findings are existing,
 * while a change to a base every overlay includes re-renders all of them on
 * both sides. Renders go through the real kubectl kustomize, counted by a
 * wrapper around the renderer.
 */
import { kustomizeRenderer } from '../../src/adapters/render/kustomize-renderer.js';
import { helmRenderer } from '../../src/adapters/render/helm-renderer.js';
import type { ManifestRenderer } from '../../src/adapters/render/manifest-renderer.js';
import type { Renderers } from '../../src/adapters/materialize-mesh.js';
import { reviewByMesh } from '../../src/adapters/review-by-mesh.js';
import type { SourceFile } from '../../src/core/model.js';
import type { MeshInput } from '../../src/core/repository/mesh-plan.js';
import type { ChangedFile } from '../../src/core/review/apply-changes.js';

const entry = (name: string, host: string, port: number) => `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: ${name}
spec:
  hosts: [${host}]
  location: MESH_EXTERNAL
  resolution: DNS
  ports:
    - number: ${port}
      name: tcp
      protocol: TCP
`;

// Two overlays of one base; each overlay is its own mesh. The base holds a collision on 5432 already.
const base: SourceFile[] = [
  { path: 'base/kustomization.yaml', text: 'resources:\n  - payments-db.yaml\n  - ledger-db.yaml\n' },
  { path: 'base/payments-db.yaml', text: entry('payments-db', 'payments.db.example.com', 5432) },
  { path: 'base/ledger-db.yaml', text: entry('ledger-db', 'ledger.db.example.com', 5432) },
  { path: 'overlays/prod/kustomization.yaml', text: 'namespace: prod\nresources:\n  - ../../base\n' },
  { path: 'overlays/staging/kustomization.yaml', text: 'namespace: staging\nresources:\n  - ../../base\n' },
];

/** The real kustomize renderer, recording which root each render built. */
function countingRenderers(): { renderers: Renderers; built: string[] } {
  const real = kustomizeRenderer({ path: '/usr/bin' });
  const built: string[] = [];
  const kustomize: ManifestRenderer = {
    kind: 'kustomize',
    render: (input: MeshInput, copy) => {
      if (input.kind === 'kustomize') built.push(input.root);
      return real.render(input, copy);
    },
  };
  return { renderers: { kustomize, helm: helmRenderer({ path: '/nonexistent' }) }, built };
}

async function review(changes: ChangedFile[]) {
  const { renderers, built } = countingRenderers();
  const reviewed = await reviewByMesh({ baseFiles: base, changes, baseConfig: undefined, headConfig: undefined, fallback: { defaultNamespace: 'default', mesh: {} }, renderers });
  if (!reviewed.ok) throw new Error('no config, so no config errors');
  return { report: reviewed.report, meshes: reviewed.headPlan.meshes.map((m) => m.name), built: built.sort() };
}

const byMesh = (findings: ReadonlyArray<{ finding: { mesh?: string; rule: string } }>) => findings.map((c) => `${c.finding.mesh} ${c.finding.rule}`).sort();

describe('a pull request renders only the meshes its change reaches', () => {
  test('an edit inside one overlay renders that overlay on both sides and the other once; the other\'s findings stay existing', async () => {
    const { report, meshes, built } = await review([
      { path: 'overlays/prod/kustomization.yaml', status: 'modified', headText: 'namespace: prod\nresources:\n  - ../../base\n  - cache.yaml\n' },
      { path: 'overlays/prod/cache.yaml', status: 'added', headText: entry('cache', 'cache.example.com', 6379) },
    ]);
    expect(meshes).toHaveLength(2);
    expect(built).toEqual(['overlays/prod', 'overlays/prod', 'overlays/staging']);
    // The base's 5432 collision exists in both overlays before and after: existing in each, introduced in neither.
    expect(report.introduced.filter((c) => c.finding.rule === 'tcp-shadowed')).toEqual([]);
    expect(byMesh(report.existing).filter((x) => x.endsWith('tcp-shadowed'))).toHaveLength(2);
    expect(new Set(report.existing.map((c) => c.finding.mesh)).size).toBe(2);
    expect(report.baseEntryCount).toBe(4);
    expect(report.headEntryCount).toBe(5);
  });

  test('a change to the base every overlay includes re-renders every overlay on both sides', async () => {
    const { report, built } = await review([
      { path: 'base/ledger-db.yaml', status: 'modified', headText: entry('ledger-db', 'ledger.db.example.com', 5433) },
    ]);
    expect(built).toEqual(['overlays/prod', 'overlays/prod', 'overlays/staging', 'overlays/staging']);
    // Moving ledger-db off 5432 resolves the collision in both overlays.
    expect(byMesh(report.resolved).filter((x) => x.endsWith('tcp-shadowed'))).toHaveLength(2);
  });

  test('a change to a file no mesh reads renders each overlay once, and the review is all existing findings', async () => {
    const { report, built } = await review([{ path: 'docs/notes.yaml', status: 'added', headText: 'kind: ConfigMap\n' }]);
    expect(built).toEqual(['overlays/prod', 'overlays/staging']);
    expect(report.introduced).toEqual([]);
    expect(report.resolved).toEqual([]);
    expect(byMesh(report.existing).filter((x) => x.endsWith('tcp-shadowed'))).toHaveLength(2);
    expect(report.baseEntryCount).toBe(report.headEntryCount);
  });
});
