/**
 * How a load worker's ServiceEntries travel back to the main thread.
 *
 * A structured clone writes every key of every object as a string and the
 * receiving thread reads each one back, nine objects an entry: in a CPU
 * profile of a 100k-entry `check`, the worker spent about 0.25 s writing its
 * replies and the main thread 0.21 s reading them and 0.11 s sharing their
 * strings again (one Map lookup per string). Here an entry travels as a run
 * of plain values in a fixed order, in one list per chunk; strings that many
 * entries repeat (namespaces, protocols, label values) travel once per chunk
 * in a table, and every location's path is the file's, known on both sides.
 * The main thread builds each entry with the loader's own shape (the same
 * keys in the same order, optional fields present as undefined), so the
 * analysis sees objects it cannot tell from ones this thread loaded.
 *
 * An entry of any other shape (a field this codec does not know, a location
 * in another file) sends its whole file's part as objects, the old way: the
 * codec can cost speed, never a value.
 */
import type { AnnotationValue, LoadResult, PortSpec, ServiceEntry, SourceFile, SourceLocation } from '../../core/model.js';

/** One file's load: its entries encoded in the chunk's values (`encoded` of them), or as objects when they could not be. */
export interface WirePart {
  encoded: number;
  entries: ServiceEntry[];
  sidecars: LoadResult['sidecars'];
  diagnostics: LoadResult['diagnostics'];
  unrenderedServiceEntries?: number;
  /** A run of a List's items that did not read cleanly (loadFilePart gave nothing): its List is read whole on the main thread. */
  unread?: true;
}

export interface WireChunk {
  parts: WirePart[];
  /** The encoded entries of every part, in order. */
  values: unknown[];
  /** Strings the values name by index. */
  strings: string[];
}

/** The loader's entry keys, in its order (readServiceEntry). */
const ENTRY_KEYS = ['kind', 'ref', 'apiVersion', 'name', 'namespace', 'namespaceExplicit', 'hosts', 'addresses', 'ports', 'resolution', 'exportTo', 'hasWorkloadSelector', 'endpointCount', 'labels', 'creationTimestamp', 'location', 'hostsLocation', 'ignoreAnnotation', 'meshLocation', 'statusAddresses'];
const PORT_KEYS = ['number', 'protocol', 'protocolClass', 'name', 'location'];
const LOCATION_KEYS = ['path', 'line', 'column'];
const ANNOTATION_KEYS = ['value', 'location'];
/** hostsLocation: the same object as location (an entry without spec.hosts), or a location of its own. */
const SAME_LOCATION = 0;
const OWN_LOCATION = 1;

export function encodeChunk(parts: ReadonlyArray<LoadResult | undefined>, files: readonly SourceFile[]): WireChunk {
  const values: unknown[] = [];
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const id = (value: string): number => {
    let known = ids.get(value);
    if (known === undefined) {
      known = strings.push(value) - 1;
      ids.set(value, known);
    }
    return known;
  };
  const wireParts = parts.map((part, i): WirePart => {
    if (part === undefined) return { encoded: 0, entries: [], sidecars: [], diagnostics: [], unread: true };
    const path = files[i]!.path;
    const plain = { sidecars: part.sidecars, diagnostics: part.diagnostics, ...(part.unrenderedServiceEntries !== undefined ? { unrenderedServiceEntries: part.unrenderedServiceEntries } : {}) };
    if (!part.entries.every((entry) => encodable(entry, path))) return { encoded: 0, entries: part.entries, ...plain };
    for (const entry of part.entries) encodeEntry(entry, values, id);
    return { encoded: part.entries.length, entries: [], ...plain };
  });
  return { parts: wireParts, values, strings };
}

function encodeEntry(e: ServiceEntry, v: unknown[], id: (value: string) => number): void {
  v.push(e.ref, id(e.apiVersion), e.name, id(e.namespace), e.namespaceExplicit);
  v.push(e.hosts.length, ...e.hosts);
  v.push(e.addresses.length, ...e.addresses);
  v.push(e.ports.length);
  for (const p of e.ports) v.push(p.number, id(p.protocol), id(p.protocolClass), id(p.name), p.location.line, p.location.column);
  v.push(id(e.resolution));
  if (e.exportTo === undefined) v.push(-1);
  else v.push(e.exportTo.length, ...e.exportTo.map(id));
  v.push(e.hasWorkloadSelector, e.endpointCount);
  const labels = Object.keys(e.labels);
  v.push(labels.length);
  for (const key of labels) v.push(id(key), id(e.labels[key]!));
  v.push(e.creationTimestamp, e.location.line, e.location.column);
  if (e.hostsLocation === e.location) v.push(SAME_LOCATION);
  else v.push(OWN_LOCATION, e.hostsLocation.line, e.hostsLocation.column);
  if (e.ignoreAnnotation === undefined) v.push(undefined);
  else v.push(id(e.ignoreAnnotation.value), e.ignoreAnnotation.location.line, e.ignoreAnnotation.location.column);
  v.push(e.meshLocation === undefined ? undefined : id(e.meshLocation));
  if (e.statusAddresses === undefined) v.push(-1);
  else v.push(e.statusAddresses.length, ...e.statusAddresses.map(id));
}

/**
 * The parts as the worker loaded them. Every location's path is the file's own string; every string but an
 * entry's own (ref, name, hosts, addresses) is the one `shared` held first, as a clone's strings are shared again.
 */
export function decodeChunk(chunk: WireChunk, files: readonly SourceFile[], shared: Map<string, string>): Array<LoadResult | undefined> {
  const s = chunk.strings.map((value) => sharedString(value, shared));
  const v = chunk.values;
  let i = 0;
  const location = (path: string): SourceLocation => ({ path, line: v[i++] as number, column: v[i++] as number });
  const strings = (): string[] => {
    const n = v[i++] as number;
    const list = v.slice(i, i + n) as string[];
    i += n;
    return list;
  };
  const sharedList = (): string[] | undefined => {
    const n = v[i++] as number;
    if (n < 0) return undefined;
    const list = v.slice(i, i + n) as number[] as unknown as string[];
    for (let k = 0; k < n; k++) list[k] = s[v[i + k] as number]!;
    i += n;
    return list;
  };
  return chunk.parts.map((part, p) => {
    if (part.unread) return undefined;
    const path = files[p]!.path;
    const entries = part.entries;
    for (let e = 0; e < part.encoded; e++) {
      const ref = v[i++] as string;
      const apiVersion = s[v[i++] as number]!;
      const name = v[i++] as string;
      const namespace = s[v[i++] as number]!;
      const namespaceExplicit = v[i++] as boolean;
      const hosts = strings();
      const addresses = strings();
      const portCount = v[i++] as number;
      const ports: PortSpec[] = [];
      for (let k = 0; k < portCount; k++) {
        const number = v[i++] as number;
        const protocol = s[v[i++] as number]!;
        const protocolClass = s[v[i++] as number]! as PortSpec['protocolClass'];
        const portName = s[v[i++] as number]!;
        ports.push({ number, protocol, protocolClass, name: portName, location: location(path) });
      }
      const resolution = s[v[i++] as number]! as ServiceEntry['resolution'];
      const exportTo = sharedList();
      const hasWorkloadSelector = v[i++] as boolean;
      const endpointCount = v[i++] as number;
      const labelCount = v[i++] as number;
      const labels: Record<string, string> = {};
      for (let k = 0; k < labelCount; k++) {
        const key = s[v[i++] as number]!;
        labels[key] = s[v[i++] as number]!;
      }
      const creationTimestamp = v[i++] as number | undefined;
      const at = location(path);
      const hostsLocation = v[i++] === SAME_LOCATION ? at : location(path);
      const annotation = v[i++] as number | undefined;
      const ignoreAnnotation: AnnotationValue | undefined = annotation === undefined ? undefined : { value: s[annotation]!, location: location(path) };
      const meshLocationId = v[i++] as number | undefined;
      const meshLocation = meshLocationId === undefined ? undefined : s[meshLocationId] as ServiceEntry['meshLocation'];
      const statusAddresses = sharedList();
      entries.push({
        kind: 'ServiceEntry', ref, apiVersion, name, namespace, namespaceExplicit, hosts, addresses, ports: exactPorts(ports), resolution, exportTo,
        hasWorkloadSelector, endpointCount, labels, creationTimestamp, location: at, hostsLocation, ignoreAnnotation, meshLocation, statusAddresses,
      });
    }
    const result: LoadResult = { entries, sidecars: part.sidecars, diagnostics: part.diagnostics };
    if (part.unrenderedServiceEntries !== undefined) result.unrenderedServiceEntries = part.unrenderedServiceEntries;
    return result;
  });
}

/** As the loader keeps them: no spare room (see exactSize in value-reader.ts). */
function exactPorts(ports: PortSpec[]): PortSpec[] {
  return ports.length === 0 ? ports : ports.slice();
}

export function sharedString(value: string, shared: Map<string, string>): string {
  const known = shared.get(value);
  if (known !== undefined) return known;
  shared.set(value, value);
  return value;
}

/** Whether the entry has exactly the loader's shape, every location in `path`: only then is it encoded. */
function encodable(e: ServiceEntry, path: string): boolean {
  if (!hasKeys(e, ENTRY_KEYS) || e.kind !== 'ServiceEntry') return false;
  if (typeof e.ref !== 'string' || typeof e.apiVersion !== 'string' || typeof e.name !== 'string' || typeof e.namespace !== 'string') return false;
  if (typeof e.namespaceExplicit !== 'boolean' || typeof e.hasWorkloadSelector !== 'boolean' || typeof e.endpointCount !== 'number') return false;
  if (!isStringList(e.hosts) || !isStringList(e.addresses) || typeof e.resolution !== 'string') return false;
  if (e.exportTo !== undefined && !isStringList(e.exportTo)) return false;
  if (e.statusAddresses !== undefined && !isStringList(e.statusAddresses)) return false;
  if (e.meshLocation !== undefined && typeof e.meshLocation !== 'string') return false;
  if (e.creationTimestamp !== undefined && typeof e.creationTimestamp !== 'number') return false;
  if (!Array.isArray(e.ports) || !e.ports.every((p) => hasKeys(p, PORT_KEYS) && typeof p.number === 'number' && typeof p.protocol === 'string'
    && typeof p.protocolClass === 'string' && typeof p.name === 'string' && isLocationIn(p.location, path))) return false;
  // A label named __proto__ would be lost to the setter of that name when the main thread rebuilds the labels
  // (the loader's own labels never hold one: it builds them the same way).
  if (!isPlainObject(e.labels) || Object.hasOwn(e.labels, '__proto__') || !Object.values(e.labels).every((value) => typeof value === 'string')) return false;
  if (!isLocationIn(e.location, path) || !isLocationIn(e.hostsLocation, path)) return false;
  const annotation = e.ignoreAnnotation;
  return annotation === undefined || (hasKeys(annotation, ANNOTATION_KEYS) && typeof annotation.value === 'string' && isLocationIn(annotation.location, path));
}

function isLocationIn(location: unknown, path: string): boolean {
  if (!hasKeys(location, LOCATION_KEYS)) return false;
  const { path: at, line, column } = location as SourceLocation;
  return at === path && typeof line === 'number' && typeof column === 'number';
}

function hasKeys(value: unknown, keys: readonly string[]): boolean {
  if (!isPlainObject(value)) return false;
  const own = Object.keys(value);
  return own.length === keys.length && own.every((key, i) => key === keys[i]);
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
