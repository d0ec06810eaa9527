import type { YAMLMap } from 'yaml';
import type { Sidecar, SidecarEgress } from '../model.js';
import type { ManifestHeader } from './service-entry.js';
import type { NodeReader } from './yaml-nodes.js';

/** A Sidecar narrows which ServiceEntries a namespace's proxies see, so it changes who collides. */
export function readSidecar(reader: NodeReader, header: ManifestHeader, root: YAMLMap): Sidecar {
  const spec = reader.map(reader.child(root, 'spec'), 'spec');
  const egress: SidecarEgress[] = [];
  for (const item of reader.seqItems(reader.child(spec, 'egress'), 'spec.egress')) {
    const listener = reader.map(item, 'each item of spec.egress');
    if (!listener) continue;
    const portMap = reader.map(reader.child(listener, 'port'), 'spec.egress[].port');
    egress.push({
      hosts: reader.stringList(reader.child(listener, 'hosts'), 'spec.egress[].hosts') ?? [],
      port: reader.integer(reader.child(portMap, 'number'), 'spec.egress[].port.number'),
    });
  }
  return {
    kind: 'Sidecar',
    name: header.name,
    namespace: header.namespace,
    hasWorkloadSelector: reader.child(spec, 'workloadSelector') !== undefined,
    egress,
    location: header.location,
  };
}
