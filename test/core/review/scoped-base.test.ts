import fc from 'fast-check';
import { sharedLoader, withGroups } from '../../../src/core/analysis/analyze-meshes.js';
import type { MeshOptions, SourceFile } from '../../../src/core/model.js';
import type { MeshSourceGroup } from '../../../src/core/repository/load-mesh.js';
import type { MeshSettings } from '../../../src/core/repository/mesh-plan.js';
import { changeScope } from '../../../src/core/review/change-scope.js';
import { scopedBaseAnalysis } from '../../../src/core/review/scoped-base.js';
import { analyze } from '../../../src/core/analysis/analyze.js';
import { reviewSides, type ChangedFile, type ReviewReport } from '../../../src/core/review/review-change.js';
import { applyChanges } from '../../../src/core/review/apply-changes.js';
import { reviewFixture } from '../../helpers/fixtures.js';
import { entryYaml, pooledEntryArb, pooledSidecarArb, sidecarYaml, toFile, type EntrySpec } from '../../helpers/service-entry-arbitraries.js';

/**
 * Small pools, so random entries share ports, hostnames, namespaces and
 * creation seconds: the inputs whose reach across ports the scope must follow.
 */
const entry = pooledEntryArb({
  names: ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8'],
  namespace: fc.constantFrom('a', 'b', 'c'),
  hosts: fc.array(fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom('x.com', 'y.com', 'db.example.com', '*.example.com') },
    { weight: 3, arbitrary: fc.constantFrom(...'abcdefghijklmnop'.split('').map((c) => `${c}.net`)) },
  ), { minLength: 1, maxLength: 2 }),
  addresses: fc.option(fc.constantFrom([], ['10.0.0.1'], ['10.0.0.0/24']), { nil: undefined }),
  ports: fc.array(fc.record({
    number: fc.oneof({ weight: 1, arbitrary: fc.constantFrom(443, 3306) }, { weight: 2, arbitrary: fc.constantFrom(80, 8443, 5432, 6379, 9092, 27017, 9200, 11211, 5672, 1521) }),
    protocol: fc.constantFrom('TCP', 'TLS', 'HTTP', 'UDP', undefined),
    name: fc.constant(undefined),
  }), { minLength: 1, maxLength: 2 }),
  exportTo: fc.option(fc.constantFrom(['*'], ['.'], ['a'], ['~'], ['b', 'c']), { nil: undefined }),
});
const sidecar = pooledSidecarArb(['./*', '*/*', 'a/*', 'b/x.com', '*/*.example.com', '~/*'], fc.boolean());
const documents = fc.array(entry, { minLength: 1, maxLength: 4 });
/** What a pull request writes: usually one or two manifests. */
const fewDocuments = fc.array(entry, { minLength: 1, maxLength: 2 });
const meshOptions: fc.Arbitrary<Partial<MeshOptions>> = fc.constantFrom<Partial<MeshOptions>>(
  {},
  { istioVersion: '1.22' },
  { istioVersion: '1.31' },
  { autoAllocate: true, dnsCapture: true },
  { defaultExportTo: ['.'] },
  { dnsCapture: false, dnsCaptureByNamespace: { a: true } },
);

/** What a pull request does to one base file. */
type Edit =
  | { kind: 'keep' }
  | { kind: 'remove' }
  | { kind: 'replace'; docs: EntrySpec[] }
  | { kind: 'append'; docs: EntrySpec[] }
  | { kind: 'prepend'; docs: EntrySpec[] }
  /** One entry rewritten in place: same name and namespace, anything else may differ. */
  | { kind: 'modify'; index: number; spec: EntrySpec }
  | { kind: 'drop-first' }
  | { kind: 'rename' };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 40, arbitrary: fc.constant<Edit>({ kind: 'keep' }) },
  fc.constant<Edit>({ kind: 'remove' }),
  fewDocuments.map((docs): Edit => ({ kind: 'replace', docs })),
  fewDocuments.map((docs): Edit => ({ kind: 'append', docs })),
  fewDocuments.map((docs): Edit => ({ kind: 'prepend', docs })),
  fc.constant<Edit>({ kind: 'drop-first' }),
  { weight: 2, arbitrary: fc.tuple(fc.nat(), entry).map(([index, spec]): Edit => ({ kind: 'modify', index, spec })) },
  fc.constant<Edit>({ kind: 'rename' }),
);

/** Undefined five times in six: most pull requests leave Sidecars and settings alone. */
const rarely = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

const scenario = fc.record({
  base: fc.array(fc.tuple(documents, edit), { minLength: 3, maxLength: 10 }),
  added: fc.array(fewDocuments, { maxLength: 1 }),
  sidecars: fc.array(sidecar, { maxLength: 2 }),
  /** A Sidecar the change adds (as its own file). */
  addedSidecar: rarely(sidecar),
  baseMesh: meshOptions,
  /** Whether the change also changes the mesh settings (a config file, a Namespace label). */
  headMesh: rarely(meshOptions),
  /** A rendered group (Kustomize-like output, parsed anew on each side) and what the change does to it. */
  group: fc.option(fc.tuple(documents, edit), { nil: undefined }),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

interface Sides {
  baseFiles: SourceFile[];
  headFiles: SourceFile[];
  baseGroups: MeshSourceGroup[];
  headGroups: MeshSourceGroup[];
  changes: ChangedFile[];
  base: MeshSettings;
  head: MeshSettings;
}

function sides(s: Scenario): Sides {
  const baseFiles: SourceFile[] = [];
  const headFiles: SourceFile[] = [];
  const changes: ChangedFile[] = [];
  const apply = (path: string, docs: EntrySpec[], e: Edit, into: SourceFile[], note: boolean) => {
    const before = toFile(path, docs.map(entryYaml));
    const head = (after: EntrySpec[], to = path): void => {
      const file = toFile(to, after.map(entryYaml));
      into.push(file);
      if (note && (to !== path || file.text !== before.text)) changes.push({ path: to, status: to !== path ? 'renamed' : 'modified', headText: file.text, ...(to !== path ? { previousPath: path } : {}) });
    };
    switch (e.kind) {
      case 'keep': into.push(before); break;
      case 'remove': if (note) changes.push({ path, status: 'removed' }); break;
      case 'replace': head(e.docs); break;
      case 'append': head([...docs, ...e.docs]); break;
      case 'prepend': head([...e.docs, ...docs]); break;
      case 'drop-first': head(docs.slice(1)); break;
      case 'rename': head(docs, `moved/${path}`); break;
      case 'modify': head(docs.map((d, i) => (i === e.index % docs.length ? { ...e.spec, name: d.name, namespace: d.namespace } : d))); break;
    }
    return before;
  };
  s.base.forEach(([docs, e], i) => baseFiles.push(apply(`f${i}.yaml`, docs, e, headFiles, true)));
  if (s.sidecars.length > 0) {
    const file = toFile('sidecars.yaml', s.sidecars.map(sidecarYaml));
    baseFiles.push(file);
    headFiles.push(file);
  }
  s.added.forEach((docs, i) => {
    const file = toFile(`new${i}.yaml`, docs.map(entryYaml));
    headFiles.push(file);
    changes.push({ path: file.path, status: 'added', headText: file.text });
  });
  if (s.addedSidecar) {
    const file = toFile('sidecar.yaml', [sidecarYaml(s.addedSidecar)]);
    headFiles.push(file);
    changes.push({ path: file.path, status: 'added', headText: file.text });
  }
  const baseGroups: MeshSourceGroup[] = [];
  const headGroups: MeshSourceGroup[] = [];
  if (s.group) {
    const headGroupFiles: SourceFile[] = [];
    const before = apply('rendered.yaml', s.group[0], s.group[1], headGroupFiles, false);
    baseGroups.push({ files: [before], defaultNamespace: 'c' });
    headGroups.push({ files: headGroupFiles, defaultNamespace: 'c' });
  }
  const base = { defaultNamespace: 'default', mesh: s.baseMesh };
  return { baseFiles, headFiles, baseGroups, headGroups, changes, base, head: s.headMesh ? { defaultNamespace: 'default', mesh: s.headMesh } : base };
}

const review = (input: Sides, fullBase: boolean): ReviewReport =>
  reviewSides({ ...input, meshName: 'prod', fixes: { validate: () => [] }, load: sharedLoader(undefined), fullBase });

/** Whether the review took the scoped path, with a scope smaller than the base (a resolved finding may still send it to the full base). */
function scoped(input: Sides): boolean {
  const load = sharedLoader(undefined);
  const base = withGroups(load(input.baseFiles, 'default'), input.baseGroups);
  const head = withGroups(load(input.headFiles, 'default'), input.headGroups);
  const scope = changeScope(base, head, input);
  return scope !== undefined && scope.baseSubset.length < base.entries.length;
}

describe('a review analyses the base only where the change reaches', () => {
  test('random pull requests get the same review, byte for byte, as with the base analysed in full', () => {
    let scopedRuns = 0;
    let runs = 0;
    fc.assert(fc.property(scenario, (s) => {
      const input = sides(s);
      const full = review(input, true);
      expect(JSON.stringify(review(input, false), null, 1)).toBe(JSON.stringify(full, null, 1));
      runs++;
      if (scoped(input)) scopedRuns++;
    }), { numRuns: 300 });
    // The property says something only if the scoped path is taken often. Over seeds 1–10 it was taken in 96–134 of
    // 300 runs (mean 115, s.d. about 8); a bound at a third failed CI once at exactly 100. A fifth (60) sits six
    // standard deviations below the mean, so it fails only when the generator stops reaching the scoped path.
    expect(scopedRuns).toBeGreaterThan(runs / 5);
  });
});

/** A review fixture's two sides, each analysed with its own settings (the same by default). */
function fixtureSides(name: string, settings: { base?: Partial<MeshOptions>; head?: Partial<MeshOptions> } = {}): Sides {
  const { baseFiles, changes } = reviewFixture(name);
  return {
    baseFiles,
    headFiles: applyChanges(baseFiles, changes),
    baseGroups: [],
    headGroups: [],
    changes,
    base: { defaultNamespace: 'default', mesh: settings.base ?? {} },
    head: { defaultNamespace: 'default', mesh: settings.head ?? settings.base ?? {} },
  };
}

/** The review with the base scoped, after checking it is the full review, byte for byte. */
function reviewedBothWays(input: Sides): ReviewReport {
  const report = review(input, false);
  expect(JSON.stringify(report, null, 1)).toBe(JSON.stringify(review(input, true), null, 1));
  return report;
}

function scopeOf(input: Sides) {
  const load = sharedLoader(undefined);
  return changeScope(load(input.baseFiles, 'default'), load(input.headFiles, 'default'), input);
}

const summary = (list: ReviewReport['introduced']) => list.map((c) => `${c.finding.rule}@${c.finding.port}:${c.finding.entries.map((e) => e.ref).sort().join(',')}`).sort();

describe('what the scoped base must follow', () => {
  test('the base is analysed for comparison only: no text on the scope\'s ports, the head\'s own findings elsewhere', () => {
    // Its findings are compared by id, members and severity; their text was about half of analysing a one-port 100k base.
    const input = fixtureSides('pr-adds-host-copy-on-another-port');
    const load = sharedLoader(undefined);
    const baseLoaded = load(input.baseFiles, 'default');
    const head = analyze(load(input.headFiles, 'default'), {});
    const scope = scopeOf(input)!;
    const base = scopedBaseAnalysis(baseLoaded, head, scope, { mesh: {} });
    const onScope = base.findings.filter((f) => scope.ports.has(f.port));
    const elsewhere = base.findings.filter((f) => !scope.ports.has(f.port));
    expect(onScope.length).toBeGreaterThan(0);
    expect(onScope.every((f) => f.title === '' && f.explanation === '' && f.fixes.length === 0 && f.membersFingerprint === '')).toBe(true);
    expect(elsewhere.length).toBeGreaterThan(0);
    expect(elsewhere.every((f) => f.title !== '' && head.findings.includes(f))).toBe(true);
  });

  test('every base entry on a changed port: the scope still holds the other ports their hostnames reach', () => {
    // Found by the property above (seed 579293861) once a scope of the whole base was analysed scoped too: the
    // scope named only the changed entries' ports, so the capture on 11211 was taken from the head and missed.
    const spec = (namespace: string | undefined, ports: number[]): EntrySpec => ({
      name: 'e1', namespace, hosts: ['a.net'], addresses: undefined, ports: ports.map((number) => ({ number, protocol: 'TCP', name: undefined })),
      resolution: undefined, exportTo: undefined, configScope: undefined, created: undefined, endpoints: undefined, workloadSelector: false, apiVersion: 'v1', flow: false,
    });
    const s: Scenario = {
      base: [
        [[spec(undefined, [80, 11211])], { kind: 'keep' }],
        [[spec(undefined, [443])], { kind: 'prepend', docs: [spec(undefined, [443])] }],
        [[spec('a', [80])], { kind: 'replace', docs: [spec(undefined, [80])] }],
        [[spec(undefined, [80])], { kind: 'keep' }],
      ],
      added: [], sidecars: [], addedSidecar: undefined, baseMesh: { istioVersion: '1.22' }, headMesh: undefined, group: undefined,
    };
    const input = sides(s);
    const report = reviewedBothWays(input);
    expect(summary(report.introduced)).toContain('tcp-captures-port@11211:default/e1');
    expect([...scopeOf(input)!.ports].sort((a, b) => a - b)).toEqual([80, 443, 11211]);
  });

  test('a hostname copied into another namespace on port 443 splits it on port 80, where nothing changed: introduced there', () => {
    const input = fixtureSides('pr-adds-host-copy-on-another-port');
    const report = reviewedBothWays(input);
    expect(summary(report.introduced)).toContain('host-split@80:team-a/partner,team-b/partner');
    expect(summary(report.existing)).toContain('tcp-shadowed@5432:team-c/orders-db,team-d/billing-db');
    // Port 80 is reached only through the hostname; port 5432 is not, and its entries are left out.
    expect([...scopeOf(input)!.ports].sort((a, b) => a - b)).toEqual([80, 443]);
    expect(scopeOf(input)!.baseSubset.map((e) => e.ref)).toEqual(['team-a/partner']);
  });

  test('a new entry on a port of a split hostname: the split, decided by a copy on another port, stays existing', () => {
    const input = fixtureSides('pr-adds-entry-on-port-of-split-host');
    const report = reviewedBothWays(input);
    expect(summary(report.existing)).toContain('host-split@80:team-a/partner,team-b/partner');
    expect(summary(report.introduced)).toContain('tcp-shadowed@80:team-a/partner,team-e/web');
    // team-b's copy declares no port 80, but the split on port 80 needs it.
    expect(scopeOf(input)!.baseSubset.map((e) => e.ref)).toEqual(['team-a/partner', 'team-b/partner']);
  });

  test('an entry rewritten in place (same name, new port) is a changed entry: it joins the collision on its new port', () => {
    const input = fixtureSides('pr-rewrites-entry-onto-another-port');
    const report = reviewedBothWays(input);
    const joined = report.introduced.find((c) => c.finding.rule === 'tcp-shadowed')!;
    expect(joined.finding.port).toBe(5432);
    expect(joined.newEntryRefs).toEqual(['team-a/api']);
    expect([...scopeOf(input)!.ports].sort((a, b) => a - b)).toEqual([80, 5432]);
  });

  test('removing the mesh-wide Sidecar changes no entry, yet introduces a collision: the base is analysed in full', () => {
    const input = fixtureSides('pr-removes-root-sidecar');
    const report = reviewedBothWays(input);
    expect(summary(report.introduced)).toEqual(['tcp-shadowed@5432:team-c/orders-db,team-d/billing-db']);
    expect(scopeOf(input)).toBeUndefined();
  });

  test('mesh settings that change alone (DNS capture and allocation turned off) introduce collisions: the base is analysed in full', () => {
    const input = fixtureSides('mesh-settings-change-only', { base: { autoAllocate: true, dnsCapture: true }, head: {} });
    const report = reviewedBothWays(input);
    expect(summary(report.introduced)).toContain('tcp-shadowed@5432:team-c/orders-db,team-d/billing-db');
    expect(scopeOf(input)).toBeUndefined();
  });

  test('a resolved finding is shown as the full base analysis has it, with its version note', () => {
    const input = fixtureSides('pr-removes-tied-entry-keeps-version-note');
    const report = reviewedBothWays(input);
    const resolved = report.resolved.find((c) => c.finding.rule === 'tcp-shadowed')!;
    expect(resolved.finding.explanation).toMatch(/this verdict depends on the version: in Istio 1\.22 and earlier, aa\/api-net wins instead/);
    expect(summary(report.existing)).toContain('tcp-shadowed@5432:team-c/orders-db,team-d/billing-db');
  });

  test('a resolved finding\'s version note names every rule the release changed for the whole base, not only for the scope', () => {
    // The tie on port 9000 is out of the change's reach, yet it makes Istio 1.22 differ from 1.23 in the note's reasons.
    const input = fixtureSides('pr-resolves-collision-while-a-tie-sits-elsewhere');
    const report = reviewedBothWays(input);
    const resolved = report.resolved.find((c) => c.finding.rule === 'tcp-shadowed')!;
    expect(resolved.finding.explanation).toMatch(/in Istio 1\.22 and earlier, .*same-second creation ties compare the string host\.namespace; a sidecar keeps the first imported copy/);
    expect(scopeOf(input)!.baseSubset.map((e) => e.ref).sort()).toEqual(['egress/other', 'team-a/partner', 'team-b/partner']);
  });

  test('and the other way round: a hostname in two namespaces, out of reach, adds its reason to a resolved tie\'s note', () => {
    const input = fixtureSides('pr-resolves-tie-while-a-hostname-copy-sits-elsewhere');
    const report = reviewedBothWays(input);
    const resolved = report.resolved.find((c) => c.finding.rule === 'tcp-shadowed')!;
    expect(resolved.finding.explanation).toMatch(/in Istio 1\.22 and earlier, aa\/api-net wins instead \(same-second creation ties compare the string host\.namespace; a sidecar keeps the first imported copy/);
    expect(scopeOf(input)!.baseSubset.map((e) => e.ref).sort()).toEqual(['aa/api-net', 'zz/api']);
  });
});
