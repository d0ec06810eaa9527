/**
 * MeshConfig.serviceEntryVisibility (Istio 1.31+, PushContext.serviceExportTo): with
 * applyToSidecars, a namespace's visibility (from its labels) caps its entries'
 * exportTo. The fixture's payments namespace is NAMESPACE-visible, platform PUBLIC.
 */
import { analyzeMeshes } from '../../../src/core/analysis/analyze-meshes.js';
import { settingLines } from '../../../src/core/analysis/resolve-mesh-settings.js';
import { capExportTo, selects, visibilityOf } from '../../../src/core/analysis/service-entry-visibility.js';
import type { MeshOptions, ServiceEntry, ServiceEntryVisibility } from '../../../src/core/model.js';
import type { MeshSettings } from '../../../src/core/repository/mesh-plan.js';
import { caseFiles } from '../../helpers/fixtures.js';
import { fileMesh } from '../../helpers/meshes.js';

const CASE = 'service-entry-visibility-caps-export-to';

function analyse(stated: MeshSettings['mesh'], files = caseFiles(CASE)) {
  return analyzeMeshes([fileMesh('prod', files, { defaultNamespace: 'default', mesh: stated })]);
}
const shadowed = (result: ReturnType<typeof analyse>) => result.findings.filter((f) => f.rule === 'tcp-shadowed');

describe('serviceEntryVisibility from the mesh config caps exportTo for sidecars', () => {
  test('Istio 1.31: the NAMESPACE-visible ledger-db collides only inside payments; other namespaces see shared-db alone', () => {
    const result = analyse({ istioVersion: '1.31' });
    expect(shadowed(result).map((f) => f.namespaces)).toEqual([['payments']]);
    expect(settingLines(result.meshes)[0]).toContain(`serviceEntryVisibility=default NAMESPACE, 1 policy, applyToSidecars (test/fixtures/cases/${CASE}/mesh-config.yaml)`);
  });

  test('Istio 1.30 has no such setting: both entries are public and collide everywhere, and the verdict says 1.31 differs', () => {
    const result = analyse({ istioVersion: '1.30' });
    const [finding] = shadowed(result);
    expect(finding!.namespaces).toContain('*');
    expect(finding!.explanation).toContain('MeshConfig serviceEntryVisibility with applyToSidecars caps each entry\'s exportTo');
    expect(settingLines(result.meshes)[0]).toContain('(no effect on sidecars before Istio 1.31; analysed as Istio 1.30)');
  });

  test('a namespace whose labels the manifests do not show gets the widest visibility a policy could give: no collision hidden by a guess', () => {
    const withoutNamespaces = caseFiles(CASE).filter((f) => !f.path.endsWith('namespaces.yaml'));
    expect(shadowed(analyse({ istioVersion: '1.31' }, withoutNamespaces))[0]!.namespaces).toContain('*');
  });
});

describe('the cap itself, as PushContext.serviceExportTo applies it', () => {
  const entry = { namespace: 'payments' } as ServiceEntry;
  const config = (defaultVisibility: ServiceEntryVisibility['defaultVisibility'], applyToSidecars = true): ServiceEntryVisibility => ({ applyToSidecars, defaultVisibility, policies: [] });
  const mesh = (c: ServiceEntryVisibility, istioVersion = '1.31'): MeshOptions => ({ defaultExportTo: ['*'], rootNamespace: 'istio-system', autoAllocate: false, istioVersion, serviceEntryVisibility: c, namespaceLabels: { payments: {} } });

  test('NAMESPACE keeps an entry its own namespace could see, and hides one exported only elsewhere; NONE hides; `~` alone stays', () => {
    expect(capExportTo(entry, ['*'], mesh(config('NAMESPACE')))).toEqual(['.']);
    expect(capExportTo(entry, ['payments', 'web'], mesh(config('NAMESPACE')))).toEqual(['.']);
    expect(capExportTo(entry, ['web'], mesh(config('NAMESPACE')))).toEqual(['~']);
    expect(capExportTo(entry, ['*'], mesh(config('NONE')))).toEqual(['~']);
    expect(capExportTo(entry, ['~'], mesh(config('PUBLIC')))).toEqual(['~']);
  });

  test('it only applies with applyToSidecars, and from Istio 1.31', () => {
    expect(capExportTo(entry, ['*'], mesh(config('NONE', false)))).toEqual(['*']);
    expect(capExportTo(entry, ['*'], mesh(config('NONE'), '1.30'))).toEqual(['*']);
  });

  test('the first policy whose rules all match decides; a rule that is not a namespace selector never matches', () => {
    const c: ServiceEntryVisibility = {
      applyToSidecars: true,
      defaultVisibility: 'NAMESPACE',
      policies: [
        { visibility: 'NONE', namespaceSelectors: [undefined] },
        { visibility: 'PUBLIC', namespaceSelectors: [{ matchLabels: { tier: 'shared' } }, { matchExpressions: [{ key: 'team', operator: 'Exists' }] }] },
      ],
    };
    expect(visibilityOf('a', c, { a: { tier: 'shared', team: 'x' } })).toBe('PUBLIC');
    expect(visibilityOf('a', c, { a: { tier: 'shared' } })).toBe('NAMESPACE');
  });

  test('label selectors: matchLabels and the four operators; an empty selector selects every namespace', () => {
    const labels = { env: 'prod', team: 'pay' };
    expect(selects({}, labels)).toBe(true);
    expect(selects({ matchLabels: { env: 'prod' } }, labels)).toBe(true);
    expect(selects({ matchLabels: { env: 'dev' } }, labels)).toBe(false);
    expect(selects({ matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'stage'] }] }, labels)).toBe(true);
    expect(selects({ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, labels)).toBe(false);
    expect(selects({ matchExpressions: [{ key: 'owner', operator: 'NotIn', values: ['x'] }] }, labels)).toBe(true);
    expect(selects({ matchExpressions: [{ key: 'team', operator: 'Exists' }] }, labels)).toBe(true);
    expect(selects({ matchExpressions: [{ key: 'team', operator: 'DoesNotExist' }] }, labels)).toBe(false);
    expect(selects({ matchExpressions: [{ key: 'team', operator: 'Gt', values: ['1'] }] }, labels)).toBe(false);
  });
});
