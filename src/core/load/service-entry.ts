import type { Node, YAMLMap } from 'yaml';
import type { PortSpec, Resolution, ServiceEntry, SourceLocation } from '../model.js';
import { protocolClassOf } from '../protocol.js';
import type { NodeReader } from './yaml-nodes.js';

const RESOLUTIONS: readonly Resolution[] = ['NONE', 'STATIC', 'DNS', 'DNS_ROUND_ROBIN', 'DYNAMIC_DNS'];

export interface ManifestHeader {
  apiVersion: string;
  name: string;
  namespace: string;
  namespaceExplicit: boolean;
  labels: Record<string, string>;
  creationTimestamp: number | undefined;
  location: SourceLocation;
  documentIndex: number;
}

/**
 * Reduces a ServiceEntry manifest to the fields that decide its listeners.
 * Anything the API server would reject is reported; what can still be
 * understood is kept, so one bad port does not hide the entry's other ports.
 */
export function readServiceEntry(reader: NodeReader, header: ManifestHeader, root: YAMLMap): ServiceEntry | undefined {
  const specNode = reader.child(root, 'spec');
  const spec = reader.map(specNode, 'spec');
  if (!spec) {
    if (specNode === undefined) reader.report(root, 'missing-field', `ServiceEntry ${header.namespace}/${header.name} has no spec; the API server rejects it`);
    return undefined;
  }
  const hostsNode = reader.child(spec, 'hosts');
  const hosts = reader.stringList(hostsNode, 'spec.hosts') ?? [];
  if (hosts.length === 0) {
    reader.report(hostsNode ?? spec, 'missing-field', `ServiceEntry ${header.namespace}/${header.name} has no spec.hosts; the API server rejects it`);
  }

  const ports = readPorts(reader, reader.child(spec, 'ports'));
  const resolution = readResolution(reader, reader.child(spec, 'resolution'));
  const endpoints = reader.seqItems(reader.child(spec, 'endpoints'), 'spec.endpoints');

  return {
    kind: 'ServiceEntry',
    apiVersion: header.apiVersion,
    name: header.name,
    namespace: header.namespace,
    namespaceExplicit: header.namespaceExplicit,
    hosts,
    addresses: reader.stringList(reader.child(spec, 'addresses'), 'spec.addresses') ?? [],
    ports,
    resolution,
    exportTo: readExportTo(reader, spec),
    hasWorkloadSelector: reader.child(spec, 'workloadSelector') !== undefined,
    endpointCount: endpoints.length,
    labels: header.labels,
    creationTimestamp: header.creationTimestamp,
    location: header.location,
    hostsLocation: reader.locate(hostsNode, header.location),
    documentIndex: header.documentIndex,
  };
}

function readPorts(reader: NodeReader, node: Node | undefined): PortSpec[] {
  const ports: PortSpec[] = [];
  for (const item of reader.seqItems(node, 'spec.ports')) {
    const port = reader.map(item, 'each item of spec.ports');
    if (!port) continue;
    const numberNode = reader.child(port, 'number');
    const number = reader.integer(numberNode, 'spec.ports[].number');
    if (number === undefined) {
      if (numberNode === undefined) reader.report(port, 'missing-field', 'a port without a number is rejected by the API server');
      continue;
    }
    if (number < 1 || number > 65535) {
      reader.report(numberNode, 'invalid-value', `port ${number} is outside 1-65535; the API server rejects it`);
      continue;
    }
    const protocol = (reader.string(reader.child(port, 'protocol'), 'spec.ports[].protocol') ?? '').toUpperCase();
    ports.push({
      number,
      protocol,
      protocolClass: protocolClassOf(protocol),
      name: reader.string(reader.child(port, 'name'), 'spec.ports[].name') ?? '',
      location: reader.locate(port),
    });
  }
  return ports;
}

function readResolution(reader: NodeReader, node: Node | undefined): Resolution {
  const value = reader.string(node, 'spec.resolution');
  if (value === undefined) return 'NONE';
  const upper = value.toUpperCase() as Resolution;
  if (RESOLUTIONS.includes(upper)) return upper;
  reader.report(node, 'invalid-value', `unknown resolution ${JSON.stringify(value)}; treated as NONE`, 'warning');
  return 'NONE';
}

/** spec.exportTo wins; the pre-1.1 `configScope` maps onto it (PRIVATE is ".", PUBLIC is "*"). */
function readExportTo(reader: NodeReader, spec: YAMLMap): string[] | undefined {
  const exportTo = reader.stringList(reader.child(spec, 'exportTo'), 'spec.exportTo');
  if (exportTo !== undefined) return exportTo;
  const scopeNode = reader.child(spec, 'configScope');
  const scope = reader.string(scopeNode, 'spec.configScope');
  if (scope === undefined) return undefined;
  if (scope.toUpperCase() === 'PRIVATE') return ['.'];
  if (scope.toUpperCase() === 'PUBLIC') return ['*'];
  reader.report(scopeNode, 'invalid-value', `unknown configScope ${JSON.stringify(scope)}; treated as the mesh default`, 'warning');
  return undefined;
}
