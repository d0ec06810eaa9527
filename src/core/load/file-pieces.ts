/**
 * A large file cut into pieces that are read one at a time, so what a read builds besides the values (js-yaml's
 * events, the positions) lives for one piece, never for the whole file: a cluster's export
 * (`kubectl get serviceentries -A -o yaml`) is one List document of tens of MB, which read whole held about
 * twenty times its size in memory. Cuts are made only where YAML itself ends something, and found by one
 * forward pass over the lines, so a hostile file costs linear time:
 *   - at a `---` line, which starts a document whatever came before it;
 *   - between the items of a List's block sequence (`items:` at the document's left edge, each item a `-` at
 *     one column, everything else of the item deeper), or of a JSON List as kubectl prints it (`-o json`). The
 *     loader checks each such cut before trusting it (see planParts in file-parts.ts).
 */

export interface ItemRun {
  start: number;
  end: number;
  /** Where each item of the List in this run starts (its `-` line); the first may follow comments from `start` on. */
  itemStarts: number[];
}

export type FilePiece =
  /** Whole documents, read together. */
  | { kind: 'documents'; start: number; end: number }
  /**
   * One List document whose items are read in runs; the rest of it (its frame) lies outside [itemsStart, itemsEnd).
   * `flow`: the List is JSON (`kubectl get -o json`), its items `{ … }` separated by commas.
   */
  | { kind: 'list'; start: number; end: number; itemsStart: number; itemsEnd: number; runs: ItemRun[]; flow: boolean }
  /** One document over the document limit that is not a List of block items. */
  | { kind: 'too-large'; start: number; end: number };

export interface PieceLimits {
  /** Text per piece: documents are grouped, and a List's items run, up to about this much. */
  pieceChars: number;
  /** The most text one document may hold when it has to be read whole. */
  maxDocumentChars: number;
}

/** The pieces of a file's text, in order, covering all of it. A file of no more than `pieceChars` is one piece. */
export function filePieces(text: string, limits: PieceLimits): FilePiece[] {
  if (text.length <= limits.pieceChars) return [{ kind: 'documents', start: 0, end: text.length }];
  const pieces: FilePiece[] = [];
  let group: { start: number; end: number } | undefined;
  const flush = () => {
    if (group) pieces.push({ kind: 'documents', ...group });
    group = undefined;
  };
  for (const [start, end] of documentsAtDashes(text)) {
    if (end - start <= limits.pieceChars) {
      if (group && end - group.start > limits.pieceChars) flush();
      if (group) group.end = end;
      else group = { start, end };
      continue;
    }
    flush();
    const list = listItems(text, start, end, limits.pieceChars) ?? jsonListItems(text, start, end, limits.pieceChars);
    if (list) pieces.push(list);
    else pieces.push({ kind: end - start > limits.maxDocumentChars ? 'too-large' : 'documents', start, end });
  }
  flush();
  return pieces;
}

/** [start, end) of each document, cut only where a line starts with `---` (a `...` end marker stays inside). */
function documentsAtDashes(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (let i = text.indexOf('\n---'); i >= 0; i = text.indexOf('\n---', i + 1)) {
    const after = text.charCodeAt(i + 4);
    if (!(Number.isNaN(after) || isBlankOrBreak(after))) continue;
    spans.push([start, i + 1]);
    start = i + 1;
  }
  spans.push([start, text.length]);
  return spans;
}

/**
 * The List items of the document [start, end), if it holds `items:` once at its left edge with a block sequence
 * under it; undefined for anything else (a flow sequence, a second `items:`, tabs where indentation is read).
 */
function listItems(text: string, start: number, end: number, runChars: number): FilePiece | undefined {
  let itemsStart = -1;
  for (const at of linesStartingWith(text, 'items:', start, end)) {
    const lineEnd = lineEndOf(text, at, end);
    if (!isBlankToLineEnd(text, at + 6, lineEnd)) continue;
    if (itemsStart >= 0) return undefined; // a repeated key: the last one wins in YAML, and this is no place to decide
    itemsStart = Math.min(lineEnd + 1, end);
  }
  if (itemsStart < 0) return undefined;
  let column = -1;
  let itemsEnd = end;
  const itemStarts: number[] = [];
  for (let at = itemsStart; at < end;) {
    const lineEnd = lineEndOf(text, at, end);
    const next = Math.min(lineEnd + 1, end);
    let indent = 0;
    while (at + indent < lineEnd && text.charCodeAt(at + indent) === 0x20) indent++;
    const first = at + indent < lineEnd ? text.charCodeAt(at + indent) : 0x0a;
    if (first === 0x0a || first === 0x0d || first === 0x23 /* # */) {
      at = next; // blank or comment
      continue;
    }
    const opensItem = first === 0x2d /* - */ && (at + indent + 1 >= lineEnd || isBlankOrBreak(text.charCodeAt(at + indent + 1)));
    if (column < 0) {
      if (!opensItem) return undefined;
      column = indent;
    }
    if (indent <= column) {
      if (first === 0x09) return undefined; // a tab where the column is read
      if (indent < column || !opensItem) {
        itemsEnd = at;
        break;
      }
      itemStarts.push(at);
    }
    at = next;
  }
  if (itemStarts.length === 0) return undefined;
  return { kind: 'list', start, end, itemsStart, itemsEnd, runs: runsOf(itemStarts, itemsStart, itemsEnd, runChars), flow: false };
}

/**
 * The items of a JSON List document [start, end) as kubectl prints it: one `"items": [` line, then each item a `{`
 * line and a `}` (or `},`) line at one column with the item's lines deeper, up to a `]` line less indented. JSON
 * strings hold no line break, so every line is read where it stands. Undefined for anything else.
 */
function jsonListItems(text: string, start: number, end: number, runChars: number): FilePiece | undefined {
  let itemsStart = -1;
  // Searched within the document only: a search to the file's end from each large document would cost their product.
  const doc = text.slice(start, end);
  for (let found = doc.indexOf('"items": ['); found >= 0; found = doc.indexOf('"items": [', found + 1)) {
    const at = start + found;
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const lineEnd = lineEndOf(text, at, end);
    if (text.slice(lineStart, lineEnd).trim() !== '"items": [') continue;
    if (itemsStart >= 0) return undefined; // a list in a list, or a repeated key: read whole
    itemsStart = Math.min(lineEnd + 1, end);
  }
  if (itemsStart < 0) return undefined;
  let column = -1;
  let itemsEnd = -1;
  const itemStarts: number[] = [];
  for (let at = itemsStart; at < end;) {
    const lineEnd = lineEndOf(text, at, end);
    const next = Math.min(lineEnd + 1, end);
    const line = text.slice(at, lineEnd);
    const content = line.trim();
    if (content === '') {
      at = next;
      continue;
    }
    const indent = line.length - line.trimStart().length;
    if (line.slice(0, indent).includes('\t')) return undefined;
    if (column < 0) {
      if (content !== '{') return undefined;
      column = indent;
    }
    if (indent < column) {
      if (content !== ']' && content !== '],') return undefined;
      itemsEnd = at;
      break;
    }
    if (indent === column) {
      if (content === '{') itemStarts.push(at);
      else if (content !== '}' && content !== '},') return undefined;
    }
    at = next;
  }
  if (itemsEnd < 0 || itemStarts.length === 0) return undefined;
  return { kind: 'list', start, end, itemsStart, itemsEnd, runs: runsOf(itemStarts, itemsStart, itemsEnd, runChars), flow: true };
}

/** The items cut into runs of about `runChars`, covering [itemsStart, itemsEnd). */
function runsOf(itemStarts: readonly number[], itemsStart: number, itemsEnd: number, runChars: number): ItemRun[] {
  const runs: ItemRun[] = [];
  let run: ItemRun = { start: itemsStart, end: itemsStart, itemStarts: [] };
  for (const at of itemStarts) {
    if (run.itemStarts.length > 0 && at - run.start >= runChars) {
      run.end = at;
      runs.push(run);
      run = { start: at, end: at, itemStarts: [] };
    }
    run.itemStarts.push(at);
  }
  run.end = itemsEnd;
  runs.push(run);
  return runs;
}

/** Where each line of [start, end) that starts with `prefix` starts. */
function* linesStartingWith(text: string, prefix: string, start: number, end: number): Generator<number> {
  if (text.startsWith(prefix, start)) yield start;
  const needle = `\n${prefix}`;
  // Searched within [start, end) only: a search to the file's end from each large document would cost their product.
  const part = text.slice(start, end);
  for (let i = part.indexOf(needle); i >= 0 && i + 1 < part.length; i = part.indexOf(needle, i + 1)) yield start + i + 1;
}

/** Where the line starting at `at` ends (its `\n`, or `end`). */
function lineEndOf(text: string, at: number, end: number): number {
  const newline = text.indexOf('\n', at);
  return newline < 0 || newline > end ? end : newline;
}

/** Only blanks, or a comment after a blank, from `at` to the line's end. */
function isBlankToLineEnd(text: string, at: number, end: number): boolean {
  for (let i = at; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x23) return i > at;
    if (!isBlankOrBreak(c)) return false;
  }
  return true;
}

function isBlankOrBreak(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}
