import type { Diagnostic, LoadResult, SourceFile } from '../model.js';
import { filePieces, type FilePiece, type ItemRun, type PieceLimits } from './file-pieces.js';
import { readServiceEntry, SERVICE_ENTRY_POSITIONS, type ManifestHeader } from './service-entry.js';
import { readSidecar } from './sidecar.js';
import { LineIndex } from './positions.js';
import { isPlainMap, ValueReader, type YamlMap } from './value-reader.js';
import { parseYamlDocuments, type PositionOutline } from './yaml-documents.js';
import { blankSpans, declaredAnalysedKind, documentSpans, looksLikeTemplate, mayHoldTemplates, type DocumentSpan } from './templates.js';

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

const ISTIO_NETWORKING_GROUP = 'networking.istio.io/';
const KNOWN_VERSIONS = new Set(['v1alpha3', 'v1beta1', 'v1']);
/**
 * Each known apiVersion as one string every manifest shares. A value js-yaml read is a slice of its
 * file's text, and a slice keeps the whole text alive for as long as the entry lives.
 */
const SHARED_API_VERSIONS = new Map(['networking.istio.io/v1alpha3', 'networking.istio.io/v1beta1', 'networking.istio.io/v1'].map((v) => [v, v]));
/** The annotation that carries suppressions on an entry; src/core/suppressions reads its value. */
export const IGNORE_ANNOTATION = 'serviceentry-guard.io/ignore';

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
  try {
    loadFile(file, options, result);
  } catch (error) {
    // The parser recursing too deep (RangeError) is the known way to get here.
    result.diagnostics.push({
      severity: 'error',
      code: 'unreadable-file',
      message: `could not be parsed (${error instanceof RangeError ? 'nesting too deep' : describe(error)}); its entries are not analysed`,
      location: { path: file.path, line: 1, column: 1 },
    });
  }
  return result;
}

export function mergeLoadResults(parts: readonly LoadResult[]): LoadResult {
  const merged: LoadResult = { entries: [], sidecars: [], diagnostics: [] };
  for (const part of parts) {
    for (const e of part.entries) merged.entries.push(e);
    for (const s of part.sidecars) merged.sidecars.push(s);
    for (const d of part.diagnostics) merged.diagnostics.push(d);
    if (part.unrenderedServiceEntries) merged.unrenderedServiceEntries = (merged.unrenderedServiceEntries ?? 0) + part.unrenderedServiceEntries;
  }
  return merged;
}

function loadFile(file: SourceFile, options: LoadOptions, result: LoadResult): void {
  const at = { path: file.path, line: 1, column: 1 };
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (file.text.length > maxBytes) {
    result.diagnostics.push({ severity: 'error', code: 'file-too-large', message: `is ${file.text.length} characters, over the ${maxBytes} limit; not analysed`, location: at });
    return;
  }
  // Cheap pre-filter: a file that names neither kind cannot hold one.
  if (!file.text.includes('ServiceEntry') && !file.text.includes('Sidecar')) return;
  if (file.text.includes('\u0000')) {
    result.diagnostics.push({ severity: 'error', code: 'binary-file', message: 'holds binary data (a NUL byte); not analysed', location: at });
    return;
  }
  const lines = new LineIndex(file.text);
  const replaced = file.text.indexOf('\uFFFD');
  if (replaced >= 0) {
    result.diagnostics.push({ severity: 'warning', code: 'not-utf8', message: 'is not valid UTF-8; bytes were replaced before parsing', location: lines.location(file.path, replaced) });
  }

  let text = file.text;
  if (mayHoldTemplates(text)) {
    const spans = documentSpans(text);
    const templates = spans.filter((span) => looksLikeTemplate(text.slice(span.start, span.end)));
    for (const span of templates) reportTemplate(file.path, text, span, lines, result);
    text = blankSpans(text, templates);
  }
  const read: FileText = { path: file.path, text, lines, sharedStrings: new Map<string, string>(), limits: options.pieceLimits ?? PIECE_LIMITS };
  for (const piece of filePieces(text, read.limits)) {
    if (piece.kind === 'documents') loadDocuments(read, piece.start, piece.end, options, result);
    else if (piece.kind === 'list') loadList(read, piece, options, result);
    else result.diagnostics.push(documentTooLarge(read, piece.start, piece.end));
  }
}

/** A file being read: its text (templates blanked), lines, and the strings its pieces share. */
interface FileText {
  path: string;
  text: string;
  lines: LineIndex;
  sharedStrings: Map<string, string>;
  limits: PieceLimits;
}

/**
 * A file's text is read in pieces of about this much (see file-pieces.ts), and one document can be read whole up
 * to MAX_DOCUMENT_CHARS. The API server takes no object near that size (etcd stores at most 1.5 MiB); a List,
 * which kubectl sends item by item, is read in runs of items and may be as large as the file.
 */
export const PIECE_LIMITS: PieceLimits = { pieceChars: 256 * 1024, maxDocumentChars: 16 * 1024 * 1024 };

/** Whole documents [start, end) of the file, read together. */
function loadDocuments(file: FileText, start: number, end: number, options: LoadOptions, result: LoadResult): void {
  const stream = parseYamlDocuments(file.text.slice(start, end), { positionsFor: mayHoldOurKinds, base: start });
  for (const problem of stream.problems) {
    // A syntax error matters only where the document says it is one of ours: an unrelated
    // manifest (or a Helm helper named after a Sidecar) that does not parse is not our business.
    if (!declaredAnalysedKind(file.text.slice(problem.documentStart, problem.documentEnd))) continue;
    result.diagnostics.push(syntaxError(file, problem.offset, problem.message, 'document'));
  }
  const reader = new ValueReader(file.path, file.lines, stream.positions, result.diagnostics, file.sharedStrings);
  for (const doc of stream.documents) {
    if (isPlainMap(doc.value)) loadManifest(reader, doc.value, options, result);
  }
}

/**
 * A List document read a run of items at a time. The cut is trusted only when the document without its items (its
 * frame) reads as one List whose `items` is empty, and each run as a sequence of exactly the items cut into it: the
 * items are then the values a whole read gives, at the same places. A document the cut does not fit is read whole,
 * as is one within MAX_DOCUMENT_CHARS whose runs do not all read cleanly, so a problem there costs what it always
 * did (the document). Only a document too large to be read whole loses no more than the items that do not read.
 */
function loadList(file: FileText, list: Extract<FilePiece, { kind: 'list' }>, options: LoadOptions, result: LoadResult): void {
  const readable = list.end - list.start <= file.limits.maxDocumentChars;
  const fallBack = () => {
    if (readable) loadDocuments(file, list.start, list.end, options, result);
    else result.diagnostics.push(documentTooLarge(file, list.start, list.end));
  };
  if (!isListFrame(file.text.slice(list.start, list.itemsStart) + file.text.slice(list.itemsEnd, list.end))) return fallBack();
  // Merge keys draw on one budget per document (js-yaml's maxTotalMergeKeys), which runs read apart would each have whole.
  if (readable && file.text.slice(list.start, list.end).includes('<<')) return fallBack();
  const read: LoadResult = { entries: [], sidecars: [], diagnostics: [] };
  for (const run of list.runs) {
    if (readItems(file, run, options, read) === true) continue;
    if (readable) return fallBack();
    for (const item of itemsOf(run)) {
      const outcome = readItems(file, item, options, read);
      if (outcome !== true) read.diagnostics.push(syntaxError(file, outcome.offset, outcome.message, 'item'));
    }
  }
  for (const e of read.entries) result.entries.push(e);
  for (const s of read.sidecars) result.sidecars.push(s);
  for (const d of read.diagnostics) result.diagnostics.push(d);
}

/** The List's frame: one mapping of a List kind whose `items` key is there with nothing under it. */
function isListFrame(frame: string): boolean {
  const stream = parseYamlDocuments(frame, { positionsFor: () => false });
  if (stream.problems.length > 0 || stream.documents.length !== 1) return false;
  const root = stream.documents[0]!.value;
  return isPlainMap(root) && isListKind(root['kind']) && Object.hasOwn(root, 'items') && root['items'] === null;
}

/** Loads a run of items; when it does not read as exactly its items, loads nothing and says why. */
function readItems(file: FileText, run: ItemRun, options: LoadOptions, result: LoadResult): true | { offset: number; message: string } {
  const stream = parseYamlDocuments(file.text.slice(run.start, run.end), { positionsFor: () => ITEMS_POSITIONS, base: run.start, depthAbove: 1 });
  const problem = stream.problems[0];
  if (problem) return problem;
  const items = stream.documents[0]?.value;
  if (stream.documents.length !== 1 || !Array.isArray(items) || items.length !== run.itemStarts.length) {
    return { offset: run.start, message: `${run.itemStarts.length === 1 ? 'the item' : 'these items'} did not read as the List's items they look like` };
  }
  const reader = new ValueReader(file.path, file.lines, stream.positions, result.diagnostics, file.sharedStrings);
  for (const item of items) {
    if (isPlainMap(item)) loadManifest(reader, item, options, result);
  }
  return true;
}

/** A run's items, one run each. */
function itemsOf(run: ItemRun): ItemRun[] {
  return run.itemStarts.map((at, i) => ({ start: i === 0 ? run.start : at, end: run.itemStarts[i + 1] ?? run.end, itemStarts: [at] }));
}

function documentTooLarge(file: FileText, start: number, end: number): Diagnostic {
  return {
    severity: 'error',
    code: 'document-too-large',
    message: `holds a document of ${end - start} characters, over the ${file.limits.maxDocumentChars} a document may hold unless it is a List of block items; not analysed`,
    location: file.lines.location(file.path, start),
  };
}

function syntaxError(file: FileText, offset: number, message: string, what: 'document' | 'item'): Diagnostic {
  return { severity: 'error', code: 'yaml-syntax', message: `YAML syntax error: ${message}; this ${what} is not analysed.`, location: file.lines.location(file.path, offset) };
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

/**
 * The documents loadManifest reads: the only ones whose positions it may ask for. A ServiceEntry's are
 * recorded along the outline of what every entry is located by, and so are those of each item of a list
 * (a cluster's export is one list of them all), lists in lists included; a Sidecar's, all of them.
 */
function mayHoldOurKinds(value: unknown): boolean | PositionOutline {
  if (!isPlainMap(value)) return false;
  const kind = value['kind'];
  if (kind === 'ServiceEntry') return SERVICE_ENTRY_POSITIONS;
  if (isListKind(kind)) return LIST_POSITIONS;
  return kind === 'Sidecar';
}

/** A list's items, each read as a ServiceEntry or as a list of its own: the outline holds itself under `items`. */
const ITEMS_POSITIONS: PositionOutline = (() => {
  const item: { [key: string]: PositionOutline | true } = { ...SERVICE_ENTRY_POSITIONS };
  const items = { '*': item };
  item['items'] = items;
  return items;
})();
const LIST_POSITIONS: PositionOutline = { items: ITEMS_POSITIONS };

function isListKind(kind: unknown): boolean {
  return typeof kind === 'string' && kind.endsWith('List');
}

function loadManifest(reader: ValueReader, root: YamlMap, options: LoadOptions, result: LoadResult): void {
  const kind = root['kind'];
  if (isListKind(kind)) {
    for (const item of reader.items(reader.field(root, 'items'), 'items')) {
      if (isPlainMap(item.value)) loadManifest(reader, item.value, options, result);
    }
    return;
  }
  if (kind !== 'ServiceEntry' && kind !== 'Sidecar') return;
  const apiVersionField = reader.field(root, 'apiVersion');
  const apiVersion = reader.string(apiVersionField, 'apiVersion') ?? '';
  if (!apiVersion.startsWith(ISTIO_NETWORKING_GROUP)) return;
  if (!KNOWN_VERSIONS.has(apiVersion.slice(ISTIO_NETWORKING_GROUP.length))) {
    reader.report(apiVersionField, 'unknown-version', `${apiVersion} is not a known networking.istio.io version (v1alpha3, v1beta1, v1); read as v1`, 'warning');
  }
  const header = readHeader(reader, root, SHARED_API_VERSIONS.get(apiVersion) ?? apiVersion, options);
  if (kind === 'ServiceEntry') {
    const entry = readServiceEntry(reader, header, root);
    if (entry) result.entries.push(entry);
  } else {
    result.sidecars.push(readSidecar(reader, header, root));
  }
}

function readHeader(reader: ValueReader, root: YamlMap, apiVersion: string, options: LoadOptions): ManifestHeader {
  const metadata = reader.map(reader.field(root, 'metadata'), 'metadata');
  const location = reader.locate(root);
  let name = reader.string(reader.field(metadata, 'name'), 'metadata.name');
  if (!name) {
    reader.report(metadata ?? root, 'missing-field', 'metadata.name is missing; the API server rejects this manifest');
    name = `<unnamed ${location.path}:${location.line}>`;
  }
  const namespace = reader.string(reader.field(metadata, 'namespace'), 'metadata.namespace');
  const createdField = reader.field(metadata, 'creationTimestamp');
  const created = createdField?.value instanceof Date ? createdField.value.toISOString() : reader.string(createdField, 'metadata.creationTimestamp');
  let creationTimestamp: number | undefined;
  if (created !== undefined) {
    const ms = Date.parse(created);
    if (Number.isNaN(ms)) reader.report(createdField, 'invalid-value', `creationTimestamp ${JSON.stringify(created)} is not RFC 3339; ignored`, 'warning');
    else creationTimestamp = Math.floor(ms / 1000);
  }
  const ignoreAnnotation = readIgnoreAnnotation(reader, metadata);
  return {
    ...(ignoreAnnotation ? { ignoreAnnotation } : {}),
    apiVersion,
    name,
    namespace: namespace ? reader.shared(namespace) : options.defaultNamespace,
    namespaceExplicit: Boolean(namespace),
    labels: reader.stringMap(reader.field(metadata, 'labels'), 'metadata.labels'),
    creationTimestamp,
    location,
  };
}

/** Only our own annotation is read: other annotations are free-form and none of our business. */
function readIgnoreAnnotation(reader: ValueReader, metadata: YamlMap | undefined): ManifestHeader['ignoreAnnotation'] {
  const annotations = reader.field(metadata, 'annotations');
  if (!annotations || !isPlainMap(annotations.value)) return undefined;
  const field = reader.field(annotations.value, IGNORE_ANNOTATION);
  const value = reader.string(field, `metadata.annotations["${IGNORE_ANNOTATION}"]`);
  return value === undefined ? undefined : { value, location: reader.locate(field) };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] ?? error.name : String(error);
}
