/**
 * Reading one parsed manifest: a ServiceEntry, a Sidecar, or a List of them (lists in lists included), with the
 * positions each is located by. Which files and documents are read, and how, is load-sources.ts's and file-parts.ts's.
 */
import type { LoadResult } from '../model.js';
import type { LoadOptions } from './load-sources.js';
import { readServiceEntry, SERVICE_ENTRY_POSITIONS, type ManifestHeader } from './service-entry.js';
import { readSidecar } from './sidecar.js';
import { isPlainMap, type ValueReader, type YamlMap } from './value-reader.js';
import type { PositionOutline } from './yaml-documents.js';

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
 * The documents loadManifest reads: the only ones whose positions it may ask for. A ServiceEntry's are
 * recorded along the outline of what every entry is located by, and so are those of each item of a list
 * (a cluster's export is one list of them all), lists in lists included; a Sidecar's, all of them.
 */
export function mayHoldOurKinds(value: unknown): boolean | PositionOutline {
  if (!isPlainMap(value)) return false;
  const kind = value['kind'];
  if (kind === 'ServiceEntry') return SERVICE_ENTRY_POSITIONS;
  if (isListKind(kind)) return LIST_POSITIONS;
  return kind === 'Sidecar';
}

/** A list's items, each read as a ServiceEntry or as a list of its own: the outline holds itself under `items`. */
export const ITEMS_POSITIONS: PositionOutline = (() => {
  const item: { [key: string]: PositionOutline | true } = { ...SERVICE_ENTRY_POSITIONS };
  const items = { '*': item };
  item['items'] = items;
  return items;
})();
const LIST_POSITIONS: PositionOutline = { items: ITEMS_POSITIONS };

export function isListKind(kind: unknown): boolean {
  return typeof kind === 'string' && kind.endsWith('List');
}

export function loadManifest(reader: ValueReader, root: YamlMap, options: LoadOptions, result: LoadResult): void {
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
