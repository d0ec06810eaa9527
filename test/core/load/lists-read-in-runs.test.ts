import fc from 'fast-check';
import { dump } from 'js-yaml';
import type { PieceLimits } from '../../../src/core/load/file-pieces.js';
import { loadSources, PIECE_LIMITS } from '../../../src/core/load/load-sources.js';
import type { LoadResult, SourceFile } from '../../../src/core/model.js';
import { everyFixtureManifest } from '../../helpers/fixtures.js';

const WHOLE: PieceLimits = { pieceChars: Number.MAX_SAFE_INTEGER, maxDocumentChars: Number.MAX_SAFE_INTEGER };

function load(file: SourceFile, pieceLimits: PieceLimits): LoadResult {
  return loadSources([file], { defaultNamespace: 'default', maxFileBytes: Number.MAX_SAFE_INTEGER, pieceLimits });
}

/** A load as a comparable value: pieces report a file's diagnostics piece by piece, so their order may differ from a whole read's. */
function outcome(result: LoadResult): unknown {
  return { ...result, diagnostics: result.diagnostics.map((d) => JSON.stringify(d)).sort() };
}

function fixture(name: string): SourceFile {
  return everyFixtureManifest().find((f) => f.path.endsWith(`lists-read-in-runs/${name}`))!;
}

const names = (result: LoadResult) => result.entries.map((e) => e.name);

describe('a file read in pieces', () => {
  test('every fixture manifest loads the same cut into the smallest pieces as read whole', () => {
    for (const file of everyFixtureManifest()) {
      const whole = outcome(load(file, WHOLE));
      for (const pieceChars of [1, 40, 300]) expect([file.path, pieceChars, outcome(load(file, { pieceChars, maxDocumentChars: WHOLE.maxDocumentChars }))]).toEqual([file.path, pieceChars, whole]);
    }
  });

  test('a generated kubectl List loads the same item by item as whole, at every indentation and with comments between items', () => {
    const entry = fc.record({
      name: fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/),
      host: fc.stringMatching(/^[a-z]{1,8}\.example\.com$/),
      port: fc.integer({ min: 1, max: 65535 }),
      protocol: fc.constantFrom('TCP', 'TLS', 'HTTP', 'MONGO'),
      note: fc.option(fc.constantFrom('- looks like an item\n---\n', 'plain', '  indented\n\nlines\n'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 12 }), fc.constantFrom('', '  ', '    '), fc.boolean(), fc.integer({ min: 1, max: 900 }), (entries, column, itemsFirst, pieceChars) => {
        const items = entries.map((e) => {
          const lines = dump({
            apiVersion: 'networking.istio.io/v1',
            kind: 'ServiceEntry',
            metadata: { name: e.name, namespace: 'egress', ...(e.note ? { annotations: { note: e.note } } : {}) },
            spec: { hosts: [e.host], ports: [{ number: e.port, name: 'p', protocol: e.protocol }], resolution: 'DNS' },
          }).trimEnd().split('\n');
          return `${column}# next\n${lines.map((line, i) => `${column}${i === 0 ? '- ' : '  '}${line}`).join('\n')}\n`;
        });
        const header = itemsFirst ? 'apiVersion: v1\n' : 'apiVersion: v1\nkind: List\nmetadata:\n  resourceVersion: ""\n';
        const text = `# export\n${header}items:\n${items.join('')}${itemsFirst ? 'kind: List\n' : ''}---\nkind: Other\n`;
        const file = { path: 'export.yaml', text };
        const whole = load(file, WHOLE);
        expect(whole.entries).toHaveLength(entries.length);
        expect(outcome(load(file, { pieceChars, maxDocumentChars: 100 }))).toEqual(outcome(whole));
      }),
      { numRuns: 150 },
    );
  });

  test('a generated JSON List (kubectl get -o json) loads the same item by item as whole', () => {
    const entry = fc.record({
      name: fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/),
      host: fc.stringMatching(/^[a-z]{1,8}\.example\.com$/),
      port: fc.integer({ min: 1, max: 65535 }),
      note: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 12 }), fc.constantFrom(2, 4), fc.integer({ min: 1, max: 900 }), (entries, indent, pieceChars) => {
        const items = entries.map((e) => ({
          apiVersion: 'networking.istio.io/v1',
          kind: 'ServiceEntry',
          metadata: { name: e.name, namespace: 'egress', ...(e.note !== undefined ? { annotations: { note: e.note } } : {}) },
          spec: { hosts: [e.host], ports: [{ number: e.port, name: 'p', protocol: 'TCP' }], resolution: 'DNS' },
        }));
        const file = { path: 'export.json', text: `${JSON.stringify({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }, null, indent)}\n` };
        const whole = load(file, WHOLE);
        expect(whole.entries).toHaveLength(entries.length);
        expect(outcome(load(file, { pieceChars, maxDocumentChars: 100 }))).toEqual(outcome(whole));
      }),
      { numRuns: 100 },
    );
  });

  test('a JSON List too large to read whole loses only the item that does not parse', () => {
    const items = ['a', 'b', 'c'].map((name) => ({ apiVersion: 'networking.istio.io/v1', kind: 'ServiceEntry', metadata: { name, namespace: 'egress' }, spec: { hosts: [`${name}.example.com`], ports: [{ number: 443, name: 'p', protocol: 'TCP' }] } }));
    const text = `${JSON.stringify({ apiVersion: 'v1', items, kind: 'List' }, null, 4)}\n`.replace('"b.example.com"', '"b.example.com');
    const cut = load({ path: 'export.json', text }, { pieceChars: 1, maxDocumentChars: 100 });
    expect(names(cut)).toEqual(['a', 'c']);
    expect(cut.diagnostics).toEqual([expect.objectContaining({ code: 'yaml-syntax', message: expect.stringContaining('this item is not analysed') })]);
  });

  test("`items:` of a kind that is no List is not read as manifests, and a repeated `items` is read as its last, located where that one stands", () => {
    const file = fixture('items-of-no-list.yaml');
    for (const limits of [WHOLE, { pieceChars: 1, maxDocumentChars: WHOLE.maxDocumentChars }]) {
      const result = load(file, limits);
      expect(result.entries.map((e) => [e.name, e.location.line, e.hostsLocation.line])).toEqual([['kept', 29, 35]]);
      expect(result.diagnostics).toEqual([]);
    }
  });

  test('a List within the document limit whose item does not parse is lost whole, as a whole read loses it', () => {
    const file = fixture('item-with-a-syntax-error.yaml');
    const cut = load(file, { pieceChars: 1, maxDocumentChars: WHOLE.maxDocumentChars });
    expect(outcome(cut)).toEqual(outcome(load(file, WHOLE)));
    expect(cut.entries).toEqual([]);
    expect(cut.diagnostics).toEqual([expect.objectContaining({ code: 'yaml-syntax', message: expect.stringContaining('this document is not analysed'), location: expect.objectContaining({ line: 22 }) })]);
  });

  test('a List too large to read whole loses only the item that does not parse, reported at its line', () => {
    const cut = load(fixture('item-with-a-syntax-error.yaml'), { pieceChars: 1, maxDocumentChars: 100 });
    expect(names(cut)).toEqual(['mysql-prod', 'mysql-test']);
    expect(cut.entries.map((e) => e.location.line)).toEqual([6, 24]);
    expect(cut.diagnostics).toEqual([expect.objectContaining({ code: 'yaml-syntax', message: expect.stringContaining('this item is not analysed'), location: expect.objectContaining({ line: 22 }) })]);
  });

  test('an alias to an earlier run is resolved by a whole read within the limit; past it, only the aliasing item is lost', () => {
    const file = fixture('alias-across-items.yaml');
    const within = load(file, { pieceChars: 1, maxDocumentChars: WHOLE.maxDocumentChars });
    expect(outcome(within)).toEqual(outcome(load(file, WHOLE)));
    expect(within.entries.map((e) => [e.name, e.ports.map((p) => p.number)])).toEqual([['redis-prod', [6379]], ['redis-test', [6379]]]);
    const past = load(file, { pieceChars: 1, maxDocumentChars: 100 });
    expect(names(past)).toEqual(['redis-prod']);
    expect(past.diagnostics).toEqual([expect.objectContaining({ code: 'yaml-syntax', message: expect.stringContaining('unidentified alias'), location: expect.objectContaining({ line: 25 }) })]);
  });

  test('merges across items draw on the one budget of their document, as in a whole read', () => {
    const labels = Array.from({ length: 300 }, (_, i) => `k${i}: v`).join(', ');
    const item = (i: number) => `- apiVersion: networking.istio.io/v1\n  kind: ServiceEntry\n  metadata:\n    name: merged-${i}\n    labels: {<<: {${labels}}}\n  spec: {hosts: [m${i}.example.com], ports: [{number: 443, name: p, protocol: TCP}]}\n`;
    const file = { path: 'merges.yaml', text: `kind: List\nitems:\n${Array.from({ length: 40 }, (_, i) => item(i)).join('')}` };
    const whole = load(file, WHOLE);
    expect(whole.diagnostics).toEqual([expect.objectContaining({ code: 'yaml-syntax', message: expect.stringContaining('maxTotalMergeKeys') })]);
    expect(outcome(load(file, { pieceChars: 1, maxDocumentChars: WHOLE.maxDocumentChars }))).toEqual(outcome(whole));
  });

  test('items are held to the nesting limit their whole document is held to', () => {
    const item = (levels: number) => `  - apiVersion: networking.istio.io/v1\n    kind: ServiceEntry\n    metadata: {name: deep}\n    spec: {hosts: [a.example.com], ports: [{number: 443, name: p, protocol: TCP}], labels: ${'['.repeat(levels)}${']'.repeat(levels)}}\n`;
    let deepest = 0;
    for (let levels = 50; levels <= 66; levels++) {
      const file = { path: 'deep.yaml', text: `kind: List\nitems:\n${item(1)}${item(levels)}` };
      const whole = load(file, WHOLE);
      expect([levels, outcome(load(file, { pieceChars: 1, maxDocumentChars: WHOLE.maxDocumentChars }))]).toEqual([levels, outcome(whole)]);
      // Too large to read whole, the List loses only the item the whole read finds too deep, with the same words.
      const past = load(file, { pieceChars: 1, maxDocumentChars: 100 });
      if (whole.entries.length === 2) {
        deepest = levels;
        expect(outcome(past)).toEqual(outcome(whole));
      } else {
        expect(past.entries).toHaveLength(1);
        expect(past.diagnostics.map((d) => [d.message.replace('item', 'document'), d.location])).toEqual(whole.diagnostics.map((d) => [d.message, d.location]));
      }
    }
    // The limit is reached within the range tried, so both sides of it were compared.
    expect(deepest).toBeGreaterThan(50);
    expect(deepest).toBeLessThan(66);
  });

  test('a document over the limit that is no List is reported at its first line, and the documents around it are read', () => {
    const entry = (name: string) => `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: ${name}, namespace: egress}\nspec: {hosts: [${name}.example.com], ports: [{number: 443, name: p, protocol: TCP}]}\n`;
    const file = { path: 'mixed.yaml', text: `${entry('before')}---\n${entry('huge')}${'# padding\n'.repeat(20)}---\n${entry('after')}` };
    const result = load(file, { pieceChars: 1, maxDocumentChars: 200 });
    expect(names(result)).toEqual(['before', 'after']);
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'document-too-large', location: { path: 'mixed.yaml', line: 5, column: 1 } })]);
  });

  test('a cluster export of 10,000 entries, cut into many runs, loads the same as read whole, at the same lines', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => `- apiVersion: networking.istio.io/v1\n  kind: ServiceEntry\n  metadata:\n    name: svc-${i}\n    namespace: ns-${i % 50}\n  spec:\n    hosts:\n    - host-${i}.example.com\n    ports:\n    - name: tcp\n      number: ${[443, 3306, 6379][i % 3]}\n      protocol: TCP\n    resolution: DNS\n`);
    const file = { path: 'export.yaml', text: `apiVersion: v1\nitems:\n${items.join('')}kind: List\nmetadata:\n  resourceVersion: ""\n` };
    expect(file.text.length).toBeGreaterThan(8 * PIECE_LIMITS.pieceChars);
    const cut = load(file, { pieceChars: PIECE_LIMITS.pieceChars, maxDocumentChars: 1024 });
    expect(cut.entries).toHaveLength(10_000);
    expect(cut.entries[9_999]!.location.line).toBe(2 + 9_999 * 13 + 1);
    expect(outcome(cut)).toEqual(outcome(load(file, WHOLE)));
  });
});
