import { entryRef, type MeshOptions } from '../model.js';
import { tlsFixApplies } from './client-protocols.js';
import type { Collision, MemberOutcome } from './collision-accumulator.js';
import { istioProfile, usesAllocatedVips } from './istio-version.js';
import type { MemberSurvey } from './member-survey.js';
import { OTHER_NAMESPACES } from './visibility.js';

export interface Explanation {
  title: string;
  explanation: string;
  fixes: string[];
}

/**
 * Says which entry wins, why Istio picks it, what happens to the others'
 * traffic, and what each cure costs: the finding should teach, not only flag.
 */
export function explain(collision: Collision, members: MemberOutcome[], survey: MemberSurvey, mesh: MeshOptions): Explanation {
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
  const { winners, losers, open } = survey;
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
            : `These entries declare port ${port} as ${protocolsOf(survey)} with ${bindingOf(collision)}, so every sidecar that sees them builds one listener ${collision.listener} whose match-all TCP chain can lead to one destination only.`,
          'Istio keeps the chain of the service it processes first and drops the others: nothing fails at apply time and nothing is logged; only the metric pilot_conflict_outbound_listener_tcp_over_current_tcp counts it.',
          winnerSentence(winners, open, losers),
          losers.length > 0 ? `Connections from ${who} to ${hostsOf(losers)} port ${port} are proxied to ${lead}.` : '',
          passthroughNote(survey),
          unsetProtocolNote(survey),
        ].filter(Boolean).join(' '),
        fixes: shadowFixes(port, losers.length > 0 ? 'shadowed' : 'undetermined', tls, mesh, survey),
      };
    }
    case 'multi-host-tcp':
      return {
        title: `${members[0] ? entryRef(members[0].entry) : 'an entry'} lists several hosts on ${protocolsOf(survey)} port ${port}: only one host can own ${collision.listener}`,
        explanation: `Each host of a ServiceEntry is its own service, and all of them want the same match-all chain of ${collision.listener}. The hostname that sorts first keeps it; connections to the other hosts go there too. Istio's validation rejects several hosts on a non-HTTP, non-TLS port unless resolution is NONE (where traffic is passed through to its original IP).`,
        fixes: [
          ...(survey.tlsFixApplies ? [`Declare port ${port} as \`protocol: TLS\` (clients open with a TLS ClientHello carrying SNI): one SNI chain per host. Cost: TLS clients only.`] : []),
          'Use `resolution: NONE` if the hosts need no DNS resolution by the proxy. Cost: no load balancing or TLS origination by Envoy.',
          `Split the entry into one ServiceEntry per host, each with its own \`spec.addresses\` (the listener then binds that IP). Cost: one IP per host to own; ${VIP_CAVEAT}`,
        ],
      };
    case 'well-known-port-protocol':
      return {
        title: `${hostsOf(losers)} port ${port} is ignored: it disagrees in protocol with ${collision.listener}'s ${protocolsIn(winners.length > 0 ? winners : open)}`,
        explanation: `MONGO and MYSQL ports cannot share a listener with any other protocol: Istio ignores the later port entirely (isConflictWithWellKnownPort) and only logs a warning. ${winnerSentence(winners, open, losers)} Clients in ${who} reach nothing of ${hostsOf(losers)} on port ${port} through its own entry.`,
        fixes: [
          `Declare the same protocol on every entry of port ${port} (all ${protocolsIn(winners.length > 0 ? winners : open)}, or all TCP). Cost: none, if the protocol was chosen by habit. They may then still collide as TCP: give each its own address.`,
          `Give the entries distinct \`spec.addresses\` so each gets its own listener. Cost: an IP per entry; ${VIP_CAVEAT}`,
          ...(survey.movable.shadowed.length === 0 ? [] : ['Move one of them to another port. Cost: every client of it changes.']),
        ],
      };
    case 'tcp-captures-tls-port': {
      const tcp = members.filter((m) => m.units.some((u) => u.chain !== 'tls'));
      const tls = members.filter((m) => m.units.every((u) => u.chain === 'tls'));
      return {
        title: `${hostsOf(tcp)} takes every connection on ${collision.listener} that no TLS entry claims by SNI`,
        explanation: `${hostsOf(tls)} ${tls.length > 1 ? 'are' : 'is'} matched by SNI on ${collision.listener}, and ${hostsOf(tcp)} adds a match-all TCP chain there, which becomes the listener's default. Every connection from ${who} on port ${port} whose SNI names no TLS entry — clients without SNI, and every external host reached by passthrough, even those REGISTRY_ONLY would block — is proxied to ${hostsOf(tcp)}.`,
        fixes: [
          ...(tlsFixApplies(port, tcp.map((m) => m.entry)) ? [`Declare ${hostsOf(tcp)} port ${port} as \`protocol: TLS\` too (its clients open with a TLS ClientHello carrying SNI). Cost: TLS clients only.`] : []),
          'Narrow its `exportTo` to the namespaces that use it. Cost: other namespaces lose the entry, and it still captures the port in the ones that keep it.',
          `Give ${hostsOf(tcp)} its own \`spec.addresses\` so its chain moves to an IP listener. Cost: an IP to own; ${VIP_CAVEAT}`,
        ],
      };
    }
    case 'tcp-captures-port':
      return captureExplanation(collision, members, survey, mesh, who, hostsOf(members));
    case 'host-split':
      return hostSplitExplanation(collision, members, mesh);
    case 'http-tcp-sniffing': {
      const http = members.filter((m) => m.units.every((u) => u.chain === 'http'));
      const tcp = members.filter((m) => m.units.some((u) => u.chain !== 'http'));
      return {
        title: `${collision.listener} mixes HTTP (${hostsOf(http)}) and TCP (${hostsOf(tcp)}): Envoy sniffs each connection`,
        explanation: `HTTP entries always use the wildcard listener, routed by Host. With ${hostsOf(tcp)} declared TCP on the same port, Istio merges them into one sniffing listener and keeps both chains: connections detected as plaintext HTTP go to the HTTP routes by Host header, everything else to ${hostsOf(tcp)}'s TCP chain. The TCP entry is not shadowed; only its clients that speak plaintext HTTP are routed by Host instead of reaching it over TCP.`,
        fixes: [
          `Declare ${hostsOf(tcp)} as HTTP if it speaks HTTP: it is then routed by Host like the others. Cost: none for HTTP traffic.`,
          `Nothing to do if its clients never speak plaintext HTTP. Cost: one sniffing step per connection.`,
          `Give ${hostsOf(tcp)} its own \`spec.addresses\`. Cost: an IP to own; ${VIP_CAVEAT}`,
        ],
      };
    }
    case 'cidr-overlap':
      return {
        title: `CIDRs on ${collision.listener} overlap: ${hostsOf(winners)} takes the addresses inside ${hostsOf(losers)}'s range`,
        explanation: `Both CIDR chains stay on ${collision.listener}; Envoy picks the longest matching prefix, so connections to addresses inside the narrower range go to ${hostsOf(winners)}, not ${hostsOf(losers)}.`,
        fixes: ['If the overlap is unintended, make the ranges disjoint. Cost: none if the ranges were too wide.'],
      };
    case 'same-host':
      return {
        title: `${[...new Set(members.flatMap((m) => [...m.hosts]))].join(', ')} port ${port} is defined by ${members.length} ServiceEntries`,
        explanation: `A sidecar keeps one service per hostname: the first one processed (ports of later entries in the same namespace are merged in, but a port number it already has is not). ${winnerSentence(winners, open, losers)} All entries point at the same cluster ${collision.listener}, so this is not a listener collision, but settings of the later entries (protocol, resolution, endpoints) do not apply.${protocolsOf(survey).includes(',') ? ` The entries disagree on the protocol (${protocolsOf(survey)}), which Istio reports as IST0177.` : ''}${mesh.autoAllocate ? ' With IP auto-allocation each entry may get its own VIP for this host (istio/istio#53676), so clients can resolve different addresses.' : ''}`,
        fixes: ['Consolidate into one ServiceEntry per host (list every port there). Cost: none; one place to edit.'],
      };
  }
}

/** A NONE winner's cluster is ORIGINAL_DST: shadowed traffic still reaches its IP, only policy and telemetry go astray. */
function passthroughNote(survey: MemberSurvey): string {
  if (survey.winners.length === 0 || survey.passthrough.winner < survey.winners.length) return '';
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
    return 'where it is private or exported by name, because such entries form one list, in creation order, that Istio processes before the public ones';
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

/** Why a VIP in spec.addresses is not a cure on its own. */
const VIP_CAVEAT = 'an address in `spec.addresses` only helps clients that connect to it (Istio DNS capture answers with it, or clients are given the IP); with plain DNS they still reach the real IP and land on the wildcard listener.';

/**
 * Cures best first: those that work without DNS capture lead (TLS where
 * clients open with SNI, narrower visibility, the real IP), then the VIP and
 * auto-allocation that need it, then another port (never for a real external
 * host, whose port is not ours to choose).
 */
function shadowFixes(port: number, victimRole: 'shadowed' | 'undetermined', tls: boolean, mesh: MeshOptions, survey: MemberSurvey): string[] {
  const victims = victimRole === 'shadowed' ? survey.losers : survey.open;
  const names = describeHosts(victims);
  const several = victims.length > 1;
  const sni = `Declare port ${port} of ${names} as \`protocol: TLS\` (their clients open with a TLS ClientHello carrying SNI): Envoy then matches each host by SNI on 0.0.0.0_${port} and they coexist. Cost: TLS clients with SNI only; Envoy no longer sees plaintext, so no TLS origination for this port.`;
  const scope = `Narrow \`exportTo\` of ${names} (e.g. \`["."]\`) or use Sidecar egress hosts, so that no workload sees both. Cost: other namespaces lose the entry.`;
  const realIp = `Give ${names} ${several ? 'each its' : 'its'} real, stable IP in \`spec.addresses\`: clients connect to that IP anyway, so ${several ? 'each' : 'its'} chain moves to a listener <ip>_${port} of its own without DNS capture. Cost: only for services with fixed IPs.`;
  const vip = `Give ${names} ${several ? 'each a' : 'a'} reserved VIP in \`spec.addresses\`. Cost: ${VIP_CAVEAT}`;
  const autoAllocate = `Turn on DNS capture for the consumers (ISTIO_META_DNS_CAPTURE; from Istio 1.25 istiod allocates VIPs by default, before also ISTIO_META_DNS_AUTO_ALLOCATE): each eligible entry gets its own VIP and listener. Cost: a proxy setting per consumer; entries with resolution NONE or wildcard hosts are not covered.`;
  // Only entries whose port is ours to choose: a real external host's port is its operator's.
  const movable = survey.movable[victimRole];
  const move = `Serve ${describeHosts(movable)} on another port. Cost: every client changes.`;
  if (tls) return [scope, `Remove \`spec.addresses\` so the TLS chains are matched by SNI on 0.0.0.0_${port}. Cost: none if clients send SNI.`, vip];
  const fixes = survey.tlsFixApplies ? [sni, scope, realIp, vip] : [scope, realIp, vip];
  if (!usesAllocatedVips(mesh, undefined)) fixes.push(autoAllocate);
  if (movable.length > 0) fixes.push(move);
  return fixes;
}

/** Unset protocol is sniffed: plaintext HTTP still routes by Host; only the rest meets the match-all chain. */
function unsetProtocolNote(survey: MemberSurvey): string {
  return survey.sniffed
    ? 'Ports with no protocol are sniffed: their plaintext HTTP clients are still routed by Host header; only the rest of their traffic meets the match-all chain.'
    : '';
}

/** Rule tcp-captures-port: one entry alone owns the port's match-all chain (ISTIO-SEMANTICS §5b). */
function captureExplanation(collision: Collision, members: MemberOutcome[], survey: MemberSurvey, mesh: MeshOptions, who: string, hosts: string): Explanation {
  const port = collision.port;
  const registryOnly = mesh.outboundTrafficPolicy === 'REGISTRY_ONLY';
  const policy = mesh.outboundTrafficPolicy ? `outboundTrafficPolicy ${mesh.outboundTrafficPolicy}` : 'outboundTrafficPolicy ALLOW_ANY, Istio\'s default; set it if the mesh runs REGISTRY_ONLY';
  const passthrough = survey.allPassthrough;
  const effect = passthrough
    ? registryOnly
      ? `Its resolution is NONE, so each connection goes on to the address the client asked for: under ${policy} the egress lockdown is bypassed for the whole port, since connections to undeclared hosts are no longer blocked.`
      : `Its resolution is NONE, so each connection still reaches the address the client asked for, but policy and telemetry of every undeclared host on port ${port} are attributed to this entry (${policy}).`
    : registryOnly
      ? `Its resolution is ${members[0]!.entry.resolution}, so those connections are proxied to ${hosts}: under ${policy} they are misdelivered instead of blocked.`
      : `Its resolution is ${members[0]!.entry.resolution}, so those connections are proxied to ${hosts}${port === 443 || port === 8443 ? ': HTTPS to any undeclared host meets the wrong server and certificate' : ''} (${policy}).`;
  const fixes = [
    ...(survey.tlsFixApplies ? [`Declare port ${port} as \`protocol: TLS\` (its clients open with a TLS ClientHello carrying SNI): the chain then matches ${hosts} by SNI only. Cost: TLS clients with SNI only.`] : []),
    `Give the entry its real, stable IP in \`spec.addresses\`: the chain moves to <ip>_${port} without DNS capture. Cost: only for services with fixed IPs.`,
    ...(passthrough ? [] : [`Turn on DNS capture for the consumers, so the entry gets an auto-allocated VIP (Istio 1.25+ allocates by default). Cost: a proxy setting per consumer.`]),
    `Give the entry a reserved VIP in \`spec.addresses\`. Cost: ${VIP_CAVEAT}`,
    `Narrow its \`exportTo\` to the namespaces that use it. Cost: other namespaces lose the entry; it still captures the port where it stays visible.`,
  ];
  return {
    title: `${survey.open.length > 0 ? `one of ${hosts}` : hosts} holds the match-all chain of ${collision.listener}: it takes every port ${port} connection no other entry claims`,
    explanation: [
      `${hosts} declare${members.length > 1 ? '' : 's'} port ${port} as ${protocolsOf(survey)} with no address (or a 0.0.0.0 prefix), so sidecars in ${who} build a match-all TCP chain on ${collision.listener}${members.length > 1 ? '; which entry keeps it depends on creation order' : ''}.`,
      `Every outbound connection on port ${port} to an address that no other listener or chain claims — any external host not declared by its own entry — now goes to this entry's cluster instead of PassthroughCluster (ALLOW_ANY) or BlackHoleCluster (REGISTRY_ONLY).`,
      effect,
      unsetProtocolNote(survey),
      'Istio issues #27990, #29992, #58696, #26303; istioctl analyze approximates it as IST0134.',
    ].filter(Boolean).join(' '),
    fixes,
  };
}

/** Rule host-split: which consumers keep which copy of a hostname, and which ports the others lose. */
function hostSplitExplanation(collision: Collision, members: MemberOutcome[], mesh: MeshOptions): Explanation {
  const host = collision.subKey;
  const profile = istioProfile(mesh.istioVersion);
  const portsOf = (m: MemberOutcome) => [...new Set(m.units.map((u) => u.port.number))].sort((a, b) => a - b);
  const lines: string[] = [];
  for (const m of members) {
    if (m.losesFor.length === 0) continue;
    const where = audience(m.losesFor);
    const keepers = members.filter((k) => k !== m && (k.winsFor.some((c) => m.losesFor.includes(c)) || (k.winsFor.length === 0 && k.role === 'winner')));
    const kept = new Set(keepers.flatMap(portsOf));
    const lost = portsOf(m).filter((p) => !kept.has(p));
    const merged = keepers.length > 0 && keepers.every((k) => k.entry.namespace === m.entry.namespace);
    lines.push(lost.length > 0 && !merged
      ? `In ${where}, sidecars keep ${refList(keepers)}'s copy, so port${lost.length > 1 ? 's' : ''} ${lost.join(', ')} that only ${entryRef(m.entry)} declares ${lost.length > 1 ? 'are' : 'is'} missing.`
      : `In ${where}, ${entryRef(m.entry)} and ${refList(keepers)} are merged (one namespace), but each gets its own auto-allocated VIP and DNS answers with one of them (istio/istio#53676), so clients can connect to a VIP that lacks the port they want.`);
  }
  return {
    title: `${host} is split over ${members.length} ServiceEntries: some consumers lose ports`,
    explanation: [
      `A sidecar keeps one service per hostname: the copy in its own namespace if there is one${profile.ownNamespaceHostFirst ? '' : ' (from Istio 1.24; this analysis assumes ' + profile.label + ', where the first imported copy wins)'}, else the first one it imports. Copies from other namespaces are then absent for it, with their ports.`,
      ...lines,
    ].join(' '),
    fixes: [
      `Consolidate ${host} into one ServiceEntry that lists every port, exported to every namespace that needs it. Cost: one owner for the entry.`,
      'If namespaces need different definitions on purpose, give each copy every port its consumers use. Cost: ports declared twice.',
    ],
  };
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

/** The protocols of all members, as sentences name them. */
function protocolsOf(survey: MemberSurvey): string {
  return namedProtocols(survey.protocols);
}

/** The protocols of some of the members. */
function protocolsIn(members: readonly MemberOutcome[]): string {
  const protocols = new Set<string>();
  for (const m of members) for (const u of m.units) protocols.add(u.port.protocol);
  return namedProtocols(protocols);
}

function namedProtocols(protocols: Iterable<string>): string {
  return [...new Set(Array.from(protocols, (p) => p || 'unset'))].sort().join(', ');
}
