import { analyzeMeshes, type MaterializedMesh } from '../../../src/core/analysis/analyze-meshes.js';
import type { MeshPlan } from '../../../src/core/repository/mesh-plan.js';
import type { SourceFile } from '../../../src/core/model.js';
import { analyzeCase, caseFiles } from '../../helpers/fixtures.js';
import { fileMesh, tcpEntry } from '../../helpers/meshes.js';

const entry = tcpEntry;
const mesh = fileMesh;

describe('analysing a repository mesh by mesh', () => {
  test('entries of different meshes never collide; a collision inside one mesh is found and names it', () => {
    const prod = [{ path: 'prod/github.yaml', text: entry('github', 'github.com') }, { path: 'prod/gitlab.yaml', text: entry('gitlab', 'gitlab.com') }];
    const staging = [{ path: 'staging/github.yaml', text: entry('github', 'api.github.com') }];
    const result = analyzeMeshes([mesh('prod', prod), mesh('staging', staging)]);
    // Each TCP chain on 0.0.0.0_443 also captures the port (tcp-captures-port): prod's for its two colliding
    // entries, staging's for its lone entry, each in its own mesh.
    expect(result.findings.map((f) => [f.mesh, f.rule, f.listener, f.entries.map((e) => e.location.path).sort()])).toEqual([
      ['prod', 'tcp-shadowed', '0.0.0.0_443', ['prod/github.yaml', 'prod/gitlab.yaml']],
      ['prod', 'tcp-captures-port', '0.0.0.0_443', ['prod/github.yaml', 'prod/gitlab.yaml']],
      ['staging', 'tcp-captures-port', '0.0.0.0_443', ['staging/github.yaml']],
    ]);
    expect(result.meshes.map(({ name, why, entryCount }) => ({ name, why, entryCount }))).toEqual([{ name: 'prod', why: 'test mesh prod', entryCount: 2 }, { name: 'staging', why: 'test mesh staging', entryCount: 1 }]);
    expect(result.entryCount).toBe(3);
    // The same entries as one mesh do collide across the folders, with a duplicate-name warning: what the split removes.
    const merged = analyzeMeshes([mesh('default', [...prod, ...staging])]);
    expect(merged.findings.map((f) => [f.rule, f.entries.length])).toEqual([['tcp-shadowed', 3], ['tcp-captures-port', 3]]);
  });

  test('a file in several meshes is analysed in each, its finding once per mesh with distinct ids', () => {
    const shared = [{ path: 'base/a.yaml', text: entry('a', 'a.example.com') }, { path: 'base/b.yaml', text: entry('b', 'b.example.com') }];
    const result = analyzeMeshes([mesh('prod', shared), mesh('staging', shared)]);
    expect(result.findings.filter((f) => f.rule === 'tcp-shadowed').map((f) => f.mesh).sort()).toEqual(['prod', 'staging']);
    expect(result.findings.map((f) => f.mesh).sort()).toEqual(['prod', 'prod', 'staging', 'staging']);
    expect(new Set(result.findings.map((f) => f.id)).size).toBe(4);
  });

  test('each mesh is analysed with its own settings', () => {
    const files = caseFiles('seed-huaweicloud-github');
    const result = analyzeMeshes([mesh('plain', files), mesh('allocating', files, { defaultNamespace: 'default', mesh: { autoAllocate: true } })]);
    // Auto-allocated VIPs take both the collision and the port capture away, in that mesh only.
    expect(result.findings.map((f) => [f.mesh, f.rule]).sort()).toEqual([['plain', 'tcp-captures-port'], ['plain', 'tcp-shadowed']]);
  });

  test('the default mesh gives exactly the findings and ids of a plain analysis', () => {
    const plain = analyzeCase('seed-huaweicloud-github');
    const result = analyzeMeshes([mesh('default', caseFiles('seed-huaweicloud-github'))]);
    expect(result.findings).toEqual(plain.findings);
    expect(result.findings[0]!.mesh).toBe('default');
  });

  test('a problem in a shared file is reported once, and rendering diagnostics are kept', () => {
    const broken = { path: 'base/broken.yaml', text: 'kind: ServiceEntry\nmetadata: [\n' };
    const notRendered = { severity: 'warning' as const, code: 'not-rendered', message: 'not rendered: overlays/prod', location: { path: 'overlays/prod', line: 1, column: 1 } };
    const result = analyzeMeshes([{ ...mesh('prod', [broken]), diagnostics: [notRendered] }, mesh('staging', [broken])]);
    expect(result.diagnostics.filter((d) => d.location.path === 'base/broken.yaml')).toHaveLength(1);
    expect(result.diagnostics).toContainEqual(notRendered);
  });
});
