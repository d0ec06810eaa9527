import { createHash } from 'node:crypto';
import { entryRef, SEVERITY_RANK, type Finding, type FindingEntry, type MeshOptions, type Severity } from '../model.js';
import { displayProtocol } from '../protocol.js';
import { roleOf, type Collision, type MemberOutcome } from './collision-accumulator.js';
import { explain } from './explain.js';
import { OTHER_NAMESPACES } from './visibility.js';

/** Turns a merged collision into the finding people read and machines compare. */
export function toFinding(collision: Collision, mesh: MeshOptions): Finding {
  const members = [...collision.members.values()].sort(compareMembers);
  // One collision can hold 100k entries: every per-entry step below stays linear.
  const entries = members.map(toFindingEntry);
  const severity = severityOf(collision, members, mesh);
  const text = explain(collision, members, mesh);
  return {
    id: fingerprint(`${collision.rule}|${collision.listener}|${collision.subKey}`),
    membersFingerprint: fingerprint(entries.map((e) => `${e.ref}|${e.hosts.join(',')}|${e.role}`).join('\n')),
    rule: collision.rule,
    severity,
    listener: collision.listener,
    port: collision.port,
    protocols: [...new Set(members.flatMap((m) => m.units.map((u) => displayProtocol(u.port.protocol))))].sort(),
    namespaces: sortNamespaces(collision.consumerClasses),
    entries,
    ...text,
  };
}

function toFindingEntry(member: MemberOutcome): FindingEntry {
  const firstUnit = member.units[0]!;
  return {
    ref: entryRef(member.entry),
    name: member.entry.name,
    namespace: member.entry.namespace,
    hosts: [...member.hosts].sort(),
    protocol: displayProtocol(firstUnit.port.protocol),
    role: roleOf(member),
    winsFor: sortSharedNamespaces(member.winsFor),
    losesFor: sortSharedNamespaces(member.losesFor),
    location: member.entry.location,
    portLocation: firstUnit.port.location,
  };
}

function severityOf(collision: Collision, members: MemberOutcome[], mesh: MeshOptions): Severity {
  switch (collision.rule) {
    case 'tcp-shadowed': {
      // A passthrough (NONE) winner forwards to the original IP: traffic arrives, only policy and telemetry go astray.
      const possibleWinners = members.filter((m) => roleOf(m) !== 'shadowed');
      return possibleWinners.length > 0 && possibleWinners.every((m) => m.entry.resolution === 'NONE') ? 'warning' : 'error';
    }
    case 'multi-host-tcp':
      return members.every((m) => m.entry.resolution === 'NONE') ? 'info' : 'error';
    case 'tls-shadowed':
    case 'well-known-port-protocol':
      return 'error';
    case 'tcp-captures-tls-port':
    case 'http-tcp-sniffing':
      return 'warning';
    case 'cidr-overlap':
      return 'info';
    case 'same-host': {
      const protocols = new Set(members.flatMap((m) => m.units.map((u) => u.port.protocol)));
      return protocols.size > 1 || mesh.autoAllocate ? 'warning' : 'info';
    }
  }
}

export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.port - b.port || a.listener.localeCompare(b.listener) || a.id.localeCompare(b.id);
}

function compareMembers(a: MemberOutcome, b: MemberOutcome): number {
  const rank = { winner: 0, undetermined: 1, shadowed: 2 } as const;
  return rank[roleOf(a)] - rank[roleOf(b)] || entryRef(a.entry).localeCompare(entryRef(b.entry));
}

/** `*` (every other namespace) last, the named ones sorted before it. */
export function sortNamespaces(namespaces: Iterable<string>): string[] {
  const list = [...new Set(namespaces)];
  return list.filter((n) => n !== OTHER_NAMESPACES).sort().concat(list.includes(OTHER_NAMESPACES) ? [OTHER_NAMESPACES] : []);
}

/**
 * Members that see the same namespaces share one array (see the accumulator), so it is sorted once
 * and the sorted copy is shared too: sorting it per member made K namespaces × N members.
 */
const sortedShared = new WeakMap<readonly string[], string[]>();
function sortSharedNamespaces(namespaces: readonly string[]): string[] {
  if (namespaces.length === 0) return [];
  let sorted = sortedShared.get(namespaces);
  if (!sorted) {
    sorted = sortNamespaces(namespaces);
    sortedShared.set(namespaces, sorted);
  }
  return sorted;
}

function fingerprint(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
