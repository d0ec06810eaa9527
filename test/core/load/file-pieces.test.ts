import fc from 'fast-check';
import { filePieces, type FilePiece, type PieceLimits } from '../../../src/core/load/file-pieces.js';

const SMALL: PieceLimits = { pieceChars: 1, maxDocumentChars: 1_000 };

function shapes(text: string, limits: PieceLimits = SMALL): string[] {
  return filePieces(text, limits).map((p) => (p.kind === 'list' ? `list ${p.runs.map((r) => r.itemStarts.length).join('+')}` : p.kind));
}

/** Every piece follows the one before it, and a List's runs cover its items and hold their starts. */
function expectCovering(text: string, pieces: FilePiece[]): void {
  let at = 0;
  for (const piece of pieces) {
    expect(piece.start).toBe(at);
    if (text.length > 0) expect(piece.end).toBeGreaterThan(piece.start);
    at = piece.end;
    if (piece.kind !== 'list') continue;
    let inside = piece.itemsStart;
    for (const run of piece.runs) {
      expect(run.start).toBe(inside);
      expect(run.itemStarts.length).toBeGreaterThan(0);
      for (const start of run.itemStarts) {
        expect(start).toBeGreaterThanOrEqual(run.start);
        expect(start).toBeLessThan(run.end);
        expect(text.slice(start).trimStart()[0]).toBe(piece.flow ? '{' : '-');
      }
      inside = run.end;
    }
    expect(inside).toBe(piece.itemsEnd);
  }
  expect(at).toBe(text.length);
}

describe('cutting a file into pieces', () => {
  test('a file no longer than a piece is one piece, whatever it holds', () => {
    const text = 'kind: List\nitems:\n- a: 1\n---\nb: 2\n';
    expect(filePieces(text, { pieceChars: text.length, maxDocumentChars: 1 })).toEqual([{ kind: 'documents', start: 0, end: text.length }]);
  });

  test('documents are cut only where a line starts with `---` and a blank or the line end', () => {
    const text = 'a: 1\n---\nb: |\n  ---\n  text\n--- # comment\nc: 3\n...\nd: 4\n---x: not a marker\n';
    const pieces = filePieces(text, SMALL);
    expectCovering(text, pieces);
    expect(pieces.map((p) => text.slice(p.start, p.end))).toEqual(['a: 1\n', '---\nb: |\n  ---\n  text\n', '--- # comment\nc: 3\n...\nd: 4\n---x: not a marker\n']);
  });

  test('small documents are read together, up to about a piece', () => {
    const text = Array.from({ length: 10 }, (_, i) => `---\nname: d${i}\n`).join('');
    const pieces = filePieces(text, { pieceChars: 40, maxDocumentChars: 1_000 });
    expectCovering(text, pieces);
    expect(pieces.map((p) => text.slice(p.start, p.end).split('---').length - 1)).toEqual([3, 3, 3, 1]);
  });

  test("a List's items are cut at their dashes, at the left edge or indented, with `items` before or after `kind`", () => {
    const atEdge = 'apiVersion: v1\nitems:\n- a: 1\n  b: [x,\n    y]\n# between\n-\n  a: 2\n- |\n  - not an item\nkind: List\n';
    const indented = 'kind: List\nitems:   # the export\n\n  - a: 1\n    b:\n    - deeper\n  - a: 2\n';
    for (const text of [atEdge, indented]) {
      const pieces = filePieces(text, SMALL);
      expectCovering(text, pieces);
      expect(pieces).toHaveLength(1);
    }
    expect(shapes(atEdge)).toEqual(['list 1+1+1']);
    const [list] = filePieces(atEdge, SMALL) as Array<Extract<FilePiece, { kind: 'list' }>>;
    expect(atEdge.slice(list!.start, list!.itemsStart) + atEdge.slice(list!.itemsEnd)).toBe('apiVersion: v1\nitems:\nkind: List\n');
    expect(shapes(indented)).toEqual(['list 1+1']);
    expect(shapes(indented, { pieceChars: 40, maxDocumentChars: 1_000 })).toEqual(['list 2']);
  });

  test('a JSON List as kubectl prints it is cut between its items, and the frame left is the List with no items', () => {
    const items = [{ a: 1, b: { c: [1, 2] } }, { a: '},\n]' }, { a: 3 }];
    const text = `${JSON.stringify({ apiVersion: 'v1', items, kind: 'List' }, null, 4)}\n`;
    const pieces = filePieces(text, SMALL);
    expectCovering(text, pieces);
    expect(shapes(text)).toEqual(['list 1+1+1']);
    const [list] = pieces as Array<Extract<FilePiece, { kind: 'list' }>>;
    expect(list!.flow).toBe(true);
    expect(JSON.parse(text.slice(list!.start, list!.itemsStart) + text.slice(list!.itemsEnd))).toEqual({ apiVersion: 'v1', items: [], kind: 'List' });
    expect(shapes(text, { pieceChars: 1_000, maxDocumentChars: 1_000 })).toEqual(['documents']);
  });

  test('JSON that is not laid out as kubectl prints a List is not cut', () => {
    const list = (items: unknown[]) => ({ apiVersion: 'v1', items, kind: 'List' });
    const notCut = [
      JSON.stringify(list([{ a: 1 }, { a: 2 }])),
      JSON.stringify(list([]), null, 4),
      JSON.stringify(list([{ a: 1 }, list([{ b: 2 }])]), null, 4),
      JSON.stringify(list([[1], [2]]), null, 4),
      JSON.stringify(list([{ a: 1 }]), null, 4).replace('        {', '\t{'),
    ];
    for (const text of notCut) expect([text, shapes(text)]).toEqual([text, ['documents']]);
  });

  test('a document that is no List of block items is not cut: read whole within the limit, too large past it', () => {
    const notCut = [
      'kind: List\nitems: [{a: 1}, {a: 2}]\n',
      'kind: List\nitems: &all\n- a: 1\n',
      'kind: List\nitems:\n- a: 1\nitems:\n- a: 2\n',
      'kind: List\nitems:\n  a: 1\n',
      'kind: List\nitems:\n- a: 1\n\t- a: 2\n',
      'kind: List\n  items:\n  - a: 1\n',
      'kind: List\nitems:#\n- a: 1\n',
      'kind: ServiceEntry\nspec:\n  hosts:\n  - a.example.com\n',
    ];
    for (const text of notCut) {
      expect(shapes(text)).toEqual(['documents']);
      expect(shapes(text, { pieceChars: 1, maxDocumentChars: 10 })).toEqual(['too-large']);
    }
  });

  test('the pieces always cover the file in order, whatever its lines', () => {
    const line = fc.constantFrom('---', '--- a', '...', 'items:', 'items: []', 'kind: List', '- a: 1', '  - b: 2', '-', '  c: 3', '# c', '\t- x', '', ' ', '\r', 'x: |', '    - y');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.integer({ min: 1, max: 60 }), fc.boolean(), (lines, pieceChars, crlf) => {
        const text = lines.join(crlf ? '\r\n' : '\n');
        expectCovering(text, filePieces(text, { pieceChars, maxDocumentChars: 30 }));
      }),
      { numRuns: 500 },
    );
  });
});
