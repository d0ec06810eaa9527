import { inferRepositoryPlan } from '../../../src/core/repository/infer-meshes.js';
import type { MeshPlan, RepositoryPlan } from '../../../src/core/repository/mesh-plan.js';
import type { SourceFile } from '../../../src/core/model.js';
import { repositoryFiles } from '../../helpers/repositories.js';

const defaults = { defaultNamespace: 'default', mesh: {} };
const infer = (files: SourceFile[]): RepositoryPlan => inferRepositoryPlan(files, defaults);
const mesh = (plan: RepositoryPlan, name: string): MeshPlan => {
  const found = plan.meshes.find((m) => m.name === name);
  if (!found) throw new Error(`no mesh ${name} in ${plan.meshes.map((m) => m.name).join(', ')}`);
  return found;
};
const se = (name: string, port = 5432, ns = '') =>
  `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}spec:\n  hosts: [${name}.example.com]\n  ports: [{number: ${port}, name: tcp, protocol: TCP}]\n`;

describe('meshes inferred from folder conventions', () => {
  test('clusters/prod and clusters/staging are two meshes, each with its own files, and the summary says why', () => {
    const plan = infer(repositoryFiles('clusters-folders'));
    expect(plan.origin).toBe('inferred');
    expect(plan.meshes.map((m) => m.name)).toEqual(['prod', 'staging']);
    expect(mesh(plan, 'prod').inputs).toEqual([{ kind: 'files', paths: ['clusters/prod/ledger-db.yaml', 'clusters/prod/payments-db.yaml'] }]);
    expect(mesh(plan, 'staging').inputs).toEqual([{ kind: 'files', paths: ['clusters/staging/payments-db.yaml'] }]);
    expect(plan.summary).toMatch(/^Inferred 2 meshes .*prod \(folder clusters\/prod\/\); staging \(folder clusters\/staging\/\)/);
    expect(plan.diagnostics).toEqual([]);
  });

  test('environments/, envs/ and overlays/ name meshes too; a file named like a cluster does not', () => {
    const plan = infer([
      { path: 'environments/eu/a.yaml', text: se('a') },
      { path: 'deploy/envs/us/b.yaml', text: se('b') },
      { path: 'clusters/prod.yaml', text: se('c') },
    ]);
    expect(plan.meshes.map((m) => m.name).sort()).toEqual(['default', 'eu', 'us']);
    expect(mesh(plan, 'default').inputs).toEqual([{ kind: 'files', paths: ['clusters/prod.yaml'] }]);
  });

  test('team folders of one cluster with no evidence stay one mesh (origin single)', () => {
    const plan = infer(repositoryFiles('team-folders'));
    expect(plan.origin).toBe('single');
    expect(plan.meshes).toHaveLength(1);
    expect(plan.meshes[0]!.inputs).toEqual([{ kind: 'files', paths: ['teams/billing/db.yaml', 'teams/checkout/psp.yaml'] }]);
    expect(plan.summary).toMatch(/^One mesh .*nothing in the repository divides it/);
  });
});

describe('Kustomize roots', () => {
  test('overlays are roots and meshes; the base is built only inside them, never read on its own', () => {
    const plan = infer(repositoryFiles('kustomize-overlays'));
    expect(plan.meshes.map((m) => [m.name, m.inputs])).toEqual([
      ['prod', [{ kind: 'kustomize', root: 'overlays/prod' }]],
      ['staging', [{ kind: 'kustomize', root: 'overlays/staging' }]],
    ]);
    expect(JSON.stringify(plan.meshes)).not.toMatch(/base\/payments-db/);
  });

  test('a component no root uses, and a file a root lists, are not plain manifests', () => {
    const plan = infer([
      { path: 'app/kustomization.yaml', text: 'resources:\n  - se.yaml\n' },
      { path: 'app/se.yaml', text: se('listed') },
      { path: 'components/egress/kustomization.yaml', text: 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources:\n  - se.yaml\n' },
      { path: 'components/egress/se.yaml', text: se('component') },
    ]);
    expect(plan.meshes.flatMap((m) => m.inputs)).toEqual([{ kind: 'kustomize', root: 'app' }]);
    // …but its entry does not vanish silently: the unused component is named once.
    expect(plan.diagnostics.map((d) => [d.code, d.severity, d.location.path])).toEqual([['kustomize-unused', 'info', 'components/egress/kustomization.yaml']]);
    expect(plan.diagnostics[0]!.message).toContain('Kustomize component components/egress is built by no Kustomize root');
  });

  test('two roots outside any convention that build the same base are split, and the ambiguity is said once with config lines', () => {
    const plan = infer([
      { path: 'base/kustomization.yaml', text: 'resources: [se.yaml]\n' },
      { path: 'base/se.yaml', text: se('shared') },
      { path: 'eu-west/kustomization.yaml', text: 'resources: [../base]\n' },
      { path: 'us-east/kustomization.yaml', text: 'resources: [../base]\n' },
    ]);
    expect(plan.meshes.map((m) => [m.name, m.inputs])).toEqual([
      ['eu-west', [{ kind: 'kustomize', root: 'eu-west' }]],
      ['us-east', [{ kind: 'kustomize', root: 'us-east' }]],
    ]);
    expect(plan.diagnostics).toHaveLength(1);
    const note = plan.diagnostics[0]!;
    expect([note.code, note.severity]).toEqual(['meshes-ambiguous', 'info']);
    expect(note.message).toContain('ServiceEntry default/shared');
    expect(note.message).toContain('.serviceentry-guard.yaml');
    expect(note.message).toContain('  - name: eu-west\n    kustomize: ["eu-west"]');
  });
});

describe('Argo CD and Flux objects', () => {
  test('Applications: one mesh per destination cluster, the destination namespace for objects that set none', () => {
    const plan = infer(repositoryFiles('argocd-apps'));
    expect(plan.meshes.map((m) => m.name)).toEqual(['prod-cluster', 'staging-cluster']);
    expect(mesh(plan, 'prod-cluster').inputs).toEqual([
      { kind: 'files', paths: ['manifests/ledger/ledger-db.yaml'], defaultNamespace: 'ledger' },
      { kind: 'files', paths: ['manifests/payments/payments-db.yaml'], defaultNamespace: 'payments' },
    ]);
    expect(mesh(plan, 'staging-cluster').inputs).toEqual([{ kind: 'files', paths: ['manifests/payments/payments-db.yaml'], defaultNamespace: 'payments' }]);
    expect(mesh(plan, 'prod-cluster').why).toContain('Argo CD Application apps/ledger-prod.yaml (ledger-prod)');
  });

  test('an ApplicationSet list generator gives one app per element; a Helm source with valueFiles becomes a chart input', () => {
    const appset = `apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n  name: egress\nspec:\n  generators:\n    - list:\n        elements:\n          - cluster: eu\n          - cluster: us\n  template:\n    metadata:\n      name: 'egress-{{cluster}}'\n    spec:\n      source:\n        path: charts/egress\n        helm:\n          valueFiles: ['values-{{cluster}}.yaml']\n      destination:\n        name: '{{cluster}}'\n        namespace: egress\n`;
    const plan = infer([
      { path: 'appsets/egress.yaml', text: appset },
      { path: 'charts/egress/Chart.yaml', text: 'apiVersion: v2\nname: egress\nversion: 1.0.0\n' },
      { path: 'charts/egress/templates/se.yaml', text: se('{{ .Values.name }}') },
    ]);
    expect(plan.meshes.map((m) => [m.name, m.inputs])).toEqual([
      ['eu', [{ kind: 'helm', chart: 'charts/egress', valueFiles: ['charts/egress/values-eu.yaml'], releaseName: 'egress', namespace: 'egress' }]],
      ['us', [{ kind: 'helm', chart: 'charts/egress', valueFiles: ['charts/egress/values-us.yaml'], releaseName: 'egress', namespace: 'egress' }]],
    ]);
  });

  test('Flux Kustomizations: the cluster folder they live in names the mesh; targetNamespace travels with the files', () => {
    const plan = infer(repositoryFiles('flux-kustomizations'));
    expect(plan.meshes.map((m) => [m.name, m.inputs])).toEqual([
      ['prod', [{ kind: 'files', paths: ['apps/prod/ledger-db.yaml', 'apps/prod/payments-db.yaml'], targetNamespace: 'team-a' }]],
      ['staging', [{ kind: 'files', paths: ['apps/staging/payments-db.yaml'], targetNamespace: 'team-a' }]],
    ]);
    expect(mesh(plan, 'prod').why).toMatch(/Flux Kustomization clusters\/prod\/apps.yaml/);
  });
});

describe('copies of one object', () => {
  test('the same ServiceEntry in two folders splits them; what lies beside them is shared by both sides', () => {
    const plan = infer([
      { path: 'samples/a/db.yaml', text: se('db') },
      { path: 'samples/b/db.yaml', text: se('db') },
      { path: 'samples/common.yaml', text: se('common') },
    ]);
    expect(plan.meshes.map((m) => [m.name, m.inputs.flatMap((i) => (i.kind === 'files' ? i.paths : []))])).toEqual([
      ['a', ['samples/a/db.yaml', 'samples/common.yaml']],
      ['b', ['samples/b/db.yaml', 'samples/common.yaml']],
    ]);
    expect(plan.diagnostics.map((d) => d.code)).toEqual(['meshes-ambiguous']);
  });

  test('no mesh ever holds two copies of one object, and entries in no copy stay together', () => {
    const plan = infer([
      { path: 'x/one/db.yaml', text: se('db') },
      { path: 'x/two/db.yaml', text: se('db') },
      { path: 'y/other.yaml', text: se('other') },
      { path: 'y/more.yaml', text: se('more') },
    ]);
    for (const m of plan.meshes) {
      const paths = m.inputs.flatMap((i) => (i.kind === 'files' ? i.paths : []));
      expect(paths.filter((p) => p.endsWith('db.yaml')).length).toBeLessThanOrEqual(1);
    }
    expect(plan.meshes.find((m) => m.name === 'default')!.inputs).toEqual([{ kind: 'files', paths: ['y/more.yaml', 'y/other.yaml'] }]);
  });

  test('the same name in two namespaces is not a copy', () => {
    const plan = infer([
      { path: 'a/db.yaml', text: se('db', 5432, 'one') },
      { path: 'b/db.yaml', text: se('db', 5432, 'two') },
    ]);
    expect(plan.origin).toBe('single');
    expect(plan.diagnostics).toEqual([]);
  });
});

describe('evidence inferred per mesh', () => {
  const aeraki = (name: string, portName: string) =>
    `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: ${name}\nspec:\n  hosts: [${name}.rpc]\n  ports: [{number: 20880, name: ${portName}, protocol: TCP}]\n`;

  test('a mesh whose entries use Aeraki port names is Aeraki-managed; a mesh without them in the same repository is not', () => {
    const plan = infer([
      { path: 'clusters/rpc/dubbo.yaml', text: aeraki('demo', 'tcp-dubbo') },
      { path: 'clusters/plain/db.yaml', text: aeraki('db', 'tcp') },
    ]);
    expect(mesh(plan, 'rpc').settings.mesh).toMatchObject({ controllerManagedAddresses: true, controllerManagedAddressesReason: 'Aeraki port name tcp-dubbo at clusters/rpc/dubbo.yaml:7' });
    expect(mesh(plan, 'rpc').why).toContain('Aeraki-managed');
    expect(mesh(plan, 'plain').settings.mesh.controllerManagedAddresses).toBeUndefined();
    expect(plan.summary).toContain('treated as Aeraki-managed (Aeraki port name tcp-dubbo');
  });

  test('a setting given by flags or the config is never overridden by evidence', () => {
    const plan = inferRepositoryPlan([{ path: 'a.yaml', text: aeraki('demo', 'tcp-dubbo') }], { defaultNamespace: 'default', mesh: { controllerManagedAddresses: false } });
    expect(plan.meshes[0]!.settings.mesh.controllerManagedAddresses).toBe(false);
    expect(plan.summary).not.toContain('Aeraki');
  });

  test('sibling folders named like clusters are one mesh each; one such folder beside team folders is not', () => {
    const split = infer([{ path: 'multi/cluster1/a.yaml', text: se('a') }, { path: 'multi/cluster2/b.yaml', text: se('b') }, { path: 'multi/readme.yaml', text: se('c') }]);
    expect(split.meshes.map((m) => m.name)).toEqual(['default', 'multi-cluster1', 'multi-cluster2']);
    const one = infer([{ path: 'teams/east/a.yaml', text: se('a') }, { path: 'teams/billing/b.yaml', text: se('b') }]);
    expect(one.origin).toBe('single');
    // A cluster-like name needs a cluster-like sibling that holds entries too: an empty west/ says nothing.
    const empty = infer([{ path: 'east/a.yaml', text: se('a') }, { path: 'east/b.yaml', text: se('b') }, { path: 'west/notes.yaml', text: 'kind: ConfigMap\n' }]);
    expect(empty.origin).toBe('single');
  });

  test('primary/ and secondary/ are the two sides of one database as often as two clusters: they stay one mesh', () => {
    const plan = infer([{ path: 'databases/primary/a.yaml', text: se('a') }, { path: 'databases/secondary/b.yaml', text: se('b') }]);
    expect(plan.origin).toBe('single');
    expect(plan.meshes).toHaveLength(1);
  });
});
