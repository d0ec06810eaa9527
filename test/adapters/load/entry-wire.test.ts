import { deserialize, serialize } from 'node:v8';
import fc from 'fast-check';
import { decodeChunk, encodeChunk } from '../../../src/adapters/load/entry-wire.js';
import { loadSourceFile } from '../../../src/core/load/load-sources.js';
import type { LoadResult, ServiceEntry, SourceFile } from '../../../src/core/model.js';
import { everyFixtureManifest } from '../../helpers/fixtures.js';
import { entryArb, entryYaml, toFile } from '../../helpers/service-entry-arbitraries.js';

const load = (file: SourceFile) => loadSourceFile(file, { defaultNamespace: 'team-a' });

/** Encoded, cloned as postMessage clones it, decoded: what the main thread gets from a worker. */
function roundTrip(parts: Array<LoadResult | undefined>, files: readonly SourceFile[]): Array<LoadResult | undefined> {
  return decodeChunk(deserialize(serialize(encodeChunk(parts, files))), files, new Map());
}

/** Every key path in order with its value's type: toStrictEqual does not compare key order, which the shapes share. */
function shape(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return [`${at}[${value.length}]`, ...value.flatMap((item, i) => shape(item, `${at}[${i}]`))];
  if (value !== null && typeof value === 'object') return Object.keys(value).flatMap((key) => [`${at}.${key}`, ...shape((value as Record<string, unknown>)[key], `${at}.${key}`)]);
  return [`${at}:${typeof value}`];
}

function expectSameLoad(actual: Array<LoadResult | undefined>, expected: Array<LoadResult | undefined>): void {
  expect(actual).toStrictEqual(expected);
  expect(shape(actual)).toEqual(shape(expected));
}

describe('entries on their way back from a load worker', () => {
  it('come back as this thread loads them, for every fixture manifest (hostile ones included)', () => {
    const files = everyFixtureManifest();
    const parts = files.map(load);
    const encoded = encodeChunk(parts, files);
    // Nearly every part travels encoded: the fallback is for shapes the loader does not make.
    expect(encoded.parts.filter((p) => p.encoded > 0).length).toBeGreaterThan(100);
    expect(encoded.parts.every((p, i) => p.encoded === parts[i]!.entries.length)).toBe(true);
    expectSameLoad(roundTrip(parts, files), parts);
  });

  it('come back as loaded for any manifests the arbitraries write', () => {
    fc.assert(fc.property(fc.array(fc.array(entryArb, { maxLength: 4 }), { minLength: 1, maxLength: 4 }), (specs) => {
      const files = specs.map((entries, i) => toFile(`clusters/prod/file-${i}.yaml`, entries.map(entryYaml)));
      const parts = files.map(load);
      expectSameLoad(roundTrip(parts, files), parts);
    }), { numRuns: 150 });
  });

  it('keep an entry without spec.hosts pointing its hosts location at its own location, one object as loaded', () => {
    const file = { path: 'no-hosts.yaml', text: 'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: a\nspec:\n  ports:\n  - number: 443\n    name: tls\n    protocol: TLS\n' };
    const [part] = roundTrip([load(file)], [file]);
    const entry = part!.entries[0]!;
    expect(entry.hostsLocation).toBe(entry.location);
  });

  it('carry any strings, lone surrogates and label keys that look like numbers included', () => {
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    fc.assert(fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), fc.dictionary(text, text, { maxKeys: 3 }), text, (hosts, labels, name) => {
      const file = { path: 'odd.yaml', text: '' };
      const entry = { ...baseEntry(file.path), name, ref: `team-a/${name}`, hosts, labels: { ...labels } };
      if (Object.hasOwn(entry.labels, '__proto__')) return;
      const parts: LoadResult[] = [{ entries: [entry], sidecars: [], diagnostics: [] }];
      expect(encodeChunk(parts, [file]).parts[0]!.encoded).toBe(1);
      expectSameLoad(roundTrip(parts, [file]), parts);
    }), { numRuns: 200 });
  });

  it.each([
    ['a key the loader does not write', (e: ServiceEntry) => ({ ...e, extra: 1 })],
    ['a location in another file', (e: ServiceEntry) => ({ ...e, location: { ...e.location, path: 'elsewhere.yaml' } })],
    ['its keys in another order', ({ kind, ...rest }: ServiceEntry) => ({ ...rest, kind })],
    ['a label named __proto__', (e: ServiceEntry) => ({ ...e, labels: JSON.parse('{"__proto__":"x"}') as Record<string, string> })],
    ['a port of another shape', (e: ServiceEntry) => ({ ...e, ports: [{ ...e.ports[0]!, targetPort: 8443 }] })],
  ])('send a file whose entry has %s as objects, unchanged', (_, change) => {
    const file = { path: 'odd.yaml', text: '' };
    const parts: LoadResult[] = [{ entries: [baseEntry(file.path), change(baseEntry(file.path)) as ServiceEntry], sidecars: [], diagnostics: [] }];
    const encoded = encodeChunk(parts, [file]);
    expect(encoded.parts[0]!.encoded).toBe(0);
    expectSameLoad(roundTrip(parts, [file]), parts);
  });

  it('share the strings entries repeat, and keep each file\'s own path in its locations', () => {
    const files = [0, 1].map((i) => ({ path: `f${i}.yaml`, text: '' }));
    const parts = files.map((file): LoadResult => ({ entries: [baseEntry(file.path), baseEntry(file.path)], sidecars: [], diagnostics: [] }));
    const encoded = encodeChunk(parts, files);
    // Once per chunk: team-a, the API version, the protocols, the port name, the resolution, the label's key and value.
    expect(encoded.strings.filter((s) => s === 'team-a')).toHaveLength(1);
    const decoded = roundTrip(parts, files);
    expect(decoded.map((part) => part!.entries.map((e) => e.location.path))).toEqual([['f0.yaml', 'f0.yaml'], ['f1.yaml', 'f1.yaml']]);
  });

  it('say which run of items did not read, between parts that did', () => {
    const files = [0, 1, 2].map((i) => ({ path: `f${i}.yaml`, text: '' }));
    const parts = [{ entries: [baseEntry('f0.yaml')], sidecars: [], diagnostics: [] }, undefined, { entries: [baseEntry('f2.yaml')], sidecars: [], diagnostics: [] }];
    expectSameLoad(roundTrip(parts, files), parts);
  });
});

function baseEntry(path: string): ServiceEntry {
  const at = (line: number) => ({ path, line, column: 1 });
  return {
    kind: 'ServiceEntry', ref: 'team-a/github', apiVersion: 'networking.istio.io/v1', name: 'github', namespace: 'team-a', namespaceExplicit: true,
    hosts: ['github.com'], addresses: [], ports: [{ number: 443, protocol: 'TCP', protocolClass: 'TCP', name: 'tcp', location: at(9) }],
    resolution: 'DNS', exportTo: undefined, hasWorkloadSelector: false, endpointCount: 0, labels: { team: 'a' }, creationTimestamp: undefined,
    location: at(1), hostsLocation: at(7), ignoreAnnotation: undefined, meshLocation: undefined, statusAddresses: undefined,
  };
}
