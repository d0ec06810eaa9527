import type { LoadResult, SourceFile } from '../model.js';
import { append, finishParts, loadFilePart, PIECE_LIMITS, planParts, unreadable, type PartsPlan } from './file-parts.js';
import type { PieceLimits } from './file-pieces.js';
import { LineIndex } from './positions.js';
import { blankSpans, declaredAnalysedKind, documentSpans, looksLikeTemplate, mayHoldTemplates, type DocumentSpan } from './templates.js';

export { PIECE_LIMITS } from './file-parts.js';

export interface LoadOptions {
  /** Namespace for manifests that name none, as `kubectl apply -n` would give them. */
  defaultNamespace: string;
  /** Larger files are reported and skipped rather than parsed. */
  maxFileBytes?: number;
  /** How files are cut for reading (PIECE_LIMITS by default); tests cut small files the way large ones are cut. */
  pieceLimits?: PieceLimits;
}

/**
 * The largest file read. A cluster's export of 100,000 ServiceEntries is about 33 MB, and a List is read a run of
 * items at a time, so its size costs little beyond its text; any other document stops at PIECE_LIMITS.maxDocumentChars.
 */
export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Turns file texts into ServiceEntries and Sidecars. A file that cannot be
 * read is reported with its path and line and skipped; every other file, and
 * every other document of the same file, is still loaded.
 */
export function loadSources(files: readonly SourceFile[], options: LoadOptions): LoadResult {
  return mergeLoadResults(files.map((file) => loadSourceFile(file, options)));
}

/** One file's share of a load: files are independent, so callers may cache this per file text. */
export function loadSourceFile(file: SourceFile, options: LoadOptions): LoadResult {
  const result: LoadResult = { entries: [], sidecars: [], diagnostics: [] };
  const plan = planFileLoad(file, options, result);
  return plan ? finishParts(plan, plan.parts.map((part) => loadFilePart(part, options)), options, result) : result;
}

export function mergeLoadResults(parts: readonly LoadResult[]): LoadResult {
  const merged: LoadResult = { entries: [], sidecars: [], diagnostics: [] };
  for (const part of parts) append(merged, part);
  return merged;
}

/**
 * What the whole file says before any of it is read (its size, binary data, bytes replaced, templates: into `head`),
 * and the parts to read, each loadable on its own and on any thread (loadFilePart), to be put together in order by
 * finishParts; undefined when there is nothing to read.
 */
export function planFileLoad(file: SourceFile, options: LoadOptions, head: LoadResult): PartsPlan | undefined {
  const at = { path: file.path, line: 1, column: 1 };
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (file.text.length > maxBytes) {
    head.diagnostics.push({ severity: 'error', code: 'file-too-large', message: `is ${file.text.length} characters, over the ${maxBytes} limit; not analysed`, location: at });
    return undefined;
  }
  // Cheap pre-filter: a file that names neither kind cannot hold one.
  if (!file.text.includes('ServiceEntry') && !file.text.includes('Sidecar')) return undefined;
  if (file.text.includes('\u0000')) {
    head.diagnostics.push({ severity: 'error', code: 'binary-file', message: 'holds binary data (a NUL byte); not analysed', location: at });
    return undefined;
  }
  // Most files are one part, which indexes its own lines: the whole file's are indexed only if something here needs them.
  let wholeLines: LineIndex | undefined;
  const lines = () => (wholeLines ??= new LineIndex(file.text));
  try {
    const replaced = file.text.indexOf('\uFFFD');
    if (replaced >= 0) {
      head.diagnostics.push({ severity: 'warning', code: 'not-utf8', message: 'is not valid UTF-8; bytes were replaced before parsing', location: lines().location(file.path, replaced) });
    }
    let text = file.text;
    if (mayHoldTemplates(text)) {
      const spans = documentSpans(text);
      const templates = spans.filter((span) => looksLikeTemplate(text.slice(span.start, span.end)));
      for (const span of templates) reportTemplate(file.path, text, span, lines(), head);
      text = blankSpans(text, templates);
    }
    return planParts(file.path, text, options.pieceLimits ?? PIECE_LIMITS, lines);
  } catch (error) {
    head.diagnostics.push(unreadable(file.path, 1, error));
    return undefined;
  }
}

/** An unrendered template declaring one of our kinds: said once, counted, never read as values. */
function reportTemplate(path: string, text: string, span: DocumentSpan, lines: LineIndex, result: LoadResult): void {
  const doc = text.slice(span.start, span.end);
  const kind = declaredAnalysedKind(doc);
  if (!kind) return;
  if (kind === 'ServiceEntry') result.unrenderedServiceEntries = (result.unrenderedServiceEntries ?? 0) + 1;
  result.diagnostics.push({
    severity: 'info',
    code: 'template',
    message: `${kind} not analysed (template): it holds {{ … }} or a ytt #@ annotation, so its values are not what a cluster receives; analyse the rendered output (a Helm chart or Kustomize root the repository declares is rendered when helm/kustomize is available)`,
    location: lines.location(path, span.start + Math.max(0, doc.indexOf(kind))),
  });
}
