import { planFromConfigText, planRepository } from '../../../src/core/repository/config-plan.js';
import type { MeshSettings } from '../../../src/core/repository/mesh-plan.js';

const FALLBACK: MeshSettings = { defaultNamespace: 'default', mesh: { autoAllocate: false, rootNamespace: 'istio-system' } };
const PATHS = ['base/metrics.yaml', 'clusters/prod/a.yaml', 'clusters/prod/tests/t.yaml', 'clusters/staging/a.yaml', 'docs/x.yaml', 'charts/egress/Chart.yaml', 'charts/egress/values-prod.yaml'];

function plan(text: string, paths = PATHS) {
  const result = planFromConfigText(text, '.serviceentry-guard.yaml', paths, FALLBACK);
  expect(result.plan).toBeDefined();
  return result.plan!;
}

describe('splitting a repository by its config file', () => {
  test('each mesh gets the files its globs select, folders meaning everything under them, excludes applied', () => {
    const p = plan(`meshes:
  - name: prod
    paths: [clusters/prod, base/**, "!clusters/prod/tests/**"]
  - name: staging
    paths: ["clusters/staging/*.yaml", base/**]
`);
    expect(p.origin).toBe('config');
    expect(p.meshes.map((m) => [m.name, m.inputs])).toEqual([
      ['prod', [{ kind: 'files', paths: ['base/metrics.yaml', 'clusters/prod/a.yaml'] }]],
      ['staging', [{ kind: 'files', paths: ['base/metrics.yaml', 'clusters/staging/a.yaml'] }]],
    ]);
    expect(p.meshes[0]!.why).toBe('.serviceentry-guard.yaml:2');
    expect(p.diagnostics).toEqual([]);
    expect(p.summary).toBe('2 meshes from .serviceentry-guard.yaml: prod (2 files), staging (2 files); 4 manifest files in no mesh, not analysed.');
  });

  test('settings resolve mesh first, then defaults, then the flags; mesh options the config does not set stay as the flags say', () => {
    const p = plan(`defaults:
  defaultNamespace: egress
  autoAllocate: true
  outboundTrafficPolicy: REGISTRY_ONLY
meshes:
  - name: prod
    paths: [clusters/prod]
    settings: { autoAllocate: false, istioVersion: "1.24" }
  - name: staging
    paths: [clusters/staging]
`);
    expect(p.meshes[0]!.settings).toEqual({
      defaultNamespace: 'egress',
      mesh: { autoAllocate: false, rootNamespace: 'istio-system', outboundTrafficPolicy: 'REGISTRY_ONLY', istioVersion: '1.24' },
      // Each value the config sets names the place that set it; the flags' values name none.
      origins: { autoAllocate: '.serviceentry-guard.yaml meshes.prod.settings', outboundTrafficPolicy: '.serviceentry-guard.yaml defaults', istioVersion: '.serviceentry-guard.yaml meshes.prod.settings' },
    });
    expect(p.meshes[1]!.settings).toEqual({
      defaultNamespace: 'egress',
      mesh: { autoAllocate: true, rootNamespace: 'istio-system', outboundTrafficPolicy: 'REGISTRY_ONLY' },
      origins: { autoAllocate: '.serviceentry-guard.yaml defaults', outboundTrafficPolicy: '.serviceentry-guard.yaml defaults' },
    });
  });

  test('Kustomize roots and Helm charts become inputs, with release name and namespace defaulted', () => {
    const p = plan(`meshes:
  - name: prod
    kustomize: [clusters/prod/]
    helm:
      - chart: charts/egress
        valueFiles: [charts/egress/values-prod.yaml]
    settings: { defaultNamespace: payments }
render: { allowRemote: true }
`);
    expect(p.meshes[0]!.inputs).toEqual([
      { kind: 'kustomize', root: 'clusters/prod' },
      { kind: 'helm', chart: 'charts/egress', valueFiles: ['charts/egress/values-prod.yaml'], releaseName: 'egress', namespace: 'payments' },
    ]);
    expect(p.render).toEqual({ allowRemote: true });
    expect(p.summary).toContain('prod (0 files, 2 to render)');
  });

  test('a glob, root, chart or values file that matches nothing is a warning naming it, at its line', () => {
    const p = plan(`meshes:
  - name: prod
    paths:
      - clusters/prod
      - cluster/prod/**
    kustomize: [overlays/prod]
    helm:
      - chart: charts/missing
        valueFiles: [charts/missing/values.yaml]
`);
    expect(p.diagnostics.map((d) => [d.severity, d.code, d.location.line, d.message])).toEqual([
      ['warning', 'config-unmatched', 5, expect.stringContaining('glob "cluster/prod/**" of mesh prod matches no manifest file')],
      ['warning', 'config-unmatched', 6, expect.stringContaining('kustomize root "overlays/prod" of mesh prod holds no file')],
      ['warning', 'config-unmatched', 8, expect.stringContaining('helm chart "charts/missing" of mesh prod holds no file')],
      ['warning', 'config-unmatched', 8, expect.stringContaining('values file "charts/missing/values.yaml"')],
    ]);
    expect(p.meshes[0]!.inputs[0]).toEqual({ kind: 'files', paths: ['clusters/prod/a.yaml', 'clusters/prod/tests/t.yaml'] });
  });

  test('a mesh whose excludes remove every file it matches is a warning at its name', () => {
    const p = plan('meshes:\n  - name: prod\n    paths: [clusters/prod, "!clusters/**"]\n');
    expect(p.diagnostics.map((d) => [d.code, d.location.line, d.message])).toEqual([
      ['config-unmatched', 2, 'mesh prod selects no file: its excluding globs remove every file its paths match'],
    ]);
  });

  test('a config with errors gives no plan, only the errors', () => {
    const result = planFromConfigText('meshes: []\n', '.serviceentry-guard.yaml', PATHS, FALLBACK);
    expect(result.plan).toBeUndefined();
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', message: 'meshes is empty; it needs at least 1 item', location: { path: '.serviceentry-guard.yaml', line: 1, column: 9 } })]);
  });

  test('without a config file the meshes are inferred from what the repository declares', () => {
    const files = ['clusters/prod/a.yaml', 'clusters/staging/a.yaml'].map((path) => ({ path, text: 'kind: ServiceEntry\n' }));
    const result = planRepository(undefined, files, FALLBACK);
    expect(result.plan).toMatchObject({ origin: 'inferred', meshes: [{ name: 'prod', settings: FALLBACK }, { name: 'staging', settings: FALLBACK }] });
  });

  test('without a config file and nothing that divides the repository, everything is one mesh named default', () => {
    const files = ['egress/a.yaml', 'egress/b.yaml'].map((path) => ({ path, text: 'kind: ServiceEntry\n' }));
    const result = planRepository(undefined, files, FALLBACK);
    expect(result.plan).toMatchObject({ origin: 'single', meshes: [{ name: 'default', inputs: [{ kind: 'files', paths: ['egress/a.yaml', 'egress/b.yaml'] }], settings: FALLBACK }] });
  });
});
