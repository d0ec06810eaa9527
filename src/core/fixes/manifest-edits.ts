import { isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { PIECE_LIMITS } from '../load/file-parts.js';
import { filePieces } from '../load/file-pieces.js';
import type { SourceLocation } from '../model.js';

/**
 * Edits one ServiceEntry in its file by splicing text at the positions the
 * parser reports, never by re-serialising: comments, quoting, ordering and
 * indentation of everything else stay byte-for-byte as the author wrote them.
 */
export interface ManifestEdit {
  path: string;
  /** Where the entry's manifest starts: picks the document, whatever parser counted them. */
  at: SourceLocation;
  describe: string;
  /** The splice for the manifest starting at `offset` in `text`, a part of the file `doc` was parsed from (see windowAt). */
  apply: (text: string, doc: Document.Parsed, offset: number) => Splice | undefined;
}

export interface Splice {
  start: number;
  end: number;
  insert: string;
}

/**
 * Applies several edits to one file's text, lowest first so an inserted line
 * never moves a location still to be edited, and says where each edited
 * manifest starts afterwards (edits above it shift it down).
 */
export function applyEdits(text: string, edits: readonly ManifestEdit[]): { text: string; locations: SourceLocation[] } | undefined {
  const order = edits.map((edit, index) => ({ edit, index })).sort((a, b) => b.edit.at.line - a.edit.at.line || b.edit.at.column - a.edit.at.column);
  const shift = new Array<number>(edits.length).fill(0);
  let current = text;
  for (let k = 0; k < order.length; k++) {
    const next = applyEdit(current, order[k]!.edit);
    if (next === undefined) return undefined;
    const added = lineCount(next) - lineCount(current);
    // Every edit applied earlier sits lower in the file and moves by the lines this one added.
    for (let j = 0; j < k; j++) shift[order[j]!.index]! += added;
    current = next;
  }
  return { text: current, locations: edits.map((e, i) => ({ ...e.at, line: e.at.line + shift[i]! })) };
}

function lineCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The plain value of the manifest that starts at `at`: the document, or the item of a `kind: *List` holding it. */
export function manifestValueAt(text: string, at: SourceLocation): unknown {
  const window = windowAt(text, at);
  if (!window || window.doc.errors.length > 0) return undefined;
  const manifest = manifestAt(window.doc, window.offset);
  return manifest?.toJS(window.doc, { maxAliasCount: 100 }) as unknown;
}

export function applyEdit(text: string, edit: ManifestEdit): string | undefined {
  const window = windowAt(text, edit.at);
  if (!window || window.doc.errors.length > 0) return undefined;
  const splice = edit.apply(window.text, window.doc, window.offset);
  if (!splice) return undefined;
  return text.slice(0, window.start + splice.start) + splice.insert + text.slice(window.start + splice.end);
}

/** Whether a manifest starts at `at`: a document (or a List's item) whose root node holds the location. */
export function holdsManifestAt(text: string, at: SourceLocation): boolean {
  return windowAt(text, at) !== undefined;
}

/**
 * The part of a file `yaml` parses to edit the manifest at `at`, and the manifest's offset within it: the piece of
 * the file the loader reads it in (whole documents of about 64 KB at most), or the one item of a List that holds it
 * (file-pieces.ts). `yaml` keeps a node per scalar with its source tokens, so a whole cluster export (one List of
 * 50,000 entries, 16 MB) took it several seconds and most of a GB for each edit and each check of an edit.
 */
interface ManifestWindow {
  start: number;
  text: string;
  doc: Document.Parsed;
  offset: number;
}

function windowAt(text: string, at: SourceLocation): ManifestWindow | undefined {
  const offset = offsetOf(text, at);
  if (offset < 0) return undefined;
  const [start, end] = pieceAround(text, offset);
  const window = start === 0 && end === text.length ? text : text.slice(start, end);
  const docs = parseAllDocuments(window);
  const list = Array.isArray(docs) ? docs : [];
  const doc = list.find((d) => {
    const range = d.contents?.range;
    return range !== undefined && range[0] <= offset - start && offset - start < range[2];
  });
  return doc ? { start, text: window, doc, offset: offset - start } : undefined;
}

/** [start, end) of the piece of the file holding `offset`: its documents, or the List item it falls in. */
function pieceAround(text: string, offset: number): [number, number] {
  for (const piece of filePieces(text, PIECE_LIMITS)) {
    if (offset < piece.start || offset >= piece.end) continue;
    if (piece.kind !== 'list' || offset < piece.itemsStart || offset >= piece.itemsEnd) return [piece.start, piece.end];
    // An alias may name an anchor of another item: such a List is parsed whole, as it always was.
    if (text.slice(piece.start, piece.end).includes('&')) return [piece.start, piece.end];
    const starts = piece.runs.flatMap((run) => run.itemStarts);
    let lo = 0;
    for (let hi = starts.length - 1; lo < hi;) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const end = starts[lo + 1] ?? piece.itemsEnd;
    // A JSON List's item ends at its `}`, before the comma that separates it from the next.
    return [Math.min(starts[lo]!, offset), piece.flow ? text.lastIndexOf('}', end - 1) + 1 : end];
  }
  return [0, text.length];
}

function offsetOf(text: string, at: SourceLocation): number {
  let offset = 0;
  for (let line = 1; line < at.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return -1;
    offset = next + 1;
  }
  return offset + at.column - 1;
}

/**
 * The mapping of the ServiceEntry at `offset`: the document's root, or for a `kind: List` (or any *List) the item
 * of `items` whose range holds it, as kubectl unpacks lists; in a window of a List's items (windowAt), the item
 * holding it.
 */
function manifestAt(doc: Document.Parsed, offset: number): YAMLMap | undefined {
  const root = doc.contents;
  const itemAt = (items: Node) => {
    if (!isSeq(items)) return undefined;
    const item = items.items.find((i) => isMap(i) && i.range !== undefined && i.range !== null && i.range[0] <= offset && offset < i.range[2]);
    return item && isMap(item) ? item : undefined;
  };
  if (isSeq(root)) return itemAt(root);
  if (!isMap(root)) return undefined;
  const kind = valueOf(root, 'kind');
  const items = valueOf(root, 'items');
  if (isScalar(kind) && typeof kind.value === 'string' && kind.value.endsWith('List') && items && isSeq(items)) return itemAt(items);
  return root;
}

/** Sets a port's protocol, replacing the value if present, else adding the key beside `number`. */
export function setPortProtocol(path: string, at: SourceLocation, portNumber: number, protocol: string): ManifestEdit {
  return {
    path,
    at,
    describe: `protocol: ${protocol} on port ${portNumber}`,
    apply: (text, doc, offset) => {
      const port = findPort(manifestAt(doc, offset), portNumber);
      if (!port) return undefined;
      const existing = valueOf(port, 'protocol');
      if (existing && isScalar(existing) && existing.range) return { start: existing.range[0], end: existing.range[1], insert: protocol };
      const numberPair = pairOf(port, 'number');
      if (!numberPair) return undefined;
      return addKey(text, port, numberPair, 'protocol', protocol, 'after');
    },
  };
}

/** Changes a port's number (and nothing else). */
export function setPortNumber(path: string, at: SourceLocation, portNumber: number, newNumber: number): ManifestEdit {
  return {
    path,
    at,
    describe: `port ${portNumber} moved to ${newNumber}`,
    apply: (text, doc, offset) => {
      const value = valueOf(findPort(manifestAt(doc, offset), portNumber), 'number');
      return value?.range ? { start: value.range[0], end: value.range[1], insert: String(newNumber) } : undefined;
    },
  };
}

/** Gives the entry one address: appended to spec.addresses, or a new spec.addresses placed before spec.ports. */
export function addAddress(path: string, at: SourceLocation, address: string): ManifestEdit {
  return {
    path,
    at,
    describe: `spec.addresses: [${address}]`,
    apply: (text, doc, offset) => {
      const spec = specOf(manifestAt(doc, offset));
      if (!spec) return undefined;
      const existing = valueOf(spec, 'addresses');
      if (existing && isSeq(existing) && existing.items.length > 0) return undefined; // a listed address is a deliberate choice: not ours to extend
      const anchor = pairOf(spec, 'ports') ?? pairOf(spec, 'hosts');
      if (!anchor) return undefined;
      if (existing) return replaceValue(text, pairOf(spec, 'addresses')!, [address]);
      return addKey(text, spec, anchor, 'addresses', [address], 'before');
    },
  };
}

/** Sets spec.addresses to exactly these (restoring what a change removed): replaced in place, or added before spec.ports. */
export function setAddresses(path: string, at: SourceLocation, addresses: string[]): ManifestEdit {
  return {
    path,
    at,
    describe: `spec.addresses: ${JSON.stringify(addresses)}`,
    apply: (text, doc, offset) => {
      const spec = specOf(manifestAt(doc, offset));
      if (!spec) return undefined;
      const existing = pairOf(spec, 'addresses');
      if (existing) return replaceValue(text, existing, addresses);
      const anchor = pairOf(spec, 'ports') ?? pairOf(spec, 'hosts');
      return anchor ? addKey(text, spec, anchor, 'addresses', addresses, 'before') : undefined;
    },
  };
}

/** Restricts who sees the entry: sets spec.exportTo. */
export function setExportTo(path: string, at: SourceLocation, namespaces: string[]): ManifestEdit {
  return {
    path,
    at,
    describe: `exportTo: ${JSON.stringify(namespaces)}`,
    apply: (text, doc, offset) => {
      const spec = specOf(manifestAt(doc, offset));
      if (!spec) return undefined;
      const existing = valueOf(spec, 'exportTo');
      if (existing) return replaceValue(text, pairOf(spec, 'exportTo')!, namespaces);
      const anchor = pairOf(spec, 'ports') ?? pairOf(spec, 'hosts');
      return anchor ? addKey(text, spec, anchor, 'exportTo', namespaces, 'before') : undefined;
    },
  };
}

function specOf(manifest: YAMLMap | undefined): YAMLMap | undefined {
  const spec = valueOf(manifest, 'spec');
  return spec && isMap(spec) ? spec : undefined;
}

function findPort(manifest: YAMLMap | undefined, portNumber: number): YAMLMap | undefined {
  const ports = valueOf(specOf(manifest), 'ports');
  if (!ports || !isSeq(ports)) return undefined;
  for (const item of ports.items) {
    if (!isMap(item)) continue;
    const n = valueOf(item, 'number');
    if (n && isScalar(n) && n.value === portNumber) return item;
  }
  return undefined;
}

function pairOf(map: YAMLMap | undefined, key: string): Pair<Node, Node> | undefined {
  return map?.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair<Node, Node> | undefined;
}

function valueOf(map: YAMLMap | undefined, key: string): Node | undefined {
  const v = pairOf(map, key)?.value;
  return v ?? undefined;
}

function renderValue(value: string | string[], flow: boolean, indent: string, eol = '\n', dashIndent = '  '): string {
  if (typeof value === 'string') return value;
  if (flow) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
  return value.map((v) => `${eol}${indent}${dashIndent}- ${JSON.stringify(v)}`).join('');
}

/** The file's own line break: a CRLF file gets CRLF lines, so a suggestion never mixes the two. */
function lineBreakOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** How far the mapping's block sequences indent their dashes past their key (`hosts:\n- a` is zero). */
function dashIndentOf(text: string, map: YAMLMap): string {
  for (const pair of map.items) {
    const seq = pair.value;
    const keyStart = (pair.key as Node | null)?.range?.[0];
    if (!isSeq(seq) || seq.flow || keyStart === undefined || !seq.range) continue;
    const keyColumn = keyStart - text.lastIndexOf('\n', keyStart - 1) - 1;
    const dashColumn = seq.range[0] - text.lastIndexOf('\n', seq.range[0] - 1) - 1;
    if (dashColumn >= keyColumn) return ' '.repeat(dashColumn - keyColumn);
  }
  return '  ';
}

/** Adds `key: value` next to an existing pair of the same mapping, in that mapping's style. */
function addKey(text: string, map: YAMLMap, anchor: Pair<Node, Node>, key: string, value: string | string[], where: 'before' | 'after'): Splice | undefined {
  const keyRange = anchor.key?.range;
  if (!keyRange) return undefined;
  if (map.flow) {
    return { start: keyRange[0], end: keyRange[0], insert: `${key}: ${renderValue(value, true, '')}, ` };
  }
  const column = keyRange[0] - text.lastIndexOf('\n', keyRange[0] - 1) - 1;
  const indent = ' '.repeat(column);
  const eol = lineBreakOf(text);
  const line = `${indent}${key}:${typeof value === 'string' ? ' ' : ''}${renderValue(value, false, indent, eol, dashIndentOf(text, map))}${eol}`;
  if (where === 'before') {
    const lineStart = text.lastIndexOf('\n', keyRange[0] - 1) + 1;
    // `- ports:` style: the key shares its line with a sequence dash; go after the pair instead.
    if (text.slice(lineStart, keyRange[0]).trim() !== '') return addKey(text, map, anchor, key, value, 'after');
    return { start: lineStart, end: lineStart, insert: line };
  }
  const valueEnd = anchor.value?.range?.[1] ?? keyRange[1];
  const nextLine = text.indexOf('\n', valueEnd - 1);
  const at = nextLine < 0 ? text.length : nextLine + 1;
  return { start: at, end: at, insert: nextLine < 0 ? `${eol}${line}` : line };
}

/** Replaces a whole value with a flow sequence: the one form that fits wherever the old value stood. */
function replaceValue(text: string, pair: Pair<Node, Node>, values: string[]): Splice | undefined {
  const node = pair.value;
  const keyEnd = pair.key?.range?.[1];
  if (!node?.range || keyEnd === undefined) return undefined;
  let end = node.range[1];
  // A block sequence's range runs past its last item; keep the line break after it.
  while (end > node.range[0] && /\s/.test(text[end - 1] ?? '')) end--;
  if (isSeq(node) && !node.flow) {
    // Its items sit on lines of their own: rewrite from the key on.
    return { start: keyEnd, end, insert: `: ${renderValue(values, true, '')}` };
  }
  return { start: node.range[0], end, insert: renderValue(values, true, '') };
}
