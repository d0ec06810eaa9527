import { jest } from '@jest/globals';
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { loadSourceFile } from '../../../src/core/load/load-sources.js';
import { PositionIndex } from '../../../src/core/load/positions.js';
import { SERVICE_ENTRY_POSITIONS } from '../../../src/core/load/service-entry.js';
import { parseYamlDocuments, type ParsedStream, type PositionOutline } from '../../../src/core/load/yaml-documents.js';
import { caseFiles, everyFixtureManifest } from '../../helpers/fixtures.js';

/**
 * Every question the index can be asked about a stream's values, with its answer: where each container starts
 * and where each of its children does (plus a key it lacks). Containers are visited once (aliases share them),
 * and at most `limit` questions are asked, so an alias bomb stays small.
 */
function questions(stream: ParsedStream, limit = 20_000): Array<[string, () => number | undefined]> {
  const asked: Array<[string, () => number | undefined]> = [];
  const seen = new Set<object>();
  const visit = (value: unknown, at: string) => {
    if (asked.length >= limit || value === null || typeof value !== 'object' || seen.has(value) || value instanceof Date) return;
    seen.add(value);
    const container = value as Record<string | number, unknown>;
    asked.push([`start ${at}`, () => stream.positions.start(container)]);
    const keys: Array<string | number> = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    for (const key of [...keys, 'not-a-key', 7]) asked.push([`child ${at}.${key}`, () => stream.positions.child(container, key)]);
    for (const key of keys) visit(container[key], `${at}.${key}`);
  };
  stream.documents.forEach((d, i) => visit(d.value, `#${i}`));
  return asked;
}

/** The questions whose answers an outline records, named as `questions` names them. */
function onOutline(stream: ParsedStream, outline: PositionOutline): Set<string> {
  const names = new Set<string>();
  const visit = (value: unknown, at: string, along: PositionOutline | true) => {
    if (value === null || typeof value !== 'object' || value instanceof Date) return;
    names.add(`start ${at}`);
    if (along === true) return;
    const container = value as Record<string | number, unknown>;
    const keys: Array<string | number> = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    for (const key of keys) {
      const inner = Object.hasOwn(along, Array.isArray(value) ? '*' : key) ? along[Array.isArray(value) ? '*' : key] : undefined;
      if (inner === undefined) continue;
      names.add(`child ${at}.${key}`);
      visit(container[key], `${at}.${key}`, inner);
    }
  };
  stream.documents.forEach((d, i) => visit(d.value, `#${i}`, outline));
  return names;
}

/**
 * The answers to every question, listed in document order. Asked in document order, backwards, or (given an
 * outline) what it records first, last to first, before anything that makes the owed walks: an outline's own
 * records are then checked before the full walks can overwrite them.
 */
function answers(stream: ParsedStream, order: 'forward' | 'backward' | PositionOutline): string[] {
  const asked = questions(stream);
  const out = new Array<string>(asked.length);
  let indexes = asked.map((_, i) => i);
  if (order === 'backward') indexes.reverse();
  else if (order !== 'forward') {
    const recorded = onOutline(stream, order);
    indexes = [...indexes.filter((i) => recorded.has(asked[i]![0])).reverse(), ...indexes.filter((i) => !recorded.has(asked[i]![0]))];
  }
  for (const i of indexes) out[i] = `${asked[i]![0]} = ${asked[i]![1]()}`;
  return out;
}

const full = (text: string) => parseYamlDocuments(text, { positionsFor: () => true });
const along = (outline: PositionOutline) => (text: string) => parseYamlDocuments(text, { positionsFor: () => outline });

function expectSameAnswers(text: string, outline: PositionOutline): void {
  const expected = answers(full(text), 'forward');
  expect(answers(along(outline)(text), 'forward')).toEqual(expected);
  expect(answers(along(outline)(text), 'backward')).toEqual(expected);
  expect(answers(along(outline)(text), outline)).toEqual(expected);
}

/** A handwritten text, checked to parse into its documents (else it would test nothing), along each outline. */
function expectSameAnswersWherever(text: string, documents: number, outlines: readonly PositionOutline[]): void {
  const parsed = full(text);
  expect(parsed.problems).toEqual([]);
  expect(parsed.documents).toHaveLength(documents);
  for (const outline of outlines) expectSameAnswers(text, outline);
}

describe('positions recorded along an outline', () => {
  it('answer every question as the full walk does, for every fixture manifest (hostile ones included)', () => {
    const files = everyFixtureManifest();
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      for (const outline of [SERVICE_ENTRY_POSITIONS, {}, { metadata: true, spec: { '*': true } }] as PositionOutline[]) {
        try {
          expectSameAnswers(file.text, outline);
        } catch (error) {
          throw new Error(`${file.path} with outline ${JSON.stringify(outline)}: ${(error as Error).message}`);
        }
      }
    }
  });

  it('answer as the full walk does where keys repeat, are quoted or escaped, and where anchors, aliases and merges share values', () => {
    const text = [
      'apiVersion: networking.istio.io/v1',
      'kind: ServiceEntry',
      'base: &b',
      '  hosts: [a.example.com]',
      '  ports: &p',
      '  - {number: 443, name: tls}',
      'spec:',
      '  hosts: [first.example.com]',
      '  <<: *b',
      '  "ports":',
      '  - number: 80',
      '  - *p',
      '  hosts:',
      '    - second.example.com',
      '  "ho\\u0073ts": [escaped.example.com]',
      "  'quoted hosts': x",
      '  "*": star key in a mapping',
      'spec: {hosts: [third.example.com], ports: *p}',
      '---',
      '- spec: {ports: [{number: 1}]}',
      '- &item {spec: {hosts: [x]}}',
      '- *item',
      '',
    ].join('\n');
    expectSameAnswersWherever(text, 2, [SERVICE_ENTRY_POSITIONS, { spec: true }, { '*': { spec: { ports: { '*': { number: true } } } } }, { base: { ports: { '*': true } }, spec: { hosts: { '*': true } } }]);
  });

  it('answer as the full walk does where keys repeat along the outline, without anchors', () => {
    const text = [
      'kind: ServiceEntry',
      'spec:',
      '  hosts: [first.example.com]',
      '  ports:',
      '  - number: 80',
      '  "ports": [{number: 81}, {number: 82}]',
      '  "ho\\u0073ts": [escaped.example.com]',
      '  "*": star key in a mapping',
      'metadata: {name: a}',
      'spec:',
      '  ports:',
      '  - {number: 443, name: tls}',
      '  hosts:',
      '  - last.example.com',
      '',
    ].join('\n');
    expectSameAnswersWherever(text, 1, [SERVICE_ENTRY_POSITIONS, { spec: true }, { spec: { '*': true, ports: { '*': { number: true } } } }]);
  });

  it('answer as the full walk does for block mappings whose keys repeat, plain or quoted, along any outline', () => {
    type Pairs = Array<[string, boolean, Pairs | unknown]>;
    const key = fc.constantFrom('spec', 'hosts', 'ports', 'a', '*');
    const pairs: fc.Arbitrary<Pairs> = fc.letrec((tie) => ({
      pairs: fc.array(fc.tuple(key, fc.boolean(), fc.oneof({ depthSize: 'small' }, fc.constantFrom(1, 'x', [1, { a: 2 }], { hosts: ['h'] }), tie('pairs'))), { minLength: 1, maxLength: 5 }),
    })).pairs as fc.Arbitrary<Pairs>;
    const render = (mapping: Pairs, indent: string): string[] => mapping.flatMap(([k, quoted, value]) => {
      const name = quoted ? JSON.stringify(k) : k === '*' ? '"*"' : k;
      return Array.isArray(value) && value.length > 0 && Array.isArray(value[0])
        ? [`${indent}${name}:`, ...render(value as Pairs, `${indent}  `)]
        : [`${indent}${name}: ${JSON.stringify(value)}`];
    });
    const outline: fc.Arbitrary<PositionOutline> = fc.letrec((tie) => ({
      outline: fc.dictionary(key, fc.oneof({ depthSize: 'small' }, fc.constant(true as const), tie('outline')), { maxKeys: 3 }),
    })).outline as fc.Arbitrary<PositionOutline>;
    fc.assert(fc.property(pairs, outline, (mapping, along) => {
      const text = `${render(mapping, '').join('\n')}\n`;
      expect(full(text).problems).toEqual([]);
      expectSameAnswers(text, along);
    }), { numRuns: 300 });
  });

  it('answer as the full walk does for any values, written in block or flow style, along any outline', () => {
    const key = fc.oneof(fc.constantFrom('spec', 'hosts', 'ports', '*', 'a b', 'x:y', '"q"', '__proto__'), fc.string({ maxLength: 4 }));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.constantFrom(null, 1, 'text', true), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(key, tie('node'), { maxKeys: 5 })),
    })).node;
    const outline: fc.Arbitrary<PositionOutline> = fc.letrec((tie) => ({
      outline: fc.dictionary(key, fc.oneof({ depthSize: 'small' }, fc.constant(true as const), tie('outline')), { maxKeys: 4 }),
    })).outline as fc.Arbitrary<PositionOutline>;
    fc.assert(fc.property(fc.array(value, { minLength: 1, maxLength: 3 }), outline, fc.boolean(), (documents, along, flow) => {
      const text = documents.map((d) => dump(d, { flowLevel: flow ? 1 : -1 })).join('---\n');
      expectSameAnswers(text, along);
    }), { numRuns: 300 });
  });
});

describe('an index that owes the full walks of outlined documents', () => {
  it('makes them only when a question finds nothing recorded, all at once, and then answers from them', () => {
    const index = new PositionIndex();
    const recorded = {};
    const owed = {};
    const walks: string[] = [];
    index.setStart(recorded, 1);
    index.defer(() => { walks.push('first'); index.setStart(owed, 2); });
    index.defer(() => { walks.push('second'); index.setChild(owed, 'key', 3); });
    expect(index.start(recorded)).toBe(1);
    expect(walks).toEqual([]);
    expect(index.child(owed, 'key')).toBe(3);
    expect(walks).toEqual(['first', 'second']);
    expect(index.start(owed)).toBe(2);
    expect(index.start({})).toBeUndefined();
    expect(walks).toEqual(['first', 'second']);
  });

  it('forgets a mapping indexed by key while only some of its keys were recorded', () => {
    const index = new PositionIndex();
    const map = {};
    // More keys than are searched one by one: asking indexes them.
    for (let k = 0; k < 20; k++) index.setChild(map, `recorded-${k}`, k);
    index.defer(() => { for (let k = 0; k < 20; k++) index.setChild(map, `owed-${k}`, 100 + k); });
    expect(index.child(map, 'recorded-3')).toBe(3);
    expect(index.child(map, 'owed-7')).toBe(107);
  });
});

describe('the loader and its outline', () => {
  /** How many documents a load read along an outline, and how many of those it had to walk in full after all. */
  function walks(files: ReturnType<typeof caseFiles>): { outlined: number; paid: number } {
    const counts = { outlined: 0, paid: 0 };
    const defer = PositionIndex.prototype.defer;
    jest.spyOn(PositionIndex.prototype, 'defer').mockImplementation(function (this: PositionIndex, walk: () => void) {
      counts.outlined++;
      defer.call(this, () => { counts.paid++; walk(); });
    });
    try {
      for (const file of files) loadSourceFile(file, { defaultNamespace: 'default' });
    } finally {
      jest.restoreAllMocks();
    }
    return counts;
  }

  it('locates well-formed ServiceEntries from what the outline records alone, in lists (a cluster\'s export) too', () => {
    const fixture = (name: string) => ({ path: name, text: everyFixtureManifest().find((f) => f.path.endsWith(`loader/${name}`))!.text });
    const files = [...caseFiles('seed-huaweicloud-github'), fixture('positions.yaml'), fixture('kubectl-lists.yaml')];
    expect(files.map((f) => loadSourceFile(f, { defaultNamespace: 'default' })).flatMap((r) => r.entries).map((e) => e.name)).toEqual(expect.arrayContaining(['listed-first', 'listed-nested']));
    for (const file of files) expect(walks([file])).toEqual({ outlined: expect.any(Number), paid: 0 });
    expect(walks([fixture('kubectl-lists.yaml')]).outlined).toBe(1);
    expect(walks(caseFiles('seed-huaweicloud-github')).outlined).toBe(2);
  });

  it('walks a document in full to say where a problem deep inside it is', () => {
    const text = everyFixtureManifest().find((f) => f.path.endsWith('loader/port-number-as-a-string.yaml'))!.text;
    expect(loadSourceFile({ path: 'p.yaml', text }, { defaultNamespace: 'default' }).diagnostics.length).toBeGreaterThan(0);
    expect(walks([{ path: 'p.yaml', text }]).paid).toBeGreaterThan(0);
  });
});
