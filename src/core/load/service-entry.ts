import type { AnnotationValue, PortSpec, Resolution, ServiceEntry, SourceLocation } from '../model.js';
import { protocolClassOf } from '../protocol.js';
import { exactSize, type Field, type ValueReader, type YamlMap } from './value-reader.js';
import type { PositionOutline } from './yaml-documents.js';

const RESOLUTIONS: readonly Resolution[] = ['NONE', 'STATIC', 'DNS', 'DNS_ROUND_ROBIN', 'DYNAMIC_DNS'];

/**
 * The node positions readServiceEntry asks for whatever the manifest holds: where its hosts and each port
 * start (and, as for every outline, where the document does). Anything else it locates only to report a
 * problem, and that is found when asked (see PositionOutline).
 */
export const SERVICE_ENTRY_POSITIONS: PositionOutline = { spec: { hosts: true, ports: { '*': true } } };

export interface ManifestHeader {
  apiVersion: string;
  name: string;
  namespace: string;
  namespaceExplicit: boolean;
  labels: Record<string, string>;
  creationTimestamp: number | undefined;
  location: SourceLocation;
  ignoreAnnotation?: AnnotationValue;
}

/**
 * Reduces a ServiceEntry manifest to the fields that decide its listeners.
 * Anything the API server would reject is reported; what can still be
 * understood is kept, so one bad port does not hide the entry's other ports.
 */
export function readServiceEntry(reader: ValueReader, header: ManifestHeader, root: YamlMap): ServiceEntry | undefined {
  const specField = reader.field(root, 'spec');
  const spec = reader.map(specField, 'spec');
  if (!spec) {
    if (!specField) reader.report(root, 'missing-field', `ServiceEntry ${header.namespace}/${header.name} has no spec; the API server rejects it`);
    return undefined;
  }
  const hostsField = reader.field(spec, 'hosts');
  const hosts = reader.stringList(hostsField, 'spec.hosts') ?? [];
  if (hosts.length === 0) {
    reader.report(hostsField ?? spec, 'missing-field', `ServiceEntry ${header.namespace}/${header.name} has no spec.hosts; the API server rejects it`);
  }

  return {
    kind: 'ServiceEntry',
    ref: `${header.namespace}/${header.name}`,
    apiVersion: header.apiVersion,
    name: header.name,
    namespace: header.namespace,
    namespaceExplicit: header.namespaceExplicit,
    hosts,
    addresses: readAddresses(reader, reader.field(spec, 'addresses')),
    ports: readPorts(reader, reader.field(spec, 'ports')),
    resolution: readResolution(reader, reader.field(spec, 'resolution')),
    exportTo: readExportTo(reader, spec),
    hasWorkloadSelector: reader.field(spec, 'workloadSelector') !== undefined,
    endpointCount: reader.items(reader.field(spec, 'endpoints'), 'spec.endpoints').length,
    labels: header.labels,
    creationTimestamp: header.creationTimestamp,
    location: header.location,
    hostsLocation: hostsField ? reader.locate(hostsField) : header.location,
    // Optional fields are always present (undefined when unset) so every entry has one shape with its fields
    // inside the object; a hundred thousand entries then carry no separate property stores. JSON drops undefined.
    ignoreAnnotation: header.ignoreAnnotation,
    meshLocation: meshLocationOf(reader.string(reader.field(spec, 'location'), 'spec.location')),
    statusAddresses: readStatusAddresses(reader, root),
  };
}

function meshLocationOf(value: string | undefined): 'MESH_EXTERNAL' | 'MESH_INTERNAL' | undefined {
  // Literals rather than the upper-cased input, which can be the manifest's own slice of its file text.
  switch (value?.toUpperCase()) {
    case 'MESH_INTERNAL': return 'MESH_INTERNAL';
    case 'MESH_EXTERNAL': return 'MESH_EXTERNAL';
    default: return undefined;
  }
}

/**
 * An unquoted IPv6 address ending in `:` (`2001:db8::`) reads as a one-key
 * mapping in YAML 1.2, though go-yaml took it as a string: say how to fix it.
 */
function readAddresses(reader: ValueReader, field: Field | undefined): string[] {
  const addresses: string[] = [];
  for (const item of reader.items(field, 'spec.addresses')) {
    const value = item.value;
    const keys = value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
    if (keys.length === 1 && keys[0]!.includes(':') && (value as Record<string, unknown>)[keys[0]!] === null) {
      reader.report(item, 'wrong-type', `spec.addresses item ${JSON.stringify(`${keys[0]}:`)} reads as a mapping, not a string: quote IPv6 addresses that end in ':' (e.g. "${keys[0]}:")`);
      continue;
    }
    const text = reader.string(item, 'each item of spec.addresses');
    if (text !== undefined) addresses.push(text);
  }
  return exactSize(addresses);
}

function readPorts(reader: ValueReader, field: Field | undefined): PortSpec[] {
  const ports: PortSpec[] = [];
  for (const item of reader.items(field, 'spec.ports')) {
    const port = reader.map(item, 'each item of spec.ports');
    if (!port) continue;
    const numberField = reader.field(port, 'number');
    const number = reader.integer(numberField, 'spec.ports[].number');
    if (number === undefined) {
      if (!numberField) reader.report(item, 'missing-field', 'a port without a number is rejected by the API server');
      continue;
    }
    if (number < 1 || number > 65535) {
      reader.report(numberField, 'invalid-value', `port ${number} is outside 1-65535; the API server rejects it`);
      continue;
    }
    const protocol = (reader.string(reader.field(port, 'protocol'), 'spec.ports[].protocol') ?? '').toUpperCase();
    ports.push({
      number,
      protocol,
      protocolClass: protocolClassOf(protocol),
      name: reader.string(reader.field(port, 'name'), 'spec.ports[].name') ?? '',
      location: reader.locate(port),
    });
  }
  return exactSize(ports);
}

function readResolution(reader: ValueReader, field: Field | undefined): Resolution {
  const value = reader.string(field, 'spec.resolution');
  if (value === undefined) return 'NONE';
  // The list's own string, not the manifest's: 100k entries then share five strings instead of holding a copy each.
  const known = RESOLUTIONS.find((resolution) => resolution === value.toUpperCase());
  if (known) return known;
  reader.report(field, 'invalid-value', `unknown resolution ${JSON.stringify(value)}; treated as NONE`, 'warning');
  return 'NONE';
}

/**
 * spec.exportTo, or undefined for the mesh default. `configScope` never shipped
 * in a release (it was replaced by exportTo before 1.1.0): today's CRD prunes
 * it or, with strict field validation, rejects the object. Either way the
 * entry Istio sees is public, so that is how it is analysed.
 */
function readExportTo(reader: ValueReader, spec: YamlMap): string[] | undefined {
  const exportTo = reader.stringList(reader.field(spec, 'exportTo'), 'spec.exportTo');
  const scopeField = reader.field(spec, 'configScope');
  if (scopeField) {
    const scope = reader.string(scopeField, 'spec.configScope');
    reader.report(scopeField, 'config-scope-ignored',
      `spec.configScope${scope === undefined ? '' : ` ${JSON.stringify(scope)}`} is not a ServiceEntry field in any Istio release: the API server drops it (or rejects the object under strict field validation), so it does not make the entry private. `
      + 'Use `exportTo: ["."]` to keep the entry in its own namespace.'
      + (exportTo === undefined ? ' Analysed as exported to the mesh default.' : ''));
  }
  return exportTo;
}

/** status.addresses[].value: VIPs istiod's allocation controller wrote (1.23+), present in cluster exports. */
export function readStatusAddresses(reader: ValueReader, root: YamlMap): string[] | undefined {
  const status = reader.map(reader.field(root, 'status'), 'status');
  if (!status) return undefined;
  const values: string[] = [];
  for (const item of reader.items(reader.field(status, 'addresses'), 'status.addresses')) {
    const value = reader.string(reader.field(reader.map(item, 'each item of status.addresses'), 'value'), 'status.addresses[].value');
    if (value !== undefined) values.push(value);
  }
  return values.length > 0 ? exactSize(values) : undefined;
}
