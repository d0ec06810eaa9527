import { isMap, LineCounter, parseAllDocuments, type Document, type Node, type YAMLMap } from 'yaml';
import type { LoadResult, SourceFile } from '../model.js';
import { readServiceEntry, type ManifestHeader } from './service-entry.js';
import { readSidecar } from './sidecar.js';
import { NodeReader } from './yaml-nodes.js';

export interface LoadOptions {
  /** Namespace for manifests that name none, as `kubectl apply -n` would give them. */
  defaultNamespace: string;
  /** Larger files are reported and skipped rather than parsed. */
  maxFileBytes?: number;
}

export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;

const ISTIO_NETWORKING_GROUP = 'networking.istio.io/';
const KNOWN_VERSIONS = new Set(['v1alpha3', 'v1beta1', 'v1']);

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
  if (file.text.includes('\uFFFD')) {
    const line = lineOf(file.text, file.text.indexOf('\uFFFD'));
    result.diagnostics.push({ severity: 'warning', code: 'not-utf8', message: 'is not valid UTF-8; bytes were replaced before parsing', location: { ...at, line } });
  }

  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(file.text, { lineCounter, uniqueKeys: false, strict: false });
  const docs = Array.isArray(documents) ? documents : [];
  docs.forEach((doc, documentIndex) => loadDocument(file, doc, documentIndex, lineCounter, options, result));
}

function loadDocument(
  file: SourceFile,
  doc: Document.Parsed,
  documentIndex: number,
  lineCounter: LineCounter,
  options: LoadOptions,
  result: LoadResult,
): void {
  const reader = new NodeReader(file.path, lineCounter, result.diagnostics, doc);
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    const line = error.linePos?.[0].line ?? lineOf(file.text, error.pos[0]);
    const template = /\{\{.*\}\}/.test(file.text) ? ' It looks like a Helm/Go template: analyse the rendered manifests instead.' : '';
    result.diagnostics.push({
      severity: 'error',
      code: 'yaml-syntax',
      message: `YAML syntax error: ${firstLine(error.message)}; this document is not analysed.${template}`,
      location: { path: file.path, line, column: error.linePos?.[0].col ?? 1 },
    });
    return;
  }
  const root = doc.contents as Node | null;
  if (!root || !isMap(root)) return;
  loadManifest(reader, root, documentIndex, options, result);
}

function loadManifest(reader: NodeReader, root: YAMLMap, documentIndex: number, options: LoadOptions, result: LoadResult): void {
  const kind = reader.child(root, 'kind');
  const kindValue = kind && 'value' in kind ? (kind as { value: unknown }).value : undefined;
  if (typeof kindValue === 'string' && kindValue.endsWith('List')) {
    for (const item of reader.seqItems(reader.child(root, 'items'), 'items')) {
      if (isMap(item)) loadManifest(reader, item, documentIndex, options, result);
    }
    return;
  }
  if (kindValue !== 'ServiceEntry' && kindValue !== 'Sidecar') return;
  const apiVersionNode = reader.child(root, 'apiVersion');
  const apiVersion = reader.string(apiVersionNode, 'apiVersion') ?? '';
  if (!apiVersion.startsWith(ISTIO_NETWORKING_GROUP)) return;
  if (!KNOWN_VERSIONS.has(apiVersion.slice(ISTIO_NETWORKING_GROUP.length))) {
    reader.report(apiVersionNode, 'unknown-version', `${apiVersion} is not a known networking.istio.io version (v1alpha3, v1beta1, v1); read as v1`, 'warning');
  }
  const header = readHeader(reader, root, apiVersion, documentIndex, options);
  if (kindValue === 'ServiceEntry') {
    const entry = readServiceEntry(reader, header, root);
    if (entry) result.entries.push(entry);
  } else {
    result.sidecars.push(readSidecar(reader, header, root));
  }
}

function readHeader(reader: NodeReader, root: YAMLMap, apiVersion: string, documentIndex: number, options: LoadOptions): ManifestHeader {
  const metadata = reader.map(reader.child(root, 'metadata'), 'metadata');
  const location = reader.locate(root);
  let name = reader.string(reader.child(metadata, 'name'), 'metadata.name');
  if (!name) {
    reader.report(metadata ?? root, 'missing-field', 'metadata.name is missing; the API server rejects this manifest');
    name = `<unnamed ${location.path}:${location.line}>`;
  }
  const namespace = reader.string(reader.child(metadata, 'namespace'), 'metadata.namespace');
  const createdNode = reader.child(metadata, 'creationTimestamp');
  const created = reader.string(createdNode, 'metadata.creationTimestamp');
  let creationTimestamp: number | undefined;
  if (created !== undefined) {
    const ms = Date.parse(created);
    if (Number.isNaN(ms)) reader.report(createdNode, 'invalid-value', `creationTimestamp ${JSON.stringify(created)} is not RFC 3339; ignored`, 'warning');
    else creationTimestamp = Math.floor(ms / 1000);
  }
  return {
    apiVersion,
    name,
    namespace: namespace || options.defaultNamespace,
    namespaceExplicit: Boolean(namespace),
    labels: reader.stringMap(reader.child(metadata, 'labels'), 'metadata.labels'),
    creationTimestamp,
    location,
    documentIndex,
  };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] ?? error.name : String(error);
}

