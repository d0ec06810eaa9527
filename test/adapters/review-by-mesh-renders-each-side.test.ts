/**
 * A pull request that edits a kustomization changes what the overlay
 * renders: each side is built from its own files with the real kubectl
 * kustomize, so the collision the edit brings in is introduced, and the
 * finding points at the source file a reviewer edits.
 */
import { defaultRenderers } from '../../src/adapters/materialize-mesh.js';
import { reviewByMesh } from '../../src/adapters/review-by-mesh.js';
import type { SourceFile } from '../../src/core/model.js';

const entry = (name: string, host: string) => `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: ${name}
spec:
  hosts: [${host}]
  location: MESH_EXTERNAL
  resolution: DNS
  ports:
    - number: 5432
      name: postgres
      protocol: TCP
`;

const base: SourceFile[] = [
  { path: 'base/kustomization.yaml', text: 'resources:\n  - payments-db.yaml\n' },
  { path: 'base/payments-db.yaml', text: entry('payments-db', 'payments.db.example.com') },
  { path: 'overlays/prod/kustomization.yaml', text: 'namespace: payments\nresources:\n  - ../../base\n' },
];

describe('a pull request over Kustomize roots', () => {
  test('an overlay that starts rendering a second TCP entry on its port introduces the collision, at the source lines', async () => {
    const changes = [
      { path: 'overlays/prod/kustomization.yaml', status: 'modified' as const, headText: 'namespace: payments\nresources:\n  - ../../base\n  - ledger-db.yaml\n' },
      { path: 'overlays/prod/ledger-db.yaml', status: 'added' as const, headText: entry('ledger-db', 'ledger.db.example.com') },
    ];
    const reviewed = await reviewByMesh({
      baseFiles: base, changes, baseConfig: undefined, headConfig: undefined,
      fallback: { defaultNamespace: 'default', mesh: {} },
      renderers: defaultRenderers([...base, ...changes.map((c) => ({ path: c.path, text: c.headText }))]),
    });
    if (!reviewed.ok) throw new Error('no config, so no config errors');
    const shadowed = reviewed.report.introduced.filter((c) => c.finding.rule === 'tcp-shadowed');
    expect(shadowed).toHaveLength(1);
    const finding = shadowed[0]!.finding;
    expect(finding.listener).toBe('0.0.0.0_5432');
    // Rendered with the overlay's namespace, located in the files a reviewer edits.
    expect(finding.entries.map((e) => `${e.ref} ${e.location.path}`).sort()).toEqual([
      'payments/ledger-db overlays/prod/ledger-db.yaml',
      'payments/payments-db base/payments-db.yaml',
    ]);
    expect(shadowed[0]!.newEntryRefs).toEqual(['payments/ledger-db']);
  });

  test('without renderers the roots are named as not rendered, never read file by file', async () => {
    const reviewed = await reviewByMesh({ baseFiles: base, changes: [], baseConfig: undefined, headConfig: undefined, fallback: { defaultNamespace: 'default', mesh: {} } });
    if (!reviewed.ok) throw new Error('no config, so no config errors');
    expect(reviewed.report.headEntryCount).toBe(0);
    expect(reviewed.report.diagnostics.map((d) => d.code)).toContain('not-rendered');
  });
});
