/**
 * Unrendered templates (Helm/Go `{{ … }}`, ytt `#@`) are not manifests: what
 * their scalars hold is not what a cluster receives, so they are never read as
 * literal values. Every scan here is a single forward pass over the text, so a
 * hostile file (a line of a million `{{`) costs linear time.
 */

/** A document's byte range in its file, split at the `---` / `...` markers. */
export interface DocumentSpan {
  start: number;
  end: number;
}

/**
 * True when a document holds `{{` followed later by `}}`, or a ytt `#@`
 * annotation (a comment that starts with `@`). Callers pass one document's text (not a whole
 * file with offsets), so no search runs past the document it is about.
 */
export function looksLikeTemplate(doc: string): boolean {
  const open = doc.indexOf('{{');
  if (open >= 0 && doc.indexOf('}}', open + 2) >= 0) return true;
  return hasYttAnnotation(doc);
}

/** `#@` starting a YAML comment: at a line start or after a blank (`namespace: #@ data.values.ns`). */
function hasYttAnnotation(doc: string): boolean {
  for (let at = doc.indexOf('#@'); at >= 0; at = doc.indexOf('#@', at + 2)) {
    const before = at === 0 ? '\n' : doc[at - 1];
    if (before === '\n' || before === ' ' || before === '\t' || before === '\r') return true;
  }
  return false;
}

/** Quick check before splitting: whether any template marker is in the file at all. */
export function mayHoldTemplates(text: string): boolean {
  return text.includes('{{') || text.includes('#@');
}

/**
 * The documents of a stream, split where a line starts with `---` or `...`
 * (followed by a blank or the line end), without a regular expression.
 */
export function documentSpans(text: string): DocumentSpan[] {
  const spans: DocumentSpan[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (isMarkerAt(text, i + 1)) {
      spans.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  spans.push({ start, end: text.length });
  return spans;
}

function isMarkerAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c !== 0x2d && c !== 0x2e) return false; // '-' or '.'
  if (text.charCodeAt(at + 1) !== c || text.charCodeAt(at + 2) !== c) return false;
  const after = text.charCodeAt(at + 3);
  return Number.isNaN(after) || after === 0x20 || after === 0x09 || after === 0x0d || after === 0x0a;
}

/** Which analysed kind a document declares (`kind: ServiceEntry` anywhere in it, a List's items included), if any. */
export function declaredAnalysedKind(doc: string): 'ServiceEntry' | 'Sidecar' | undefined {
  for (const kind of ['ServiceEntry', 'Sidecar'] as const) {
    let at = doc.indexOf(kind);
    while (at >= 0) {
      if (isKindValue(doc, at, kind.length)) return kind;
      at = doc.indexOf(kind, at + kind.length);
    }
  }
  return undefined;
}

/** `kind:` then optional blanks/quote, then the word, then a quote, blank, comment or line end. */
function isKindValue(text: string, at: number, length: number): boolean {
  let i = at - 1;
  if (i >= 0 && (text[i] === '"' || text[i] === "'")) i--;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i < 4 || text.slice(i - 4, i + 1) !== 'kind:') return false;
  const after = text[at + length];
  return after === undefined || after === '"' || after === "'" || after === ' ' || after === '\t' || after === '\r' || after === '\n';
}

/** The text with the given spans blanked (every character but a newline becomes a space), so offsets and lines stay. */
export function blankSpans(text: string, spans: readonly DocumentSpan[]): string {
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const span of spans) {
    parts.push(text.slice(at, span.start));
    parts.push(text.slice(span.start, span.end).replace(/[^\n]+/g, (run) => ' '.repeat(run.length)));
    at = span.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** ServiceEntries the loader saw only as templates, from its `template` diagnostics (for callers that keep only diagnostics). */
export function countServiceEntryTemplates(diagnostics: ReadonlyArray<{ code: string; message: string }>): number {
  return diagnostics.filter((d) => d.code === 'template' && d.message.startsWith('ServiceEntry ')).length;
}
