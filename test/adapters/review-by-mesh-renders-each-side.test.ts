/**
 * A pull request that edits a kustomization changes what the overlay
 * renders: each side is built from its own files with the real kubectl
 * kustomize, so the collision the edit brings in is introduced, and the
 * finding points at the source file a reviewer edits.
 */
import { defaultRenderers } from '../../src/adapters/materialize-mesh.js';
import { reviewByMesh } from '../../src/adapters/review-by-mesh.js';
import type { SourceFile } from '../../src/core/model.js';
import { validateServiceEntryManifest } from '../../src/core/crd/validate-manifest.js';

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

describe('fixes for rendered entries edit the source file a reviewer owns', () => {
  const review = async (baseFiles: SourceFile[], changes: Array<{ path: string; status: 'added' | 'modified'; headText: string }>) => {
    const reviewed = await reviewByMesh({
      baseFiles, changes, baseConfig: undefined, headConfig: undefined,
      fallback: { defaultNamespace: 'default', mesh: {} },
      fixes: { validate: validateServiceEntryManifest },
      renderers: defaultRenderers([...baseFiles, ...changes.map((c) => ({ path: c.path, text: c.headText }))]),
    });
    if (!reviewed.ok) throw new Error('no config, so no config errors');
    const introduced = reviewed.report.introduced.find((c) => c.finding.rule === 'tcp-shadowed');
    if (!introduced) throw new Error('expected an introduced tcp-shadowed finding');
    return { report: reviewed.report, id: introduced.finding.id };
  };

  test('an entry the overlay lists unpatched: the fix is an edit of its own file, at its source lines, verified on the render', async () => {
    const ledger = entry('ledger-db', 'ledger.db.example.com');
    const { report, id } = await review(base, [
      { path: 'overlays/prod/kustomization.yaml', status: 'modified', headText: 'namespace: payments\nresources:\n  - ../../base\n  - ledger-db.yaml\n' },
      { path: 'overlays/prod/ledger-db.yaml', status: 'added', headText: ledger },
    ]);
    const fixes = report.suggestions[id] ?? [];
    expect(fixes.length).toBeGreaterThan(0);
    expect(report.fixNotes?.[id]).toBeUndefined();
    // Every change is to the file the pull request added, in that file's own numbering and text.
    for (const fix of fixes) for (const change of fix.changes) {
      expect(change.path).toBe('overlays/prod/ledger-db.yaml');
      expect(change.originalLines).toEqual(ledger.split('\n').slice(change.startLine - 1, change.endLine));
    }
    // Both render into namespace payments, so narrowing exportTo cannot part them; a VIP in the added file does.
    expect(fixes.map((f) => f.kind)).not.toContain('export-to');
    const vip = fixes.find((f) => f.kind === 'addresses');
    expect(vip?.changes[0]!.replacementLines.join('\n')).toMatch(/addresses:\s*\n\s*- "240\.241\./);
  });

  test('an entry a kustomize patch moves onto the port: no source edit can be verified, and the review says why', async () => {
    const onOtherPort = entry('payments-db', 'payments.db.example.com').replace('5432', '5433');
    const resources = 'namespace: payments\nresources:\n  - payments-db.yaml\n  - ledger-db.yaml\n';
    const baseFiles: SourceFile[] = [
      { path: 'overlays/prod/kustomization.yaml', text: resources },
      { path: 'overlays/prod/payments-db.yaml', text: onOtherPort },
      { path: 'overlays/prod/ledger-db.yaml', text: entry('ledger-db', 'ledger.db.example.com') },
    ];
    const patch = 'patches:\n  - target:\n      kind: ServiceEntry\n      name: payments-db\n    patch: |-\n      - op: replace\n        path: /spec/ports/0/number\n        value: 5432\n';
    const { report, id } = await review(baseFiles, [
      { path: 'overlays/prod/kustomization.yaml', status: 'modified', headText: `${resources}${patch}` },
    ]);
    expect(report.suggestions[id]).toEqual([]);
    // ledger-db renders as written; only payments-db is changed on its way, and the note names it alone.
    expect(report.fixNotes?.[id]).toBe('Kustomize root overlays/prod changes payments/payments-db on its way from overlays/prod/payments-db.yaml (a patch or transformer), so an edit of that file alone cannot be verified; change the patch instead. No edit is suggested.');
  });

  test('an entry added to a base beside the overlay: editing the base would change every overlay, so the review says so instead', async () => {
    const { report, id } = await review(base, [
      { path: 'base/kustomization.yaml', status: 'modified', headText: 'resources:\n  - payments-db.yaml\n  - orders-db.yaml\n' },
      { path: 'base/orders-db.yaml', status: 'added', headText: entry('orders-db', 'orders.db.example.com') },
    ]);
    expect(report.suggestions[id]).toEqual([]);
    expect(report.fixNotes?.[id]).toContain('payments/orders-db comes from base/orders-db.yaml, outside Kustomize root overlays/prod: an edit there changes every root that builds it');
  });
});
