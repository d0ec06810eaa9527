/**
 * Rendered output points back at the file and line a reviewer edits. Each
 * rendered ServiceEntry/Sidecar becomes its own SourceFile named after its
 * source file, its text shifted down with blank lines so that its lines land
 * on the source lines they came from: the document's start on the source
 * document's start, then every rendered line that also appears (trimmed) in
 * the source document on that line, in order. Lines kustomize changed (a
 * patched port, a prefixed name) keep the nearest line above them.
 */
import { isMap, isScalar, parseAllDocuments, type Document } from 'yaml';
import type { SourceFile } from '../../core/model.js';
import { declaredAnalysedKind, documentSpans } from '../../core/load/templates.js';

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

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isScalar(value) && typeof value.value === 'string') return value.value;
  return undefined;
}

/**
 * The rendered document as a SourceFile at `path`, aligned to `sourceText`
 * (the source file's text) as described above. Without a source text the
 * document starts at line 1.
 */
export function alignedToSource(doc: RenderedDocument, path: string, sourceText: string | undefined): SourceFile {
  const rendered = doc.text.replace(/\n+$/, '').split('\n');
  if (sourceText === undefined) return { path, text: `${rendered.join('\n')}\n` };
  const source = sourceText.split(/\r\n|\r|\n/).map((l) => l.trim());
  const start = sourceDocumentStart(source, doc);
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

/** The 0-based line where the source document holding this object starts (its first content line). */
function sourceDocumentStart(source: readonly string[], doc: RenderedDocument): number {
  const starts = [0];
  source.forEach((l, i) => {
    if (i > 0 && (l === '---' || l.startsWith('--- '))) starts.push(i + 1);
  });
  let fallback: number | undefined;
  for (let s = 0; s < starts.length; s++) {
    const from = starts[s]!;
    const to = starts[s + 1] ?? source.length;
    let kind = false;
    let name = false;
    for (let i = from; i < to; i++) {
      const l = source[i]!;
      if (l === `kind: ${doc.kind}`) kind = true;
      if (l.startsWith('name:') && doc.name !== '' && doc.name.includes(l.slice(5).trim().replace(/^["']|["']$/g, '')) && l.slice(5).trim() !== '') name = true;
    }
    if (kind && name) return from;
    if (kind && fallback === undefined) fallback = from;
  }
  return fallback ?? 0;
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
