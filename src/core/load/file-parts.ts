/**
 * A file's text read as parts that load on their own, on any thread: whole documents, or a run of one List's items
 * (file-pieces.ts says where the cuts go). A part carries where it starts in its file, so what it reports is located
 * in the file, and holds nothing else of it: a thread is sent a part's text, never the file's.
 */
import type { Diagnostic, LoadResult, SourceFile } from '../model.js';
import { filePieces, type PieceLimits } from './file-pieces.js';
import type { LoadOptions } from './load-sources.js';
import { isListKind, ITEMS_POSITIONS, loadManifest, mayHoldOurKinds } from './manifests.js';
import { LineIndex } from './positions.js';
import { declaredAnalysedKind } from './templates.js';
import { isPlainMap, ValueReader } from './value-reader.js';
import { parseYamlDocuments } from './yaml-documents.js';

/**
 * A file's text is read in parts of about this much, and one document can be read whole up to maxDocumentChars.
 * The API server takes no object near that size (etcd stores at most 1.5 MiB); a List, which kubectl sends item by
 * item, is read in runs of items and may be as large as the file.
 *
 * What one parse builds lives until it ends, and young-generation collections copy it each time they run: the parse
 * costs more per character the longer its text. Parsing the bench's 100k-entry export (33 MB) in runs of 16, 32,
 * 64, 128 and 256 KB and 1 MB took 1.1–1.7, 1.1–1.2, 1.1, 1.6, 2.9 and 4.5 s (js-yaml's own loadAll of the same
 * runs: 0.9–1.0, 0.9, 0.9, 1.5, 1.9 and 3.1 s).
 */
export const PIECE_LIMITS: PieceLimits = { pieceChars: 64 * 1024, maxDocumentChars: 16 * 1024 * 1024 };

export interface FilePart extends SourceFile {
  /** Where the part starts in its file (always at the start of a line): its offset and line. */
  offset: number;
  line: number;
  /**
   * documents: whole documents. items: a run of a List's items, whose List is read whole instead if the run does
   * not read cleanly (see `finishParts`). items-of-a-large-list: the same in a List too large to read whole, which
   * loses only the items that do not read. too-large: a document over the limit, reported unread (`text` is empty).
   */
  holds: 'documents' | 'items' | 'items-of-a-large-list' | 'too-large';
  /** items: where each item starts in the file, and whether they are a JSON List's (`{ … },` each). too-large: the document's length is `chars`. */
  itemStarts?: number[];
  flow?: boolean;
  chars?: number;
}

export interface PartsPlan {
  parts: FilePart[];
  /** Each List read in runs within the document limit: its parts [first, last], and the whole document as one part. */
  lists: Array<{ first: number; last: number; whole: FilePart }>;
}

/** The parts of a file's text (its templates blanked); `lines` locates offsets in the whole file, asked only if there are several parts. */
export function planParts(path: string, text: string, limits: PieceLimits, lines: () => LineIndex): PartsPlan {
  const plan: PartsPlan = { parts: [], lists: [] };
  const pieces = filePieces(text, limits);
  if (pieces.length === 1 && pieces[0]!.kind === 'documents') {
    plan.parts.push({ path, text, offset: 0, line: 1, holds: 'documents' });
    return plan;
  }
  const part = (start: number, end: number, holds: FilePart['holds']): FilePart => ({
    path, text: holds === 'too-large' ? '' : text.slice(start, end), offset: start, line: lines().lineOf(start), holds,
    ...(holds === 'too-large' ? { chars: end - start } : {}),
  });
  for (const piece of pieces) {
    if (piece.kind !== 'list') {
      plan.parts.push(part(piece.start, piece.end, piece.kind));
      continue;
    }
    const readable = piece.end - piece.start <= limits.maxDocumentChars;
    // Merge keys draw on one budget per document (js-yaml's maxTotalMergeKeys), which runs read apart would each have whole.
    const mustReadWhole = !isListFrame(text.slice(piece.start, piece.itemsStart) + text.slice(piece.itemsEnd, piece.end))
      || (readable && text.slice(piece.start, piece.end).includes('<<'));
    if (mustReadWhole) {
      plan.parts.push(part(piece.start, piece.end, readable ? 'documents' : 'too-large'));
      continue;
    }
    const first = plan.parts.length;
    for (const run of piece.runs) plan.parts.push({ ...part(run.start, run.end, readable ? 'items' : 'items-of-a-large-list'), itemStarts: run.itemStarts, flow: piece.flow });
    if (readable) plan.lists.push({ first, last: plan.parts.length - 1, whole: part(piece.start, piece.end, 'documents') });
  }
  return plan;
}

/**
 * The List's frame, the document without its items: one mapping of a List kind whose `items` key is there with
 * nothing under it (`items:` in YAML, `"items": []` in JSON). Only then is the cut trusted: the items are that
 * List's, and the values a whole read gives.
 */
function isListFrame(frame: string): boolean {
  const stream = parseYamlDocuments(frame, { positionsFor: () => false });
  if (stream.problems.length > 0 || stream.documents.length !== 1) return false;
  const root = stream.documents[0]!.value;
  if (!isPlainMap(root) || !isListKind(root['kind']) || !Object.hasOwn(root, 'items')) return false;
  const items = root['items'];
  return items === null || (Array.isArray(items) && items.length === 0);
}

/** Loads one part; undefined when a run of items (`holds: 'items'`) does not read cleanly and its List must be read whole. */
export function loadFilePart(part: FilePart, options: LoadOptions): LoadResult | undefined {
  const result: LoadResult = { entries: [], sidecars: [], diagnostics: [] };
  if (part.holds === 'too-large') {
    result.diagnostics.push(documentTooLarge(part, options));
    return result;
  }
  const read: PartText = { part, lines: new LineIndex(part.text, part.offset, part.line), sharedStrings: new Map() };
  try {
    if (part.holds === 'documents') loadDocuments(read, part.offset, part.offset + part.text.length, options, result);
    else if (!loadItems(read, options, result)) return undefined;
  } catch (error) {
    result.diagnostics.push(unreadable(part.path, part.line, error));
  }
  return result;
}

/** What cannot be read at all, said at the line it starts on. The parser recursing too deep (RangeError) is the known way to get here. */
export function unreadable(path: string, line: number, error: unknown): Diagnostic {
  return {
    severity: 'error',
    code: 'unreadable-file',
    message: `could not be parsed (${error instanceof RangeError ? 'nesting too deep' : describe(error)}); its entries are not analysed`,
    location: { path, line, column: 1 },
  };
}

/** A file's load from its parts' loads, in order: a List one of whose runs did not read cleanly is read whole here. */
export function finishParts(plan: PartsPlan, loaded: ReadonlyArray<LoadResult | undefined>, options: LoadOptions, into: LoadResult): LoadResult {
  // Nearly every file is one part, with nothing said before it was read: its load is the file's.
  const only = plan.parts.length === 1 ? loaded[0] : undefined;
  if (only && into.diagnostics.length === 0 && into.unrenderedServiceEntries === undefined) return only;
  const wholeAt = new Map(plan.lists.map((list) => [list.first, list]));
  for (let i = 0; i < plan.parts.length; i++) {
    const list = wholeAt.get(i);
    if (list && loaded.slice(list.first, list.last + 1).some((part) => part === undefined)) {
      append(into, loadFilePart(list.whole, options)!);
      i = list.last;
      continue;
    }
    append(into, loaded[i]!);
  }
  return into;
}

/** Adds one load to another, in order: a file's parts to the file, or files to a repository (mergeLoadResults). */
export function append(into: LoadResult, part: LoadResult): void {
  for (const e of part.entries) into.entries.push(e);
  for (const s of part.sidecars) into.sidecars.push(s);
  for (const d of part.diagnostics) into.diagnostics.push(d);
  if (part.unrenderedServiceEntries) into.unrenderedServiceEntries = (into.unrenderedServiceEntries ?? 0) + part.unrenderedServiceEntries;
}

/** A part being read: where its offsets fall in the file, and the strings its manifests share. */
interface PartText {
  part: FilePart;
  lines: LineIndex;
  sharedStrings: Map<string, string>;
}

/** Whole documents [start, end) of the part's file, read together. */
function loadDocuments(read: PartText, start: number, end: number, options: LoadOptions, result: LoadResult): void {
  const { part } = read;
  const stream = parseYamlDocuments(part.text.slice(start - part.offset, end - part.offset), { positionsFor: mayHoldOurKinds, base: start });
  for (const problem of stream.problems) {
    // A syntax error matters only where the document says it is one of ours: an unrelated
    // manifest (or a Helm helper named after a Sidecar) that does not parse is not our business.
    if (!declaredAnalysedKind(part.text.slice(problem.documentStart - part.offset, problem.documentEnd - part.offset))) continue;
    result.diagnostics.push(syntaxError(read, problem.offset, problem.message, 'document'));
  }
  const reader = new ValueReader(part.path, read.lines, stream.positions, result.diagnostics, read.sharedStrings);
  for (const doc of stream.documents) {
    if (isPlainMap(doc.value)) loadManifest(reader, doc.value, options, result);
  }
}

/**
 * A run of a List's items; false, with nothing loaded, when it does not read as exactly its items and its List is to
 * be read whole. In a List too large for that, each item is read on its own, and one that does not read is reported.
 */
function loadItems(read: PartText, options: LoadOptions, result: LoadResult): boolean {
  const { part } = read;
  const starts = part.itemStarts ?? [];
  const outcome = readItems(read, part.offset, part.offset + part.text.length, starts.length, options, result);
  if (outcome === true) return true;
  if (part.holds === 'items') return false;
  starts.forEach((at, i) => {
    const start = i === 0 ? part.offset : at;
    const item = readItems(read, start, starts[i + 1] ?? part.offset + part.text.length, 1, options, result);
    if (item !== true) result.diagnostics.push(syntaxError(read, item.offset, item.message, 'item'));
  });
  return true;
}

/** Loads the items in [start, end) of the file; when they do not read as exactly `count` items, loads nothing and says why. */
function readItems(read: PartText, start: number, end: number, count: number, options: LoadOptions, result: LoadResult): true | { offset: number; message: string } {
  const { part } = read;
  const items = part.text.slice(start - part.offset, end - part.offset);
  // A JSON List's items, each `{ … },`, read as the flow sequence they stand in: `[` goes one character before them.
  const stream = part.flow
    ? parseYamlDocuments(`[${items}]`, { positionsFor: () => ITEMS_POSITIONS, base: start - 1, depthAbove: 1 })
    : parseYamlDocuments(items, { positionsFor: () => ITEMS_POSITIONS, base: start, depthAbove: 1 });
  const problem = stream.problems[0];
  if (problem) return problem;
  const values = stream.documents[0]?.value;
  // A guard: a cut at each item's first line cannot split an item that js-yaml reads, as far as we know.
  if (stream.documents.length !== 1 || !Array.isArray(values) || values.length !== count) {
    return { offset: start, message: `${count === 1 ? 'the item' : 'these items'} did not read as the List's items they look like` };
  }
  const reader = new ValueReader(part.path, read.lines, stream.positions, result.diagnostics, read.sharedStrings);
  for (const item of values) {
    if (isPlainMap(item)) loadManifest(reader, item, options, result);
  }
  return true;
}

function syntaxError(read: PartText, offset: number, message: string, what: 'document' | 'item'): Diagnostic {
  return { severity: 'error', code: 'yaml-syntax', message: `YAML syntax error: ${message}; this ${what} is not analysed.`, location: read.lines.location(read.part.path, offset) };
}

function documentTooLarge(part: FilePart, options: LoadOptions): Diagnostic {
  const limit = (options.pieceLimits ?? PIECE_LIMITS).maxDocumentChars;
  return {
    severity: 'error',
    code: 'document-too-large',
    message: `holds a document of ${part.chars ?? 0} characters, over the ${limit} a document may hold unless it is a List of block items; not analysed`,
    location: { path: part.path, line: part.line, column: 1 },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] ?? error.name : String(error);
}

