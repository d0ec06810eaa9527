import type { EntryRole } from '../model.js';
import type { GroupContext } from './analyze.js';
import { hostOwner } from './host-owner.js';
import type { Collision, MemberOutcome } from './collision-accumulator.js';
import { usesAllocatedVips } from './istio-version.js';
import { isAutoAllocationEligible, type ListenerUnit } from './listener-units.js';
import { consumerClasses, exportedTo, namespacesNamedBy, OTHER_NAMESPACES, sidecarImports } from './visibility.js';

/**
 * One hostname split over several entries (rule host-split). A sidecar keeps
 * one service per hostname: the copy of its own namespace, else the first it
 * imports (sidecar.go, unified scoping); copies of other namespaces are absent
 * for it, so ports only they declare are lost to that consumer. Within one
 * namespace the ports merge, but with auto-allocation each entry gets its own
 * VIP and DNS answers only one (istio/istio#53676).
 */
export function hostSplitCollisions(context: GroupContext): Collision[] {
  const { entries } = context.loaded;
  const takesPart = (i: number) => {
    const e = entries[i]!;
    const exportTo = context.exportTo[i]!;
    return !(e.ports.every((p) => p.protocolClass === 'UDP') || (!exportTo.includes('*') && namespacesNamedBy(e, exportTo).length === 0));
  };
  const out: Collision[] = [];
  // Only a hostname several entries name can be split (see hostsOfSeveralEntries).
  for (const [host, all] of context.sharedHosts) {
    const copies = all.filter(takesPart);
    if (copies.length < 2) continue;
    const collision = hostSplit(context, host, copies);
    if (collision) out.push(collision);
  }
  return out;
}

function hostSplit(context: GroupContext, host: string, copies: number[]): Collision | undefined {
  const { entries, sidecars } = context.loaded;
  const named = new Set<string>();
  for (const i of copies) {
    named.add(entries[i]!.namespace);
    for (const ns of namespacesNamedBy(entries[i]!, context.exportTo[i]!)) named.add(ns);
  }
  const wins = new Map<number, string[]>();
  const loses = new Map<number, string[]>();
  const classes = new Set<string>();
  let lostPort = Infinity;
  const note = (map: Map<number, string[]>, i: number, who: string) => {
    const list = map.get(i);
    if (list) list.push(who);
    else map.set(i, [who]);
  };

  for (const consumer of consumerClasses(named, sidecars, context.mesh)) {
    const ns = consumer.namespace;
    const visible = copies.filter((i) => {
      const e = entries[i]!;
      return exportedTo(e, context.exportTo[i]!, ns) && e.ports.some((p) => sidecarImports(consumer.sidecar, e.namespace, host, p.number, ns));
    });
    if (visible.length < 2) continue;
    // Which copy the consumer keeps must not depend on the order files were read in: ask on the lowest port any copy declares.
    let port = Infinity;
    for (const i of visible) for (const p of entries[i]!.ports) port = Math.min(port, p.number);
    if (!Number.isFinite(port)) port = 0;
    const owner = new Set(visible.map((i) => entries[i]!.namespace)).size > 1 ? hostOwner(context, host, port, consumer.sidecar, ns) : entries[visible[0]!]!.namespace;
    const kept = visible.filter((i) => entries[i]!.namespace === owner);
    const keptPorts = new Set(kept.flatMap((i) => entries[i]!.ports.map((p) => p.number)));
    const losers = visible.filter((i) => entries[i]!.namespace !== owner && entries[i]!.ports.some((p) => !keptPorts.has(p.number)));
    // Ports merge within a namespace, but VIPs do not: each allocated entry answers DNS with its own.
    const severalVips = kept.length > 1 && usesAllocatedVips(context.mesh, ns)
      && kept.filter((i) => isAutoAllocationEligible(entries[i]!, host)).length > 1
      && new Set(kept.map((i) => portSet(context, i))).size > 1;
    if (losers.length === 0 && !severalVips) continue;
    classes.add(consumer.id);
    for (const i of kept) note(wins, i, consumer.id);
    for (const i of losers) {
      note(loses, i, consumer.id);
      for (const p of entries[i]!.ports) if (!keptPorts.has(p.number)) lostPort = Math.min(lostPort, p.number);
    }
    if (severalVips) for (const i of kept) note(loses, i, consumer.id);
  }
  if (classes.size === 0) return undefined;

  const members = new Map<number, MemberOutcome>();
  for (const i of new Set([...wins.keys(), ...loses.keys()])) {
    const entry = entries[i]!;
    const winsFor = wins.get(i) ?? [];
    const losesFor = loses.get(i) ?? [];
    const role: EntryRole = losesFor.includes(OTHER_NAMESPACES) ? 'shadowed'
      : winsFor.includes(OTHER_NAMESPACES) ? 'winner'
        : losesFor.length > 0 ? 'shadowed' : 'winner';
    const units = entry.ports.map((port): ListenerUnit => ({ entry, entryIndex: i, port, host, listener: '', bind: 'wildcard', cidr: undefined, chain: 'tcp', sni: undefined }));
    const mixed = winsFor.length > 0 && losesFor.length > 0;
    members.set(i, {
      entry, entryIndex: i, hosts: [host], units, age: context.ages[i]!, bestTier: 2, role,
      winsFor: mixed || winsFor.length > 0 ? [...new Set(winsFor)] : [],
      losesFor: [...new Set(losesFor)],
    });
  }
  // A loop, not Math.min(...spread): a hostname split over many entries has more ports than a call has room for arguments.
  let lowest = Infinity;
  for (const m of members.values()) for (const u of m.units) lowest = Math.min(lowest, u.port.number);
  const port = Number.isFinite(lostPort) ? lostPort : lowest;
  return { rule: 'host-split', listener: `outbound||${host}`, port, subKey: host, consumerClasses: [...classes], members };
}

function portSet(context: GroupContext, i: number): string {
  return [...new Set(context.loaded.entries[i]!.ports.map((p) => p.number))].sort((a, b) => a - b).join(',');
}
