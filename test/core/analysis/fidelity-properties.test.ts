import fc from 'fast-check';
import { analyze, listenerMembersFor } from '../../../src/core/analysis/analyze.js';
import { PROFILE_VERSIONS } from '../../../src/core/analysis/istio-version.js';
import { loadSources } from '../../../src/core/load/load-sources.js';
import { entryRef, type AnalysisResult, type MeshOptions, type SourceFile } from '../../../src/core/model.js';
import { classifyFindings } from '../../../src/core/classify/classify-findings.js';
import { reviewChange } from '../../../src/core/review/review-change.js';

// Valid, collision-prone entries: few hosts, ports and namespaces, so rules meet often.
const NAMESPACES = ['egress', 'team-a', 'team-b'] as const;
const entry = fc.record({
  name: fc.constantFrom<string>('a', 'b', 'c', 'd'),
  namespace: fc.constantFrom(...NAMESPACES),
  hosts: fc.uniqueArray(fc.constantFrom('github.com', 'api.partner.example.com', 'db.internal', 'cache.example.net'), { minLength: 1, maxLength: 2 }),
  addresses: fc.constantFrom<string[] | undefined>(undefined, undefined, ['10.0.0.1'], ['0.0.0.0/0'], ['10.1.0.0/16']),
  ports: fc.uniqueArray(fc.record({ number: fc.constantFrom(443, 3306, 80, 9443), protocol: fc.constantFrom('TCP', 'TLS', 'HTTP', '', 'MYSQL') }), { minLength: 1, maxLength: 2, selector: (p) => p.number }),
  resolution: fc.constantFrom('DNS', 'NONE', 'STATIC'),
  exportTo: fc.constantFrom<string[] | undefined>(undefined, undefined, ['.'], ['*'], ['team-a'], ['team-b', '.']),
  created: fc.option(fc.constantFrom(1_600_000_000, 1_650_000_000), { nil: undefined }),
});
type Entry = typeof entry extends fc.Arbitrary<infer T> ? T : never;
const sidecar = fc.constantFrom<{ namespace: string; hosts: string[]; port?: { number: number; protocol: string } } | undefined>(
  undefined,
  { namespace: 'istio-system', hosts: ['./*', 'istio-system/*'] },
  { namespace: 'team-a', hosts: ['egress/*', './*'] },
  { namespace: 'team-b', hosts: ['*/*'], port: { number: 443, protocol: 'TLS' } },
  // Only exact, namespaced hosts: from Istio 1.31 its consumers keep plain creation order.
  { namespace: 'team-a', hosts: ['egress/github.com', 'team-a/github.com', 'team-b/db.internal'] },
);

function manifest(e: Entry, rename: (ns: string) => string = (ns) => ns, extra: Record<string, unknown> = {}): string {
  const renameTarget = (t: string) => (t === '.' || t === '*' || t === '~' ? t : rename(t));
  return JSON.stringify({
    apiVersion: 'networking.istio.io/v1',
    kind: 'ServiceEntry',
    metadata: { name: e.name, namespace: rename(e.namespace), ...(e.created ? { creationTimestamp: new Date(e.created * 1000).toISOString() } : {}) },
    spec: {
      hosts: e.hosts,
      ports: e.ports.map((p) => ({ ...p, name: `p${p.number}` })),
      resolution: e.addresses?.some((a) => a.includes('/')) ? 'NONE' : e.resolution,
      ...(e.addresses ? { addresses: e.addresses } : {}),
      ...(e.exportTo ? { exportTo: e.exportTo.map(renameTarget) } : {}),
      ...extra,
    },
  });
}

function sidecarManifest(s: NonNullable<typeof sidecar extends fc.Arbitrary<infer T> ? T : never>, rename: (ns: string) => string = (ns) => ns): string {
  const hosts = s.hosts.map((h) => {
    const [ns, name] = h.split('/') as [string, string];
    return `${ns === '.' || ns === '*' ? ns : rename(ns)}/${name}`;
  });
  return JSON.stringify({
    apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name: 'default', namespace: rename(s.namespace) },
    spec: { egress: s.port ? [{ port: { ...s.port, name: 'p' }, hosts }, { hosts }] : [{ hosts }] },
  });
}

const world = fc.record({ entries: fc.array(entry, { minLength: 1, maxLength: 6 }), sidecar });

/** Mesh settings that change verdicts: the release, the outbound policy, DNS capture mesh-wide and for one namespace. */
const meshSettings = fc.record({
  istioVersion: fc.constantFrom<string | undefined>(undefined, ...PROFILE_VERSIONS),
  outboundTrafficPolicy: fc.constantFrom<'ALLOW_ANY' | 'REGISTRY_ONLY' | undefined>(undefined, 'REGISTRY_ONLY'),
  dnsCapture: fc.option(fc.boolean(), { nil: undefined }),
  teamACapture: fc.option(fc.boolean(), { nil: undefined }),
});
type Settings = typeof meshSettings extends fc.Arbitrary<infer T> ? T : never;

function meshOf(s: Settings, rename: (ns: string) => string = (ns) => ns): Partial<MeshOptions> {
  return {
    ...(s.istioVersion ? { istioVersion: s.istioVersion } : {}),
    ...(s.outboundTrafficPolicy ? { outboundTrafficPolicy: s.outboundTrafficPolicy } : {}),
    ...(s.dnsCapture !== undefined ? { dnsCapture: s.dnsCapture } : {}),
    ...(s.teamACapture !== undefined ? { dnsCaptureByNamespace: { [rename('team-a')]: s.teamACapture } } : {}),
    rootNamespace: rename('istio-system'),
  };
}

function files(w: { entries: Entry[]; sidecar: (typeof sidecar extends fc.Arbitrary<infer T> ? T : never) }, rename?: (ns: string) => string): SourceFile[] {
  // One file per entry, names made unique per namespace so no object replaces another.
  const out = w.entries.map((e, i): SourceFile => ({ path: `e${i}.yaml`, text: manifest({ ...e, name: `${e.name}${i}` }, rename) }));
  if (w.sidecar) out.push({ path: 'sidecar.yaml', text: sidecarManifest(w.sidecar, rename) });
  return out;
}

const run = (fs: SourceFile[], mesh: Partial<MeshOptions> = {}) => analyze(loadSources(fs, { defaultNamespace: 'default' }), { mesh });

/** A verdict: rule, listener, severity, who sees it and each entry's role, with namespaces mapped back. */
function verdicts(result: AnalysisResult, unname: (ns: string) => string = (ns) => ns): string[] {
  const ref = (r: string) => { const [ns, name] = r.split('/') as [string, string]; return `${unname(ns)}/${name}`; };
  return result.findings.map((f) => [
    f.rule, f.listener, f.severity,
    f.namespaces.map((n) => (n === '*' ? n : unname(n.replace(/ \(Sidecar .*\)$/, '')))).join(','),
    f.entries.map((e) => `${ref(e.ref)}:${e.role}:${e.hosts.join('+')}:${e.winsFor.map(unname).join('|')}:${e.losesFor.map(unname).join('|')}`).sort().join(' '),
  ].join(' ')).sort();
}

describe('properties of the Istio rules', () => {
  test('an entry that no consumer sees (exportTo ~) never changes a finding', () => {
    fc.assert(fc.property(world, entry, meshSettings, (w, hidden, settings) => {
      const fs = files(w);
      const withHidden = [...fs, { path: 'hidden.yaml', text: manifest({ ...hidden, name: 'hidden' }, undefined, { exportTo: ['~'] }) }];
      expect(verdicts(run(withHidden, meshOf(settings)))).toEqual(verdicts(run(fs, meshOf(settings))));
    }), { numRuns: 60 });
  });

  test('renaming namespaces consistently changes no verdict', () => {
    // A prefix keeps the namespaces' order, which Istio's tie-break reads.
    const rename = (ns: string) => `renamed-${ns}`;
    const unname = (ns: string) => ns.replace(/^renamed-/, '');
    fc.assert(fc.property(world, meshSettings, (w, settings) => {
      const before = verdicts(run(files(w), meshOf(settings)));
      const after = verdicts(run(files(w, rename), meshOf(settings, rename)), unname);
      expect(after).toEqual(before);
    }), { numRuns: 60 });
  });

  test('what some namespaces see on one listener, the whole analysis\'s finding of that id holds too', () => {
    // Fix verification rejects a candidate from one view of a listener (listenerMembersFor): sound only if a finding's
    // members are the union of every consumer's, and each consumer's records are computed as the whole analysis does.
    let found = 0;
    fc.assert(fc.property(world, meshSettings, fc.subarray([...NAMESPACES], { minLength: 1 }), fc.array(fc.nat(), { maxLength: 2 }), (w, settings, namespaces, young) => {
      const loaded = loadSources(files(w), { defaultNamespace: 'default' });
      const newEntryRefs = new Set(young.map((i) => entryRef(loaded.entries[i % loaded.entries.length]!)));
      const options = { mesh: meshOf(settings), newEntryRefs, forComparison: true };
      const whole = new Map(analyze(loaded, options).findings.map((f) => [f.id, new Set(f.entries.map((e) => e.ref))]));
      const listeners = new Set(loaded.entries.flatMap((e) => e.ports.flatMap((p) => [`0.0.0.0_${p.number}`, ...e.addresses.map((a) => `${a}_${p.number}`)])));
      for (const listener of listeners) {
        for (const [id, refs] of listenerMembersFor(loaded, listener, new Set(namespaces), options)) {
          const listed = [...refs];
          found += listed.length;
          expect(listed.filter((ref) => !whole.get(id)?.has(ref))).toEqual([]);
        }
      }
    }), { numRuns: Number(process.env.PROP_RUNS ?? 200) });
    expect(found).toBeGreaterThan(0);
  });

  test('a verified fix never introduces a finding in any Istio version profile', () => {
    const accepting = () => [];
    let checked = 0;
    // The mesh's own release and DNS capture vary too: the fix is verified under them, and must hold under every other profile.
    const settings = fc.record({ istioVersion: fc.constantFrom<string | undefined>(undefined, ...PROFILE_VERSIONS), dnsCapture: fc.boolean() });
    fc.assert(fc.property(world, entry, settings, (w, added, mesh) => {
      const baseFiles = files(w);
      const addedFile = { path: 'added.yaml', text: manifest({ ...added, name: 'added' }) };
      const report = reviewChange({ baseFiles, changes: [{ path: addedFile.path, status: 'added', headText: addedFile.text }], defaultNamespace: 'default', mesh, fixes: { validate: accepting } });
      const headFiles = [...baseFiles, addedFile];
      const newRefs = new Set(loadSources([addedFile], { defaultNamespace: 'default' }).entries.map(entryRef));
      for (const suggestions of Object.values(report.suggestions)) {
        for (const suggestion of suggestions) {
          checked++;
          const after = headFiles.map((f) => {
            const changes = suggestion.changes.filter((c) => c.path === f.path).sort((a, b) => b.startLine - a.startLine);
            const lines = f.text.split('\n');
            for (const c of changes) lines.splice(c.startLine - 1, c.endLine - c.startLine + 1, ...c.replacementLines);
            return { path: f.path, text: lines.join('\n') };
          });
          for (const istioVersion of [undefined, ...PROFILE_VERSIONS]) {
            const analyse = (fs: SourceFile[]) => analyze(loadSources(fs, { defaultNamespace: 'default' }), { mesh: { ...mesh, ...(istioVersion ? { istioVersion } : {}) }, newEntryRefs: newRefs });
            const base = analyse(baseFiles);
            const headIntroduced = new Set(classifyFindings(base, analyse(headFiles)).introduced.map((c) => c.finding.id));
            const afterIntroduced = classifyFindings(base, analyse(after)).introduced.map((c) => c.finding.id);
            expect(afterIntroduced.filter((id) => !headIntroduced.has(id))).toEqual([]);
          }
        }
      }
    }), { numRuns: Number(process.env.PROP_RUNS ?? 30), ...(process.env.PROP_SEED === 'random' ? {} : { seed: Number(process.env.PROP_SEED ?? 507456746) }) });
    // The property is only worth something if fixes were proposed and checked.
    expect(checked).toBeGreaterThan(0);
  });
});
