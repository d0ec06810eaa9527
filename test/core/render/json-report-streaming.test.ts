import fc from 'fast-check';
import { writeJson } from '../../../src/core/render/json-stream.js';
import { toJsonFinding } from '../../../src/core/render/json-findings.js';
import type { Finding, FindingEntry } from '../../../src/core/model.js';

function streamed(value: unknown): { text: string; chunks: number; largest: number } {
  const chunks: string[] = [];
  writeJson(value, (chunk) => chunks.push(chunk));
  return { text: chunks.join(''), chunks: chunks.length, largest: Math.max(0, ...chunks.map((c) => c.length)) };
}

describe('the JSON report written in chunks', () => {
  test('is byte for byte what JSON.stringify(value, null, 2) gives, for any JSON-like value', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      expect(streamed(value).text).toBe(JSON.stringify(value, null, 2));
    }), { numRuns: 300 });
  });

  test('is the same bytes for long arrays of small elements at any depth, runs of them written in one piece', () => {
    // Arrays past the small-subtree size, mixing small and large elements and values JSON.stringify writes as null,
    // nested in arrays and objects: the paths that write runs of elements at once and indent them by wrapping.
    const small = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined));
    const large = fc.array(fc.jsonValue({ maxDepth: 1 }), { minLength: 70, maxLength: 90 });
    const longArray = fc.array(fc.oneof({ arbitrary: small, weight: 9 }, { arbitrary: large, weight: 1 }), { minLength: 65, maxLength: 400 });
    const nested = fc.tuple(longArray, fc.array(fc.oneof(fc.constant('array'), fc.string({ maxLength: 3 })), { maxLength: 5 }))
      .map(([array, path]) => path.reduce<unknown>((inner, step) => (step === 'array' ? [1, inner] : { [step]: inner, z: 1 }), array));
    fc.assert(fc.property(nested, (value) => {
      expect(streamed(value).text).toBe(JSON.stringify(value, null, 2));
    }), { numRuns: 200 });
  });

  test('omits and nulls what JSON.stringify omits and nulls, and honours toJSON', () => {
    const value = { a: undefined, b: () => 1, c: [undefined, () => 1, Symbol('s')], d: new Date(0), e: new Set([1]), f: { toJSON: () => undefined } };
    expect(streamed(value).text).toBe(JSON.stringify(value, null, 2));
  });

  test('never holds a large report as one string: it arrives in chunks of bounded size', () => {
    const big = { items: Array.from({ length: 20_000 }, (_, i) => ({ ref: `ns-${i % 50}/svc-${i}`, hosts: [`host-${i}.example.com`] })) };
    const { text, chunks, largest } = streamed(big);
    expect(text).toBe(JSON.stringify(big, null, 2));
    expect(chunks).toBeGreaterThan(20);
    expect(largest).toBeLessThan(70_000);
  });
});

describe('per-namespace outcomes in the JSON report', () => {
  const at = { path: 'a.yaml', line: 1, column: 1 };
  const entry = (ref: string, winsFor: string[], losesFor: string[]): FindingEntry => ({
    ref, name: ref.split('/')[1]!, namespace: ref.split('/')[0]!, hosts: [`${ref}.example.com`], protocol: 'TCP', role: 'undetermined', winsFor, losesFor, location: at, portLocation: at,
  });

  test('entries that lose in the same namespaces form one group naming those namespaces once', () => {
    const namespaces = Array.from({ length: 1000 }, (_, i) => `team-${i}`);
    const entries = [
      ...Array.from({ length: 2000 }, (_, i) => entry(`public/svc-${i}`, [], [...namespaces])),
      entry('team-0/private', ['team-0'], []),
      entry('solo/plain', [], []),
    ];
    const finding = { id: 'x', entries } as unknown as Finding;
    const json = toJsonFinding(finding);
    expect(json.entries.map((e) => e.ref)).toEqual(entries.map((e) => e.ref));
    expect(json.entries.every((e) => !('winsFor' in e) && !('losesFor' in e))).toBe(true);
    expect(json.namespaceOutcomes).toEqual([
      { entries: entries.slice(0, 2000).map((e) => e.ref), winsFor: [], losesFor: namespaces },
      { entries: ['team-0/private'], winsFor: ['team-0'], losesFor: [] },
    ]);
    // Proportional to what differs: entries × namespaces would be over 20 MB.
    expect(JSON.stringify(json).length).toBeLessThan(1_000_000);
  });
});
