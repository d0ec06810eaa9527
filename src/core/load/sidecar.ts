import type { Sidecar, SidecarEgress } from '../model.js';
import type { ManifestHeader } from './service-entry.js';
import type { ValueReader, YamlMap } from './value-reader.js';

/** A Sidecar narrows which ServiceEntries a namespace's proxies see, so it changes who collides. */
export function readSidecar(reader: ValueReader, header: ManifestHeader, root: YamlMap): Sidecar {
  const spec = reader.map(reader.field(root, 'spec'), 'spec');
  const egress: SidecarEgress[] = [];
  for (const item of reader.items(reader.field(spec, 'egress'), 'spec.egress')) {
    const listener = reader.map(item, 'each item of spec.egress');
    if (!listener) continue;
    const port = reader.map(reader.field(listener, 'port'), 'spec.egress[].port');
    egress.push({
      hosts: reader.stringList(reader.field(listener, 'hosts'), 'spec.egress[].hosts') ?? [],
      port: reader.integer(reader.field(port, 'number'), 'spec.egress[].port.number'),
      protocol: (reader.string(reader.field(port, 'protocol'), 'spec.egress[].port.protocol') ?? '').toUpperCase(),
    });
  }
  return {
    kind: 'Sidecar',
    name: header.name,
    namespace: header.namespace,
    hasWorkloadSelector: reader.field(spec, 'workloadSelector') !== undefined,
    egress,
    location: header.location,
  };
}
