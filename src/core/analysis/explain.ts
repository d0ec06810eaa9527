import { entryRef, type MeshOptions } from '../model.js';
import { roleOf, type Collision, type MemberOutcome } from './collision-accumulator.js';
import { OTHER_NAMESPACES } from './visibility.js';

export interface Explanation {
  title: string;
  explanation: string;
  fixes: string[];
}

/** Ports whose clients almost always speak TLS with SNI, so `protocol: TLS` is the cheap cure. */
const TLS_PORTS = new Set([443, 8443, 9443, 6443, 993, 995, 465, 636]);

/**
 * Says which entry wins, why Istio picks it, what happens to the others'
 * traffic, and what each cure costs: the finding should teach, not only flag.
 */
export function explain(collision: Collision, members: MemberOutcome[], mesh: MeshOptions): Explanation {
  // A collision can hold 100k entries: name each list of hosts once, not in every sentence.
  const named = new Map<readonly MemberOutcome[], string>();
  const hostsOf = (list: readonly MemberOutcome[]) => {
    let text = named.get(list);
    if (text === undefined) {
      text = describeHosts(list);
      named.set(list, text);
    }
    return text;
  };
  const winners = members.filter((m) => roleOf(m) === 'winner');
  const losers = members.filter((m) => roleOf(m) === 'shadowed');
  const open = members.filter((m) => roleOf(m) === 'undetermined');
  const port = collision.port;
  const who = audience(collision.consumerClasses);
  switch (collision.rule) {
    case 'tcp-shadowed':
    case 'tls-shadowed': {
      const tls = collision.rule === 'tls-shadowed';
      const lead = winners.length > 0 ? hostsOf(winners) : open.length > 0 ? `one of ${hostsOf(open)}` : 'the first entry';
      return {
        title: (losers.length > 0
          ? `${hostsOf(losers)} port ${port} traffic goes to ${lead} (shared listener ${collision.listener})`
          : `${hostsOf(open)} share listener ${collision.listener}: only one of them gets the traffic`)
          + (collision.consumerClasses.includes(OTHER_NAMESPACES) ? '' : ` in ${who}`),
        explanation: [
          tls
            ? `These entries declare port ${port} as TLS on the same address, so their filter chains have the same match (no SNI to tell them apart) on listener ${collision.listener}.`
            : `These entries declare port ${port} as ${protocolsOf(members)} with ${bindingOf(collision)}, so every sidecar that sees them builds one listener ${collision.listener} whose match-all TCP chain can lead to one destination only.`,
          'Istio keeps the chain of the service it processes first and drops the others: nothing fails at apply time and nothing is logged; only the metric pilot_conflict_outbound_listener_tcp_over_current_tcp counts it.',
          winnerSentence(winners, open, losers),
          losers.length > 0 ? `Connections from ${who} to ${hostsOf(losers)} port ${port} are proxied to ${lead}.` : '',
          passthroughNote(winners),
        ].filter(Boolean).join(' '),
        fixes: shadowFixes(port, losers.length > 0 ? losers : open, tls, mesh),
      };
    }
    case 'multi-host-tcp':
      return {
        title: `${members[0] ? entryRef(members[0].entry) : 'an entry'} lists several hosts on ${protocolsOf(members)} port ${port}: only one host can own ${collision.listener}`,
        explanation: `Each host of a ServiceEntry is its own service, and all of them want the same match-all chain of ${collision.listener}. The hostname that sorts first keeps it; connections to the other hosts go there too. Istio's validation rejects several hosts on a non-HTTP, non-TLS port unless resolution is NONE (where traffic is passed through to its original IP).`,
        fixes: [
          'Split the entry into one ServiceEntry per host, each with its own `spec.addresses` (the listener then binds that IP). Cost: one IP per host to own.',
          `Declare port ${port} as \`protocol: TLS\` if clients send SNI: one SNI chain per host. Cost: TLS clients only.`,
          'Use `resolution: NONE` if the hosts need no DNS resolution by the proxy. Cost: no load balancing or TLS origination by Envoy.',
        ],
      };
    case 'well-known-port-protocol':
      return {
        title: `${hostsOf(losers)} port ${port} is ignored: it disagrees in protocol with ${collision.listener}'s ${protocolsOf(winners.length > 0 ? winners : open)}`,
        explanation: `MONGO and MYSQL ports cannot share a listener with any other protocol: Istio ignores the later port entirely (isConflictWithWellKnownPort) and only logs a warning. ${winnerSentence(winners, open, losers)} Clients in ${who} reach nothing of ${hostsOf(losers)} on port ${port} through its own entry.`,
        fixes: [
          `Declare the same protocol on every entry of port ${port} (all ${protocolsOf(winners.length > 0 ? winners : open)}, or all TCP). Cost: none, if the protocol was chosen by habit. They may then still collide as TCP: give each its own address.`,
          'Give the entries distinct `spec.addresses` so each gets its own listener. Cost: an IP per entry.',
          `Move one of them to another port. Cost: every client of it changes.`,
        ],
      };
    case 'tcp-captures-tls-port': {
      const tcp = members.filter((m) => m.units.some((u) => u.chain !== 'tls'));
      const tls = members.filter((m) => m.units.every((u) => u.chain === 'tls'));
      return {
        title: `${hostsOf(tcp)} takes every connection on ${collision.listener} that no TLS entry claims by SNI`,
        explanation: `${hostsOf(tls)} ${tls.length > 1 ? 'are' : 'is'} matched by SNI on ${collision.listener}, and ${hostsOf(tcp)} adds a match-all TCP chain there, which becomes the listener's default. Every connection from ${who} on port ${port} whose SNI names no TLS entry — clients without SNI, and every external host reached by passthrough, even those REGISTRY_ONLY would block — is proxied to ${hostsOf(tcp)}.`,
        fixes: [
          `Declare ${hostsOf(tcp)} port ${port} as \`protocol: TLS\` too, if its clients send SNI. Cost: TLS clients only.`,
          `Give ${hostsOf(tcp)} its own \`spec.addresses\` so its chain moves to an IP listener. Cost: an IP to own, that clients must connect to.`,
          'Narrow its `exportTo` to the namespaces that use it. Cost: other namespaces lose the entry.',
        ],
      };
    }
    case 'http-tcp-sniffing':
      return {
        title: `${collision.listener} mixes HTTP (${hostsOf(winners)}) and TCP (${hostsOf(losers)}): Envoy sniffs every connection`,
        explanation: `HTTP entries always use the wildcard listener, routed by Host. With ${hostsOf(losers)} declared TCP on the same port, Istio merges them into a sniffing listener: plaintext HTTP goes to the HTTP routes by Host header, everything else to the TCP chain. Clients of ${hostsOf(losers)} that speak plaintext HTTP no longer reach it through its TCP chain.`,
        fixes: [
          `Declare ${hostsOf(losers)} as HTTP if it speaks HTTP: it is then routed by Host like the others. Cost: none for HTTP traffic.`,
          `Give ${hostsOf(losers)} its own \`spec.addresses\`. Cost: an IP to own.`,
          'Move it to another port. Cost: every client changes.',
        ],
      };
    case 'cidr-overlap':
      return {
        title: `CIDRs on ${collision.listener} overlap: ${hostsOf(winners)} takes the addresses inside ${hostsOf(losers)}'s range`,
        explanation: `Both CIDR chains stay on ${collision.listener}; Envoy picks the longest matching prefix, so connections to addresses inside the narrower range go to ${hostsOf(winners)}, not ${hostsOf(losers)}.`,
        fixes: ['If the overlap is unintended, make the ranges disjoint. Cost: none if the ranges were too wide.'],
      };
    case 'same-host':
      return {
        title: `${[...new Set(members.flatMap((m) => [...m.hosts]))].join(', ')} port ${port} is defined by ${members.length} ServiceEntries`,
        explanation: `A sidecar keeps one service per hostname: the first one processed (ports of later entries in the same namespace are merged in, but a port number it already has is not). ${winnerSentence(winners, open, losers)} All entries point at the same cluster ${collision.listener}, so this is not a listener collision, but settings of the later entries (protocol, resolution, endpoints) do not apply.${protocolsOf(members).includes(',') ? ` The entries disagree on the protocol (${protocolsOf(members)}), which Istio reports as IST0177.` : ''}${mesh.autoAllocate ? ' With IP auto-allocation each entry may get its own VIP for this host (istio/istio#53676), so clients can resolve different addresses.' : ''}`,
        fixes: ['Consolidate into one ServiceEntry per host (list every port there). Cost: none; one place to edit.'],
      };
  }
}

/** A NONE winner's cluster is ORIGINAL_DST: shadowed traffic still reaches its IP, only policy and telemetry go astray. */
function passthroughNote(winners: readonly MemberOutcome[]): string {
  if (winners.length === 0 || !winners.every((w) => w.entry.resolution === 'NONE')) return '';
  return 'The winner has resolution NONE, so its cluster forwards each connection to its original destination IP: the other hosts are still reached, but their DestinationRules, telemetry and authorization apply to the winner instead.';
}

function winnerSentence(winners: MemberOutcome[], open: MemberOutcome[], losers: MemberOutcome[]): string {
  if (winners.length > 0) {
    const shown = winners.slice(0, 3).map((w) => `${entryRef(w.entry)} (${describeHosts([w])}) wins ${whyFirst(w, losers)}`);
    return `${shown.join('; ')}${winners.length > 3 ? `; and ${winners.length - 3} more entries for the same host` : ''}.`;
  }
  if (open.length > 0) {
    return `Which of ${refList(open)} wins depends on creation order, which the manifests do not record: the entry created first (older creationTimestamp) takes it, and with equal timestamps the hostname that sorts first. Either way only one of them gets the traffic.`;
  }
  return '';
}

function refList(members: readonly MemberOutcome[]): string {
  const shown = members.slice(0, 5).map((m) => entryRef(m.entry)).join(', ');
  return members.length > 5 ? `${shown} and ${members.length - 5} more` : shown;
}

/** The rule of Istio's processing order that put this entry first. */
function whyFirst(winner: MemberOutcome, losers: MemberOutcome[]): string {
  if (losers.some((l) => l.bestTier > winner.bestTier)) {
    return winner.bestTier === 0
      ? `in namespace ${winner.entry.namespace} because it is exported only there, and private entries are processed before public ones`
      : 'because entries exported to a namespace by name are processed before public ones';
  }
  if (losers.some((l) => l.age.generation > winner.age.generation)) {
    return 'because it already exists: entries created by this change are younger, and Istio processes the oldest first';
  }
  const t = winner.age.timestamp;
  if (t !== undefined && losers.some((l) => l.age.timestamp !== undefined && l.age.timestamp > t)) {
    return `because it was created first (creationTimestamp ${new Date(t * 1000).toISOString()})`;
  }
  if (losers.every((l) => l.entry === winner.entry)) return 'because its hostname sorts first among the entry\'s hosts';
  return 'because, created in the same second, its hostname sorts first';
}

function shadowFixes(port: number, victims: MemberOutcome[], tls: boolean, mesh: MeshOptions): string[] {
  const names = describeHosts(victims);
  const several = victims.length > 1;
  const address = `Give ${names} ${several ? 'each its' : 'its'} own \`spec.addresses\` (the real IP, or a reserved VIP that clients resolve through DNS capture): ${several ? 'each' : 'its'} chain moves to a listener <ip>_${port} of its own. Cost: an address to own; with DNS resolution the IP is only the listener's key, so clients must actually connect to it.`;
  const sni = `Declare port ${port} of ${names} as \`protocol: TLS\` (clients send SNI for HTTPS): Envoy then matches each host by SNI on 0.0.0.0_${port} and they coexist. Cost: TLS clients with SNI only; Envoy no longer sees plaintext, so no TLS origination for this port.`;
  const scope = `Narrow \`exportTo\` of ${names} (e.g. \`["."]\`) or use Sidecar egress hosts, so that no workload sees both. Cost: other namespaces lose the entry.`;
  const autoAllocate = 'Turn on DNS capture with IP auto-allocation for the consumers (ISTIO_META_DNS_CAPTURE and ISTIO_META_DNS_AUTO_ALLOCATE, or Istio 1.25+ allocation plus DNS capture): each eligible entry gets its own VIP and listener. Cost: a mesh-wide proxy change; entries with resolution NONE or wildcard hosts are not covered.';
  const move = `Serve ${names} on another port. Cost: every client changes.`;
  if (tls) return [address, `Remove \`spec.addresses\` so the TLS chains are matched by SNI on 0.0.0.0_${port}. Cost: none if clients send SNI.`, scope];
  const fixes = TLS_PORTS.has(port) ? [sni, address, scope] : [address, scope, sni];
  if (!mesh.autoAllocate) fixes.push(autoAllocate);
  fixes.push(move);
  return fixes;
}

function bindingOf(collision: Collision): string {
  return collision.subKey.startsWith('|') && collision.subKey.length > 1 ? `the same CIDR ${collision.subKey.slice(1)}` : collision.listener.startsWith('0.0.0.0_') ? 'no spec.addresses' : 'the same address';
}

function audience(classes: readonly string[]): string {
  const named = classes.filter((c) => c !== OTHER_NAMESPACES);
  const others = classes.includes(OTHER_NAMESPACES);
  if (named.length === 0) return 'every namespace';
  return others ? `every namespace (${named.join(', ')} included)` : `namespace${named.length > 1 ? 's' : ''} ${named.join(', ')}`;
}

/** The first three hosts and how many entries are left: enough to recognise, cheap for 100k entries. */
function describeHosts(members: readonly MemberOutcome[]): string {
  const shown: string[] = [];
  let used = 0;
  for (const m of members) {
    if (shown.length >= 3) break;
    used++;
    for (const h of m.hosts) if (shown.length < 3 && !shown.includes(h)) shown.push(h);
  }
  const rest = members.length - used;
  return rest > 0 ? `${shown.join(', ')} and the hosts of ${rest} more entr${rest === 1 ? 'y' : 'ies'}` : shown.join(', ');
}

function protocolsOf(members: readonly MemberOutcome[]): string {
  const list = [...new Set(members.flatMap((m) => m.units.map((u) => u.port.protocol || 'unset')))].sort();
  return list.join(', ');
}
