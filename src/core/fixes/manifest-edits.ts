import { isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
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
  apply: (text: string, doc: Document.Parsed) => Splice | undefined;
}

export interface Splice {
  start: number;
  end: number;
  insert: string;
}

export function applyEdit(text: string, edit: ManifestEdit): string | undefined {
  const doc = documentAt(text, edit.at);
  if (!doc || doc.errors.length > 0) return undefined;
  const splice = edit.apply(text, doc);
  if (!splice) return undefined;
  return text.slice(0, splice.start) + splice.insert + text.slice(splice.end);
}

/** The document whose root node holds the location. */
export function documentAt(text: string, at: SourceLocation): Document.Parsed | undefined {
  let offset = 0;
  for (let line = 1; line < at.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return undefined;
    offset = next + 1;
  }
  offset += at.column - 1;
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [];
  return list.find((d) => {
    const range = d.contents?.range;
    return range !== undefined && range[0] <= offset && offset < range[2];
  });
}

/** Sets a port's protocol, replacing the value if present, else adding the key beside `number`. */
export function setPortProtocol(path: string, at: SourceLocation, portNumber: number, protocol: string): ManifestEdit {
  return {
    path,
    at,
    describe: `protocol: ${protocol} on port ${portNumber}`,
    apply: (text, doc) => {
      const port = findPort(doc, portNumber);
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
    apply: (_text, doc) => {
      const value = valueOf(findPort(doc, portNumber), 'number');
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
    apply: (text, doc) => {
      const spec = specOf(doc);
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

/** Restricts who sees the entry: sets spec.exportTo. */
export function setExportTo(path: string, at: SourceLocation, namespaces: string[]): ManifestEdit {
  return {
    path,
    at,
    describe: `exportTo: ${JSON.stringify(namespaces)}`,
    apply: (text, doc) => {
      const spec = specOf(doc);
      if (!spec) return undefined;
      const existing = valueOf(spec, 'exportTo');
      if (existing) return replaceValue(text, pairOf(spec, 'exportTo')!, namespaces);
      const anchor = pairOf(spec, 'ports') ?? pairOf(spec, 'hosts');
      return anchor ? addKey(text, spec, anchor, 'exportTo', namespaces, 'before') : undefined;
    },
  };
}

function specOf(doc: Document.Parsed): YAMLMap | undefined {
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  const spec = valueOf(root, 'spec');
  return spec && isMap(spec) ? spec : undefined;
}

function findPort(doc: Document.Parsed, portNumber: number): YAMLMap | undefined {
  const ports = valueOf(specOf(doc), 'ports');
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

function renderValue(value: string | string[], flow: boolean, indent: string): string {
  if (typeof value === 'string') return value;
  if (flow) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
  return value.map((v) => `\n${indent}  - ${JSON.stringify(v)}`).join('');
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
  const line = `${indent}${key}:${typeof value === 'string' ? ' ' : ''}${renderValue(value, false, indent)}\n`;
  if (where === 'before') {
    const lineStart = text.lastIndexOf('\n', keyRange[0] - 1) + 1;
    // `- ports:` style: the key shares its line with a sequence dash; go after the pair instead.
    if (text.slice(lineStart, keyRange[0]).trim() !== '') return addKey(text, map, anchor, key, value, 'after');
    return { start: lineStart, end: lineStart, insert: line };
  }
  const valueEnd = anchor.value?.range?.[1] ?? keyRange[1];
  const nextLine = text.indexOf('\n', valueEnd - 1);
  const at = nextLine < 0 ? text.length : nextLine + 1;
  return { start: at, end: at, insert: nextLine < 0 ? `\n${line}` : line };
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
