import { withSettingsFiles } from '../../../src/core/repository/settings-files.js';
import type { MeshPlan, RepositoryPlan } from '../../../src/core/repository/mesh-plan.js';

const SETTINGS = { defaultNamespace: 'default', mesh: {} };
const operator = { path: 'infra/istio/operator.yaml', text: 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\n' };
const prodValues = { path: 'clusters/prod/istio/values.yaml', text: 'meshConfig:\n  outboundTrafficPolicy: {mode: REGISTRY_ONLY}\n' };
const entry = { path: 'clusters/prod/egress/github.yaml', text: 'kind: ServiceEntry\n' };
const annotatedEntryFile = { path: 'apps/web.yaml', text: 'kind: Deployment\n# proxy.istio.io/config\n---\nkind: ServiceEntry\n' };

function mesh(name: string, paths: string[]): MeshPlan {
  return { name, inputs: [{ kind: 'files', paths }], settings: SETTINGS, why: name };
}

function plan(origin: RepositoryPlan['origin'], meshes: MeshPlan[]): RepositoryPlan {
  return { meshes, origin, summary: '', diagnostics: [] };
}

describe('inferred meshes also read the files that state how the mesh runs', () => {
  test('one mesh: every settings file joins it; files holding ServiceEntries stay where inference put them', () => {
    const result = withSettingsFiles(plan('single', [mesh('default', [entry.path])]), [operator, prodValues, entry, annotatedEntryFile]);
    expect(result.meshes[0]!.inputs).toEqual([{ kind: 'files', paths: [entry.path] }, { kind: 'files', paths: [operator.path, prodValues.path] }]);
  });

  test('several meshes: a settings file joins the mesh its folder names; one that names no mesh joins none', () => {
    const result = withSettingsFiles(plan('inferred', [mesh('prod', [entry.path]), mesh('staging', ['clusters/staging/a.yaml'])]), [operator, prodValues, entry]);
    expect(result.meshes.map((m) => m.inputs.flatMap((i) => (i.kind === 'files' ? i.paths : [])))).toEqual([[entry.path, prodValues.path], ['clusters/staging/a.yaml']]);
  });

  test('a config file\'s meshes select their own files', () => {
    const configured = plan('config', [mesh('prod', [entry.path])]);
    expect(withSettingsFiles(configured, [operator, prodValues, entry])).toBe(configured);
  });
});
