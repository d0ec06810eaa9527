import { createHash } from 'node:crypto';
import { entryRef, SEVERITY_RANK, type Finding, type FindingEntry, type MeshOptions, type Severity } from '../model.js';
import { displayProtocol } from '../protocol.js';
import { roleOf, type Collision, type MemberOutcome } from './collision-accumulator.js';
import { explain } from './explain.js';
import { surveyMembers, type MemberSurvey } from './member-survey.js';
import { OTHER_NAMESPACES } from './visibility.js';
import { DEFAULT_MESH_NAME } from '../repository/mesh-plan.js';

/**
 * Turns a merged collision into the finding people read and machines compare. `forComparison`: only
 * what comparing two analyses needs (id, severity, members and their roles), for fix verification,
 * which re-analyses the same large port many times: no explanation, no fingerprint, members unsorted.
 */
export function toFinding(collision: Collision, mesh: MeshOptions, meshName: string = DEFAULT_MESH_NAME, forComparison = false): Finding {
  const members = forComparison ? [...collision.members.values()] : sortedMembers(collision.members.values());
  // One collision can hold 100k entries: every per-entry step below stays linear, and shares one pass.
  const entries: FindingEntry[] = [];
  const survey = surveyMembers(members, collision.port, { visit: (m) => entries.push(toFindingEntry(m)), movable: !forComparison });
  const severity = severityOf(collision, survey, mesh);
  const text = forComparison ? { title: '', explanation: '', fixes: [] } : withControllerNote(explain(collision, members, survey, mesh), mesh);
  return {
    // The default mesh keeps the ids of single-mesh runs, so earlier comments and baselines still match.
    id: findingId(meshName, collision.rule, collision.listener, collision.subKey),
    mesh: meshName,
    membersFingerprint: forComparison ? '' : membersFingerprint(entries),
    rule: collision.rule,
    severity,
    listener: collision.listener,
    port: collision.port,
    protocols: [...new Set(survey.protocols.map(displayProtocol))].sort(),
    namespaces: sortNamespaces(collision.consumerClasses),
    entries,
    ...text,
  };
}

/** Where a controller addresses entries, a finding says why its own entries were not among them. */
function withControllerNote<T extends { explanation: string }>(text: T, mesh: MeshOptions): T {
  if (mesh.controllerManagedAddresses !== true) return text;
  const why = mesh.controllerManagedAddressesReason
    ? `This mesh is treated as Aeraki-managed (${mesh.controllerManagedAddressesReason}; no config file said otherwise)`
    : 'This mesh is configured with controllerManagedAddresses';
  return { ...text, explanation: `${text.explanation} ${why}: a controller writes a VIP into spec.addresses of every entry that has none and whose resolution is not NONE, and this finding is what remains with those VIPs in place (entries with their own addresses or resolution NONE are left as they are; HTTP is routed by Host whatever the address).` };
}

function toFindingEntry(member: MemberOutcome): FindingEntry {
  const firstUnit = member.units[0]!;
  return {
    ref: entryRef(member.entry),
    name: member.entry.name,
    namespace: member.entry.namespace,
    // One host (nearly every member) needs no sorted copy: the finding shares the member's list.
    hosts: member.hosts.length === 1 ? member.hosts : [...member.hosts].sort(),
    protocol: displayProtocol(firstUnit.port.protocol),
    role: roleOf(member),
    winsFor: sortSharedNamespaces(member.winsFor),
    losesFor: sortSharedNamespaces(member.losesFor),
    location: member.entry.location,
    portLocation: firstUnit.port.location,
  };
}

function severityOf(collision: Collision, survey: MemberSurvey, mesh: MeshOptions): Severity {
  switch (collision.rule) {
    case 'tcp-shadowed': {
      // A passthrough (NONE) winner forwards to the original IP: traffic arrives, only policy and telemetry go astray.
      const possibleWinners = survey.winners.length + survey.open.length;
      return possibleWinners > 0 && survey.passthrough.winner + survey.passthrough.undetermined === possibleWinners ? 'warning' : 'error';
    }
    case 'multi-host-tcp':
      return survey.allPassthrough ? 'info' : 'error';
    case 'tls-shadowed':
    case 'well-known-port-protocol':
      return 'error';
    case 'tcp-captures-tls-port':
    case 'http-tcp-sniffing':
      return 'warning';
    case 'cidr-overlap':
      return 'info';
    case 'same-host':
      return survey.protocols.length > 1 || mesh.autoAllocate || mesh.dnsCapture === true ? 'warning' : 'info';
    case 'host-split':
      return 'warning';
    case 'tcp-captures-port':
      return captureSeverity(collision, survey, mesh);
  }
}

/**
 * How bad a lone match-all chain is (ISTIO-SEMANTICS §5b): a passthrough
 * entry under REGISTRY_ONLY opens the egress lockdown for the whole port; a
 * resolving entry on an HTTPS port sends every undeclared host's HTTPS to
 * itself (wrong certificate) under ALLOW_ANY; elsewhere fewer clients share
 * the port, and under REGISTRY_ONLY that traffic was blocked anyway.
 */
function captureSeverity(collision: Collision, survey: MemberSurvey, mesh: MeshOptions): Severity {
  const registryOnly = mesh.outboundTrafficPolicy === 'REGISTRY_ONLY';
  if (survey.allPassthrough) return registryOnly ? 'error' : 'info';
  // Unset protocol: plaintext HTTP still routes by Host, so on HTTP ports only the non-HTTP rest is captured.
  const busy = BUSY_HTTPS_PORTS.has(collision.port) || (survey.plainTcp && BUSY_HTTP_PORTS.has(collision.port));
  if (registryOnly) return busy ? 'warning' : 'info';
  return busy ? 'error' : 'warning';
}

const BUSY_HTTPS_PORTS = new Set([443, 8443]);
const BUSY_HTTP_PORTS = new Set([80, 8080]);

export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.port - b.port || a.listener.localeCompare(b.listener)
    || afterCollisions(a) - afterCollisions(b) || a.id.localeCompare(b.id);
}

/** On one listener, what entries do to each other reads first; the match-all chain their holder keeps follows. */
function afterCollisions(f: Finding): number {
  return f.rule === 'tcp-captures-port' ? 1 : 0;
}

const ROLE_ORDER = { winner: 0, undetermined: 1, shadowed: 2 } as const;
/** What `String.prototype.localeCompare` does without arguments, built once instead of per comparison. */
const byLocale = new Intl.Collator().compare;

/** Winners, then undetermined, then shadowed; by `namespace/name` within each. Keys are made once per member, not per comparison. */
function sortedMembers(outcomes: Iterable<MemberOutcome>): MemberOutcome[] {
  const byRole: Array<Array<{ member: MemberOutcome; ref: string }>> = [[], [], []];
  for (const member of outcomes) byRole[ROLE_ORDER[roleOf(member)]]!.push({ member, ref: entryRef(member.entry) });
  const sorted: MemberOutcome[] = [];
  for (const keyed of byRole) {
    // Kubernetes names ([a-z0-9.-], and the `/` of a ref) sort the same by code unit as by locale, so a cheap
    // code-unit sort comes first, and one locale comparison per neighbouring pair confirms it (a stable locale sort
    // of a list already in locale order keeps it as it is); wherever the two orders differ, the locale sort decides.
    keyed.sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
    if (!inLocaleOrder(keyed)) keyed.sort((a, b) => byLocale(a.ref, b.ref));
    for (const k of keyed) sorted.push(k.member);
  }
  return sorted;
}

function inLocaleOrder(keyed: ReadonlyArray<{ ref: string }>): boolean {
  for (let i = 1; i < keyed.length; i++) if (byLocale(keyed[i - 1]!.ref, keyed[i]!.ref) > 0) return false;
  return true;
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
  if (namespaces.length === 0) return NO_NAMESPACES;
  let sorted = sortedShared.get(namespaces);
  if (!sorted) {
    sorted = sortNamespaces(namespaces);
    sortedShared.set(namespaces, sorted);
  }
  return sorted;
}

/** Shared by every finding entry whose outcome is alike for all namespaces (most of them); frozen, so no one can grow it for all. */
const NO_NAMESPACES = Object.freeze([]) as unknown as string[];

/** The hash of one line per member (`ref|hosts|role`), fed in pieces: 100k members never become one string. */
function membersFingerprint(entries: readonly FindingEntry[]): string {
  const hash = createHash('sha256');
  let piece = '';
  entries.forEach((e, i) => {
    piece += `${i > 0 ? '\n' : ''}${e.ref}|${e.hosts.length === 1 ? e.hosts[0] : e.hosts.join(',')}|${e.role}`;
    if (piece.length > 65_536) {
      hash.update(piece);
      piece = '';
    }
  });
  return hash.update(piece).digest('hex').slice(0, 16);
}

/** A finding's id: its mesh, rule, listener and sub-key, so the same collision keeps its id across analyses and commits. */
export function findingId(meshName: string = DEFAULT_MESH_NAME, rule: string, listener: string, subKey: string): string {
  return fingerprint(`${meshName === DEFAULT_MESH_NAME ? '' : `${meshName}|`}${rule}|${listener}|${subKey}`);
}

function fingerprint(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
