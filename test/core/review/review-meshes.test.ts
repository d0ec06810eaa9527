import type { MaterializedMesh } from '../../../src/core/analysis/analyze-meshes.js';
import { reviewChange } from '../../../src/core/review/review-change.js';
import { reviewMeshes } from '../../../src/core/review/review-meshes.js';
import type { SourceFile } from '../../../src/core/model.js';
import { reviewFixture } from '../../helpers/fixtures.js';
import { fileMesh, tcpEntry } from '../../helpers/meshes.js';
import { applyChanges } from '../../../src/core/review/apply-changes.js';

const entry = (name: string, host: string, port = 443) => tcpEntry(name, host, port);
const mesh = (name: string, files: SourceFile[], autoAllocate = false) => fileMesh(name, files, { defaultNamespace: 'default', mesh: { autoAllocate } }, name);

const github = { path: 'prod/github.yaml', text: entry('github', 'github.com') };
const gitlab = { path: 'prod/gitlab.yaml', text: entry('gitlab', 'gitlab.com') };
const stagingGithub = { path: 'staging/github.yaml', text: entry('github', 'api.github.com') };
const stagingGitlab = { path: 'staging/gitlab.yaml', text: entry('gitlab', 'gitlab.com') };

describe('reviewing a pull request mesh by mesh', () => {
  test('findings are introduced, resolved or existing within their mesh, matched by name across the sides', () => {
    const report = reviewMeshes({
      base: [mesh('prod', [github, gitlab]), mesh('staging', [stagingGithub])],
      head: [mesh('prod', [github]), mesh('staging', [stagingGithub, stagingGitlab])],
      changes: [{ path: 'prod/gitlab.yaml', status: 'removed' }, { path: 'staging/gitlab.yaml', status: 'added', headText: stagingGitlab.text }],
    });
    expect(report.introduced.map((c) => [c.finding.mesh, c.finding.rule, c.newEntryRefs])).toEqual([['staging', 'tcp-shadowed', ['egress/gitlab']]]);
    expect(report.resolved.map((c) => [c.finding.mesh, c.finding.rule])).toEqual([['prod', 'tcp-shadowed']]);
    // In each mesh an entry already held the 0.0.0.0_443 chain before the change (tcp-captures-port); removing
    // prod's gitlab or adding staging's (newer, so it does not take the chain) brings it no new holder: existing.
    expect(report.existing.map((c) => [c.finding.mesh, c.finding.rule, c.newEntryRefs])).toEqual([
      ['prod', 'tcp-captures-port', []], ['staging', 'tcp-captures-port', []],
    ]);
    expect(report.meshes).toMatchObject([{ name: 'prod', why: 'prod', entryCount: 1 }, { name: 'staging', why: 'staging', entryCount: 2 }]);
    expect([report.baseEntryCount, report.headEntryCount]).toEqual([3, 3]);
  });

  test('an entry that exists in another mesh is still new in this one', () => {
    const report = reviewMeshes({
      base: [mesh('prod', [github, gitlab]), mesh('staging', [stagingGithub])],
      head: [mesh('prod', [github, gitlab]), mesh('staging', [stagingGithub, stagingGitlab])],
      changes: [{ path: 'staging/gitlab.yaml', status: 'added', headText: stagingGitlab.text }],
    });
    expect(report.introduced.map((c) => [c.finding.mesh, c.finding.rule])).toEqual([['staging', 'tcp-shadowed']]);
    expect(report.existing.map((c) => [c.finding.mesh, c.finding.rule])).toEqual([
      ['prod', 'tcp-shadowed'], ['prod', 'tcp-captures-port'], ['staging', 'tcp-captures-port'],
    ]);
  });

  test('a mesh the change removes resolves its findings; one it adds introduces them', () => {
    const report = reviewMeshes({ base: [mesh('old', [github, gitlab])], head: [mesh('new', [github, gitlab])], changes: [] });
    expect(report.resolved.map((c) => [c.finding.mesh, c.finding.rule])).toEqual([['old', 'tcp-shadowed'], ['old', 'tcp-captures-port']]);
    expect(report.introduced.map((c) => [c.finding.mesh, c.finding.rule])).toEqual([['new', 'tcp-shadowed'], ['new', 'tcp-captures-port']]);
    expect(report.meshes!.map((m) => m.name)).toEqual(['new']);
  });

  test('each side is analysed with its own settings: turning on auto-allocation for a mesh resolves its collision', () => {
    const report = reviewMeshes({ base: [mesh('prod', [github, gitlab])], head: [mesh('prod', [github, gitlab], true)], changes: [] });
    // VIPs take both the collision and the port capture away.
    expect(report.resolved.map((c) => [c.finding.mesh, c.finding.rule])).toEqual([['prod', 'tcp-shadowed'], ['prod', 'tcp-captures-port']]);
    expect(report.introduced).toEqual([]);
  });

  test('one default mesh gives exactly what reviewChange gives, suggestions included', () => {
    const fixture = reviewFixture('pr-adds-second-tcp-443-entry');
    const validate = () => [];
    const plain = reviewChange({ ...fixture, defaultNamespace: 'default', fixes: { validate } });
    const byMesh = reviewMeshes({
      base: [mesh('default', fixture.baseFiles)],
      head: [mesh('default', applyChanges(fixture.baseFiles, fixture.changes))],
      changes: fixture.changes,
      fixes: { validate },
    });
    const { meshes, ...rest } = byMesh;
    expect(rest).toEqual(plain);
    expect(meshes).toMatchObject([{ name: 'default', why: 'default', entryCount: 2 }]);
  });
});

describe('a review reads each side\'s mesh settings from its manifests', () => {
  // PILOT_IP_AUTOALLOCATE_IPV4_PREFIX (Istio 1.28+, pilot/pkg/features): the suggested VIP must stay outside it.
  test('the VIP suggested for a lone TCP entry stays outside the allocation prefix the repository\'s IstioOperator sets', () => {
    const { baseFiles, changes } = reviewFixture('pr-adds-lone-tcp-443-entry-mesh-prefix');
    const report = reviewMeshes({
      base: [mesh('default', baseFiles)],
      head: [mesh('default', applyChanges(baseFiles, changes))],
      changes,
      fixes: { validate: () => [] },
    });
    const finding = report.introduced.map((c) => c.finding).find((f) => f.rule === 'tcp-captures-port')!;
    const vip = report.suggestions[finding.id]!.find((s) => s.kind === 'addresses')!;
    // 240.241.0.0/17 is the mesh's allocator's: what is left of the default pool is its upper half.
    expect(vip.changes.flatMap((c) => c.replacementLines).join('\n')).toMatch(/- "240\.241\.(12[89]|1[3-9]\d|2\d\d)\.\d+"/);
    expect(report.meshes![0]!.settings).toContainEqual({ setting: 'autoAllocatePrefix', value: '240.241.0.0/17', source: 'deploy/istio-operator.yaml' });
  });
});

