import { addAddress, applyEdit, manifestValueAt, setExportTo, setPortProtocol, type ManifestEdit } from '../../../src/core/fixes/manifest-edits.js';
import { PIECE_LIMITS } from '../../../src/core/load/load-sources.js';
import type { SourceLocation } from '../../../src/core/model.js';

/**
 * An edit in a large file parses only the piece around its manifest (windowAt). The oracle is the same edit in a
 * file holding only that manifest, small enough to be parsed whole as before: the large file must come out as it
 * was, with that manifest replaced by the small file's edited one.
 */
const item = (i: number, column: string) => [
  `- apiVersion: networking.istio.io/v1`,
  `  kind: ServiceEntry`,
  `  metadata:`,
  `    name: svc-${i}`,
  `    namespace: ns-${i % 7}`,
  `  spec:`,
  `    hosts:`,
  `    - host-${i}.example.com # owned by team ${i % 5}`,
  `    ports:`,
  `    - name: tcp-${i}`,
  `      number: ${[443, 3306, 6379][i % 3]}`,
  `      protocol: TCP`,
  `    resolution: DNS`,
].map((line) => `${column}${line}\n`).join('');

const document = (i: number) => item(i, '').replace(/^- /, '').replace(/^ {2}/gm, '');

const HEAD = 'apiVersion: v1\nitems:\n';
const TAIL = 'kind: List\nmetadata:\n  resourceVersion: ""\n';
const list = (items: string[]) => `${HEAD}${items.join('')}${TAIL}`;
const port = (i: number) => [443, 3306, 6379][i % 3]!;

const edits: Array<[string, (at: SourceLocation, k: number) => ManifestEdit]> = [
  ['a protocol', (at, k) => setPortProtocol(at.path, at, port(k), 'TLS')],
  ['an address', (at) => addAddress(at.path, at, '240.240.0.7')],
  ['exportTo', (at) => setExportTo(at.path, at, ['.'])],
];

/** The file's line and column where `needle` starts, pointing past a `- ` as the loader's locations do. */
function locate(text: string, needle: string, path: string): SourceLocation {
  const offset = text.indexOf(needle);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const dash = /^ *- /.exec(text.slice(lineStart, lineStart + 80))?.[0].length ?? 0;
  return { path, line, column: Math.max(dash, offset - lineStart) + 1 };
}

describe('an edit in a file larger than a piece', () => {
  const count = 3_000;

  test.each(['', '  '])('edits one item of a List (items at column %j) as a file of that item alone is edited', (column) => {
    const items = Array.from({ length: count }, (_, i) => item(i, column));
    const text = list(items);
    expect(text.length).toBeGreaterThan(8 * PIECE_LIMITS.pieceChars);
    for (const k of [0, 1_517, count - 1]) {
      const alone = list([items[k]!]);
      const atIn = (source: string) => locate(source, `${column}- apiVersion: networking.istio.io/v1\n${column}  kind: ServiceEntry\n${column}  metadata:\n${column}    name: svc-${k}\n`, 'x.yaml');
      for (const [what, edit] of edits) {
        const editedAlone = applyEdit(alone, edit(atIn(alone), k));
        expect([what, k, editedAlone === undefined]).toEqual([what, k, false]);
        const editedItem = editedAlone!.slice(HEAD.length, editedAlone!.length - TAIL.length);
        expect([what, k, applyEdit(text, edit(atIn(text), k))]).toEqual([what, k, list([...items.slice(0, k), editedItem, ...items.slice(k + 1)])]);
      }
      expect(manifestValueAt(text, atIn(text))).toEqual(manifestValueAt(alone, atIn(alone)));
    }
  });

  test('edits one document of a long stream as a file of that document alone is edited', () => {
    const docs = Array.from({ length: count }, (_, i) => document(i));
    const text = docs.join('---\n');
    expect(text.length).toBeGreaterThan(8 * PIECE_LIMITS.pieceChars);
    for (const k of [0, 1_404, count - 1]) {
      const at = locate(text, `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: svc-${k}\n`, 'x.yaml');
      const edited = applyEdit(text, setPortProtocol('x.yaml', at, port(k), 'TLS'));
      const alone = applyEdit(docs[k]!, setPortProtocol('x.yaml', { ...at, line: 1 }, port(k), 'TLS'))!;
      expect(edited).toBe([...docs.slice(0, k), alone, ...docs.slice(k + 1)].join('---\n'));
    }
  });

  test('edits one item of a JSON List as a JSON List of that item alone is edited', () => {
    const entries = Array.from({ length: count }, (_, i) => ({ apiVersion: 'networking.istio.io/v1', kind: 'ServiceEntry', metadata: { name: `svc-${i}`, namespace: 'ns' }, spec: { hosts: [`host-${i}.example.com`], ports: [{ name: 'tcp', number: port(i), protocol: 'TCP' }] } }));
    const json = (items: unknown[]) => `${JSON.stringify({ apiVersion: 'v1', items, kind: 'List' }, null, 4)}\n`;
    const text = json(entries);
    expect(text.length).toBeGreaterThan(8 * PIECE_LIMITS.pieceChars);
    const itemText = (source: string) => source.slice(source.indexOf('    "items": [\n') + 15, source.lastIndexOf('\n    ],'));
    for (const k of [0, 1_212, count - 1]) {
      const alone = json([entries[k]]);
      const atIn = (source: string) => locate(source, `"apiVersion": "networking.istio.io/v1",\n            "kind": "ServiceEntry",\n            "metadata": {\n                "name": "svc-${k}"`, 'x.yaml');
      for (const [what, edit] of edits) {
        const editedAlone = applyEdit(alone, edit(atIn(alone), k))!;
        expect([what, k, editedAlone === undefined]).toEqual([what, k, false]);
        const before = itemText(json(entries.slice(0, k + 1)));
        const edited = before.slice(0, before.length - itemText(alone).length) + itemText(editedAlone);
        expect([what, k, applyEdit(text, edit(atIn(text), k))]).toEqual([what, k, text.replace(before, edited)]);
      }
    }
  });

  test('an item whose alias names an anchor of another item is edited with its whole List parsed', () => {
    const items = Array.from({ length: count }, (_, i) => item(i, ''));
    items[3] = items[3]!.replace('    ports:\n', '    ports: &shared\n');
    items[900] = items[900]!.replace(/ {4}ports:\n(?: {4}- name.*\n| {6}.*\n)+/, '    ports: *shared\n');
    const text = list(items);
    const at = locate(text, '- apiVersion: networking.istio.io/v1\n  kind: ServiceEntry\n  metadata:\n    name: svc-900\n', 'x.yaml');
    expect(manifestValueAt(text, at)).toMatchObject({ metadata: { name: 'svc-900' }, spec: { ports: [{ number: 443, name: 'tcp-3' }] } });
  });
});
