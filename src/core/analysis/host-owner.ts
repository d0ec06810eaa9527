import type { ListenerUnit } from './listener-units.js';
import type { GroupContext } from './analyze.js';
import { firstProcessed, type RankedUnit } from './precedence.js';
import { exportedTo, sidecarImports } from './visibility.js';
import type { Sidecar } from '../model.js';

/**
 * The namespace whose copy of a hostname a consumer keeps (sidecar.go, one
 * service per hostname): its own namespace's copy if it has one (1.24+
 * unified scoping), else the first it imports in processing order. Copies
 * from other namespaces are then absent for it.
 */
export function hostOwner(context: GroupContext, host: string, port: number, sidecar: Sidecar | undefined, ns: string | undefined): string {
  const copies = (context.hostCopies.get(host) ?? []).filter((i) => {
    const entry = context.loaded.entries[i]!;
    return exportedTo(entry, context.exportTo[i]!, ns) && sidecarImports(sidecar, entry.namespace, host, port, ns);
  });
  if (copies.length === 0) return '';
  if (context.profile.ownNamespaceHostFirst && ns !== undefined && copies.some((i) => context.loaded.entries[i]!.namespace === ns)) return ns;
  const ranked = copies.map((i): RankedUnit => {
    const entry = context.loaded.entries[i]!;
    const unit: ListenerUnit = { entry, entryIndex: i, port: entry.ports[0]!, host, listener: '', bind: 'wildcard', cidr: undefined, chain: 'tcp', sni: undefined };
    return { unit, tier: context.exportTo[i]!.includes('*') ? 2 : 0, age: context.ages[i]! };
  });
  const { winner, candidates } = firstProcessed(ranked);
  if (winner) return winner.unit.entry.namespace;
  // Creation times unknown: take the copy Istio would process first were they equal (hostname, then
  // namespace, SortServicesByCreationTime from 1.23), never the order files happened to be read in.
  return candidates.map((c) => c.unit.entry.namespace).sort()[0]!;
}
