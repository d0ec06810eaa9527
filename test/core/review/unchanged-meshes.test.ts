import type { SourceFile } from '../../../src/core/model.js';
import type { MeshInput, MeshPlan, RepositoryPlan } from '../../../src/core/repository/mesh-plan.js';
import { reviewMeshes } from '../../../src/core/review/review-meshes.js';
import { unchangedMeshes } from '../../../src/core/review/unchanged-meshes.js';
import { fileMesh, tcpEntry } from '../../helpers/meshes.js';

const settings = { defaultNamespace: 'default', mesh: {} };
const meshPlan = (name: string, inputs: MeshInput[], namespace = 'default'): MeshPlan => ({ name, inputs, settings: { ...settings, defaultNamespace: namespace }, why: 'test' });
const repository = (...meshes: MeshPlan[]): RepositoryPlan => ({ meshes, origin: 'config', summary: '', diagnostics: [] });

const files: SourceFile[] = [
  { path: 'prod/a.yaml', text: tcpEntry('a', 'a.example.com') },
  { path: 'staging/a.yaml', text: tcpEntry('a', 'a.example.com') },
  { path: 'charts/egress/Chart.yaml', text: 'name: egress\n' },
  { path: 'values/prod.yaml', text: 'x: 1\n' },
];
const prod = meshPlan('prod', [{ kind: 'files', paths: ['prod/a.yaml'] }]);
const staging = meshPlan('staging', [{ kind: 'files', paths: ['staging/a.yaml'] }]);
const chart = meshPlan('egress', [{ kind: 'helm', chart: 'charts/egress', valueFiles: ['values/prod.yaml'], releaseName: 'egress', namespace: 'egress' }]);
const side = (plan: RepositoryPlan) => ({ plan, files });

describe('which meshes a change does not reach', () => {
  test('a mesh none of whose files changed is unchanged; the one holding the changed file is not', () => {
    const changes = [{ path: 'prod/a.yaml', status: 'modified' as const, headText: tcpEntry('a', 'b.example.com') }];
    expect(unchangedMeshes(side(repository(prod, staging, chart)), side(repository(prod, staging, chart)), changes)).toEqual(new Set(['staging', 'egress']));
  });

  test('a values file or a file under the chart folder reaches the chart\'s mesh', () => {
    for (const path of ['values/prod.yaml', 'charts/egress/templates/new.yaml']) {
      const changes = [{ path, status: 'added' as const, headText: 'x: 2\n' }];
      expect(unchangedMeshes(side(repository(prod, chart)), side(repository(prod, chart)), changes)).toEqual(new Set(['prod']));
    }
  });

  test('a file renamed out of a mesh reaches it through its old path', () => {
    const changes = [{ path: 'elsewhere/a.yaml', previousPath: 'prod/a.yaml', status: 'renamed' as const, headText: files[0]!.text }];
    expect(unchangedMeshes(side(repository(prod, staging)), side(repository(prod, staging)), changes)).toEqual(new Set(['staging']));
  });

  test('a mesh whose plan differs (its settings changed by the config file) is reviewed on both sides, even with no manifest changed', () => {
    const changes = [{ path: '.serviceentry-guard.yaml', status: 'modified' as const, headText: '' }];
    expect(unchangedMeshes(side(repository(prod, staging)), side(repository(meshPlan('prod', prod.inputs, 'payments'), staging)), changes)).toEqual(new Set(['staging']));
  });
});

describe('reviewing an unchanged mesh once', () => {
  test('gives what reviewing both sides gives: every finding existing, the same counts', () => {
    const meshFiles = [{ path: 'prod/a.yaml', text: tcpEntry('a', 'a.example.com') }, { path: 'prod/b.yaml', text: tcpEntry('b', 'b.example.com') }];
    const both = reviewMeshes({ base: [fileMesh('prod', meshFiles)], head: [fileMesh('prod', meshFiles)], changes: [] });
    const once = reviewMeshes({ base: [], head: [fileMesh('prod', meshFiles)], changes: [], unchanged: new Set(['prod']) });
    expect(once.existing.length).toBeGreaterThan(0);
    expect(once).toEqual(both);
  });
});
