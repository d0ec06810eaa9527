/**
 * Rendered output points back at the file and line a reviewer edits. Each
 * rendered ServiceEntry/Sidecar becomes its own SourceFile named after its
 * source file, its text shifted down with blank lines so that its lines land
 * on the source lines they came from: the document's start on the source
 * document's start, then every rendered line that also appears (trimmed) in
 * the source document on that line, in order. Lines kustomize changed (a
 * patched port, a prefixed name) keep the nearest line above them.
 * A source file is indexed once (its lines, and its documents by kind and
 * name), so mapping many entries of one file costs linear time, not a scan
 * of the whole file per entry.
 */
import { isMap, isScalar, parseAllDocuments, type Document } from 'yaml';
import type { SourceFile } from '../../core/model.js';
import { declaredAnalysedKind, documentSpans } from '../../core/load/templates.js';
import { parseYamlDocuments } from '../../core/load/yaml-documents.js';

export const ORIGIN_ANNOTATION = 'config.kubernetes.io/origin';
const ANALYSED_KINDS = new Set(['ServiceEntry', 'Sidecar']);

export interface RenderedDocument {
  kind: string;
  name: string;
  /** The document as YAML, without the annotations only the renderer added. */
  text: string;
  /** For kustomize: the origin annotation's `path`, relative to the root. */
  originPath: string | undefined;
  /** For helm: the `# Source:` comment. */
  sourceComment: string | undefined;
}

/** The ServiceEntry and Sidecar documents of a renderer's output (other kinds are not ours to carry). */
export function analysedDocuments(output: string): RenderedDocument[] {
  const out: RenderedDocument[] = [];
  // Only documents that say they are ours are parsed with the (slower) editing parser: a render is
  // mostly Deployments and Services.
  const ours = documentSpans(output).map((s) => output.slice(s.start, s.end)).filter((d) => declaredAnalysedKind(d) !== undefined);
  if (ours.length === 0) return out;
  const text = ours.map((d) => (d.startsWith('---') ? d : `---\n${d}`)).map((d) => (d.endsWith('\n') ? d : `${d}\n`)).join('');
  for (const doc of parseAllDocuments(text, { uniqueKeys: false })) {
    if (!(doc as Document).contents || !isMap((doc as Document).contents)) continue;
    const d = doc as Document;
    const kind = scalar(d.get('kind'));
    if (!kind || !ANALYSED_KINDS.has(kind)) continue;
    const origin = scalar(d.getIn(['metadata', 'annotations', ORIGIN_ANNOTATION]));
    if (origin !== undefined) {
      d.deleteIn(['metadata', 'annotations', ORIGIN_ANNOTATION]);
      const annotations = d.getIn(['metadata', 'annotations']);
      if (isMap(annotations) && annotations.items.length === 0) d.deleteIn(['metadata', 'annotations']);
    }
    // After `---`, helm's `# Source:` comment belongs to the document or to its first node, by parser whim.
    const contents = d.contents as { commentBefore?: string | null };
    const comment = `${d.commentBefore ?? ''}\n${contents.commentBefore ?? ''}`;
    const source = /(?:^|\n)\s*Source:\s*(\S+)/.exec(comment)?.[1];
    d.commentBefore = null;
    contents.commentBefore = null;
    out.push({
      kind, name: scalar(d.getIn(['metadata', 'name'])) ?? '', text: d.toString({ lineWidth: 0 }).replace(/^---[ \t]*\n/, ''),
      originPath: origin === undefined ? undefined : /(?:^|\n)path:\s*(\S+)/.exec(origin)?.[1], sourceComment: source,
    });
  }
  return out;
}

/**
 * The ServiceEntry and Sidecar documents of a kustomize build. kustomize
 * writes every object in one canonical style (top-level keys at column 0,
 * two-space indentation, `metadata.name` on its own line, the origin
 * annotation as a block scalar), so kind, name and origin are read from
 * those lines and the origin annotation is cut out as lines: the loader then
 * parses each entry once, as it parses any file. A document not in that
 * style is parsed with the loader's parser; one that fails even that takes
 * the general path above.
 */
export function kustomizeDocuments(output: string): RenderedDocument[] {
  const out: RenderedDocument[] = [];
  for (const span of documentSpans(output)) {
    const raw = output.slice(span.start, span.end);
    if (declaredAnalysedKind(raw) === undefined) continue;
    const text = raw.replace(/^---[ \t]*\r?\n/, '');
    const lines = text.split('\n');
    const header = canonicalHeader(lines) ?? parsedHeader(text, lines);
    if (header === undefined) {
      out.push(...analysedDocuments(raw));
      continue;
    }
    if (!ANALYSED_KINDS.has(header.kind)) continue;
    if (header.origin) lines.splice(header.origin.from, header.origin.to - header.origin.from);
    out.push({ kind: header.kind, name: header.name, text: header.origin ? lines.join('\n') : text, originPath: header.origin?.path, sourceComment: undefined });
  }
  return out;
}

interface Header {
  kind: string;
  name: string;
  /** The origin annotation's lines [from, to) (with `annotations:` when it held nothing else), and its path. */
  origin?: { from: number; to: number; path: string | undefined };
}

const ORIGIN_KEY_LINE = `    ${ORIGIN_ANNOTATION}: |`;

/** kind, name and origin read from kustomize's canonical lines; undefined when the document is not in that style. */
function canonicalHeader(lines: readonly string[]): Header | undefined {
  let kind: string | undefined;
  let metadata = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.startsWith('kind:')) kind = plainScalar(l.slice(5));
    else if (l === 'metadata:') metadata = i;
  }
  if (kind === undefined || metadata < 0) return undefined;
  let name: string | undefined;
  let annotations = -1;
  let metadataEnd = lines.length;
  for (let i = metadata + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l === '') continue;
    if (indentOf(l) === 0) {
      metadataEnd = i;
      break;
    }
    if (l.startsWith('  name:')) name = plainScalar(l.slice(7));
    else if (l === '  annotations:') annotations = i;
  }
  if (name === undefined) return undefined;
  const anywhere = lines.some((l) => l.includes(ORIGIN_ANNOTATION));
  if (!anywhere) return { kind, name };
  if (annotations < 0) return undefined;
  let key = -1;
  let keys = 0;
  let annotationsEnd = metadataEnd;
  for (let i = annotations + 1; i < metadataEnd; i++) {
    const l = lines[i]!;
    if (l !== '' && indentOf(l) <= 2) {
      annotationsEnd = i;
      break;
    }
    if (indentOf(l) === 4) {
      keys++;
      if (l === ORIGIN_KEY_LINE) key = i;
    }
  }
  if (key < 0) return undefined;
  let end = key + 1;
  let path: string | undefined;
  while (end < annotationsEnd && lines[end] !== '' && indentOf(lines[end]!) > 4) {
    if (lines[end]!.startsWith('      path:')) path = plainScalar(lines[end]!.slice(11));
    end++;
  }
  if (path === undefined) return undefined;
  return { kind, name, origin: keys === 1 ? { from: annotations, to: end, path } : { from: key, to: end, path } };
}

/** A plain scalar that needs no YAML rules to read (no quotes, no indicators, no spaces); else undefined. */
function plainScalar(raw: string): string | undefined {
  const value = raw.trim();
  return /^[A-Za-z0-9._/~+-][A-Za-z0-9._/~+=@-]*$/.test(value) ? value : undefined;
}

/** The same, from the loader's parser, for a document not in the canonical style. */
function parsedHeader(text: string, lines: readonly string[]): Header | undefined {
  const parsed = parseYamlDocuments(text);
  const value = parsed.documents[0]?.value;
  if (parsed.documents.length !== 1 || parsed.problems.length > 0 || !isRecord(value)) return undefined;
  const kind = value['kind'];
  if (typeof kind !== 'string') return undefined;
  const metadata = isRecord(value['metadata']) ? value['metadata'] : {};
  const name = typeof metadata['name'] === 'string' ? metadata['name'] : '';
  const annotations = isRecord(metadata['annotations']) ? metadata['annotations'] : {};
  const origin = annotations[ORIGIN_ANNOTATION];
  if (origin === undefined) return { kind, name };
  if (typeof origin !== 'string') return undefined;
  const range = originLines(lines, Object.keys(annotations).length === 1);
  if (!range) return undefined;
  const path = /(?:^|\n)path:[ \t]*(\S+)/.exec(origin)?.[1];
  return { kind, name, origin: { ...range, path: path?.replace(/^["']|["']$/g, '') } };
}

/** Where the origin annotation's lines are (and `annotations:` when it held nothing else), in kustomize's indentation. */
function originLines(lines: readonly string[], onlyAnnotation: boolean): { from: number; to: number } | undefined {
  const metadata = lines.indexOf('metadata:');
  if (metadata < 0) return undefined;
  let annotations = -1;
  for (let i = metadata + 1; i < lines.length && indentOf(lines[i]!) >= 2; i++) {
    if (lines[i] === '  annotations:') {
      annotations = i;
      break;
    }
  }
  if (annotations < 0) return undefined;
  let key = -1;
  for (let i = annotations + 1; i < lines.length && indentOf(lines[i]!) >= 4; i++) {
    if (lines[i]!.startsWith(`    ${ORIGIN_ANNOTATION}:`)) {
      key = i;
      break;
    }
  }
  if (key < 0) return undefined;
  let end = key + 1;
  while (end < lines.length && indentOf(lines[end]!) > 4) end++;
  if (!onlyAnnotation) return { from: key, to: end };
  if (key !== annotations + 1 || (end < lines.length && indentOf(lines[end]!) >= 4)) return undefined;
  return { from: annotations, to: end };
}

/** Leading spaces of a line; an empty line counts as not indented. */
function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 0x20) i++;
  return i;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isScalar(value) && typeof value.value === 'string') return value.value;
  return undefined;
}

/**
 * A source file's trimmed lines and its documents by kind and name, built
 * once per file however many rendered entries map into it.
 */
export class SourceIndex {
  readonly lines: string[];
  private readonly documents: Array<{ from: number; kinds: Set<string>; names: string[] }> = [];
  private readonly byKindAndName = new Map<string, number>();
  /** The prefix and suffix a kustomization put on names, learnt from the first name that needed a scan. */
  private affix: { prefix: string; suffix: string } | undefined;

  constructor(text: string) {
    this.lines = text.split(/\r\n|\r|\n/).map((l) => l.trim());
    let current = { from: 0, kinds: new Set<string>(), names: [] as string[] };
    this.documents.push(current);
    this.lines.forEach((l, i) => {
      if (i > 0 && (l === '---' || l.startsWith('--- '))) {
        current = { from: i + 1, kinds: new Set(), names: [] };
        this.documents.push(current);
      } else if (l.startsWith('kind:')) {
        current.kinds.add(l);
      } else if (l.startsWith('name:')) {
        const name = l.slice(5).trim().replace(/^["']|["']$/g, '');
        if (name !== '' && l.slice(5).trim() !== '') current.names.push(name);
      }
    });
    for (const d of this.documents) {
      for (const kind of d.kinds) for (const name of d.names) {
        const key = `${kind}\u0000${name}`;
        if (!this.byKindAndName.has(key)) this.byKindAndName.set(key, d.from);
      }
    }
  }

  /**
   * The 0-based line where the source document holding this object starts:
   * the one of the same kind and name; else, for a name the build changed
   * (a namePrefix or nameSuffix), the one whose name is the longest part of
   * it; else the first of that kind.
   */
  documentStart(kind: string, name: string): number {
    const kindLine = `kind: ${kind}`;
    if (name !== '') {
      const exact = this.byKindAndName.get(`${kindLine}\u0000${name}`);
      if (exact !== undefined) return exact;
      const affix = this.affix;
      if (affix && name.length > affix.prefix.length + affix.suffix.length && name.startsWith(affix.prefix) && name.endsWith(affix.suffix)) {
        const inner = this.byKindAndName.get(`${kindLine}\u0000${name.slice(affix.prefix.length, name.length - affix.suffix.length)}`);
        if (inner !== undefined) return inner;
      }
    }
    let best: { from: number; name: string } | undefined;
    let firstOfKind: number | undefined;
    for (const d of this.documents) {
      if (!d.kinds.has(kindLine)) continue;
      firstOfKind ??= d.from;
      if (name === '') break;
      for (const n of d.names) if (name.includes(n) && (!best || n.length > best.name.length)) best = { from: d.from, name: n };
    }
    if (best) {
      const at = name.indexOf(best.name);
      this.affix = { prefix: name.slice(0, at), suffix: name.slice(at + best.name.length) };
      return best.from;
    }
    return firstOfKind ?? 0;
  }
}

/**
 * The rendered document as a SourceFile at `path`, aligned to its source
 * file (its text, or its index when many documents map into one file) as
 * described above. Without a source the document starts at line 1.
 */
export function alignedToSource(doc: RenderedDocument, path: string, sourceText: SourceIndex | string | undefined): SourceFile {
  const rendered = doc.text.replace(/\n+$/, '').split('\n');
  if (sourceText === undefined) return { path, text: `${rendered.join('\n')}\n` };
  const index = typeof sourceText === 'string' ? new SourceIndex(sourceText) : sourceText;
  const source = index.lines;
  const start = index.documentStart(doc.kind, doc.name);
  const placed: string[] = [];
  let cursor = start; // next free source line (0-based)
  for (let i = 0; i < rendered.length; i++) {
    const line = rendered[i]!;
    const trimmed = line.trim();
    let target = cursor;
    if (i === 0) target = Math.max(cursor, firstContentLine(source, start));
    else if (trimmed !== '') {
      const found = findForward(source, trimmed, cursor, start);
      if (found >= 0) target = found;
    }
    while (placed.length < target) placed.push('');
    placed.push(line);
    cursor = placed.length;
  }
  return { path, text: `${placed.join('\n')}\n` };
}

function firstContentLine(source: readonly string[], from: number): number {
  for (let i = from; i < source.length; i++) if (source[i] !== '' && !source[i]!.startsWith('#')) return i;
  return from;
}

/**
 * The next source line that carries the same content as a rendered line,
 * within the source document and a bounded window. Renderers re-order keys
 * (kustomize sorts them), so a list item (`- …`) is matched to the next list
 * item of the source, the same one if it starts with the same field, else the
 * next in order; other lines match on their content without a leading `- `.
 */
function findForward(source: readonly string[], trimmed: string, from: number, docStart: number): number {
  const limit = Math.min(source.length, from + 200);
  const item = trimmed.startsWith('- ') || trimmed === '-';
  const content = item ? trimmed.slice(1).trim() : trimmed;
  let firstItem = -1;
  for (let i = from; i < limit; i++) {
    const l = source[i]!;
    if (i > docStart && (l === '---' || l.startsWith('--- '))) break;
    const sourceItem = l.startsWith('- ') || l === '-';
    const sourceContent = sourceItem ? l.slice(1).trim() : l;
    if (item) {
      if (!sourceItem) continue;
      if (sourceContent === content) return i;
      if (firstItem < 0) firstItem = i;
    } else if (sourceContent === content) {
      return i;
    }
  }
  return firstItem;
}
