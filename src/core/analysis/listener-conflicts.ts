import ipaddr from 'ipaddr.js';
import type { RuleCode } from '../model.js';
import { isWellKnownPortProtocol } from '../protocol.js';
import { cidrContains } from './addresses.js';
import { firstProcessed, type RankedUnit } from './precedence.js';

/** One collision as one or more consumer classes' sidecars see it. */
export interface CollisionRecord {
  rule: RuleCode;
  listener: string;
  /** Tells apart collisions of one rule on one listener (the chain signature, the host). */
  subKey: string;
  winners: RankedUnit[];
  shadowed: RankedUnit[];
  undetermined: RankedUnit[];
}

/** A record as one consumer sees it; `allLose` marks baseline units that this consumer's own entries push out. */
export interface Emitted {
  record: CollisionRecord;
  allLose?: boolean;
}

/**
 * What every consumer of a listener shares: the public units, already split
 * the way the merge rules look at them, and the records they give alone.
 * A namespace that also sees private entries only recomputes the parts its
 * own units touch, so fifty namespaces do not mean fifty full passes.
 */
export interface ListenerBaseline {
  listener: string;
  units: RankedUnit[];
  records: CollisionRecord[];
  /** The hostnames of `units`, found when an overlay first asks: most listeners have no overlay, and 100k hostnames cost a pass. */
  hosts: () => ReadonlySet<string>;
  wellKnown: boolean;
  http: RankedUnit[];
  plainTcp: RankedUnit[];
  sniffing: CollisionRecord | undefined;
  bySignature: Map<string, RankedUnit[]>;
  shadowing: Map<string, CollisionRecord>;
  captureSlots: Map<string, CaptureSlot>;
  capture: Map<string, CollisionRecord>;
  cidrOverlap: CollisionRecord | undefined;
  /** Records made on demand that list baseline units, kept so every consumer shares the same object. */
  parts: Map<string, CollisionRecord>;
  allTls: Map<string, boolean>;
  /** Who holds the match-all chain of the bare wildcard (rule tcp-captures-port). */
  portCapture: CollisionRecord | undefined;
}

interface CaptureSlot {
  sni: RankedUnit[];
  matchAll: RankedUnit[];
}

/** Replays Istio's merge (handleConflict / mergeTCPFilterChains) of every unit one consumer sees on one listener. */
export function conflictsOnListener(listener: string, units: readonly RankedUnit[]): CollisionRecord[] {
  return listenerBaseline(listener, units).records;
}

export function listenerBaseline(listener: string, units: readonly RankedUnit[]): ListenerBaseline {
  const records: CollisionRecord[] = [];
  const wellKnown = units.some((u) => isWellKnownPortProtocol(u.unit.port.protocol));
  const survivors = wellKnown ? wellKnownPortConflict(listener, units, records) : units;

  const http = survivors.filter((u) => u.unit.chain === 'http');
  const plainTcp = survivors.filter(isPlainTcpBesideHttp);
  const sniffing = sniffingRecord(listener, http, plainTcp);
  if (sniffing) records.push(sniffing);

  const bySignature = groupBy(survivors.filter((u) => u.unit.chain !== 'http'), chainSignature);
  const shadowing = new Map<string, CollisionRecord>();
  for (const [signature, group] of bySignature) {
    const record = shadowRecord(listener, signature, group);
    if (record) {
      shadowing.set(signature, record);
      records.push(record);
    }
  }

  const captureSlots = new Map<string, CaptureSlot>();
  for (const u of survivors) addToCaptureSlot(captureSlots, u);
  const capture = new Map<string, CollisionRecord>();
  for (const [cidr, slot] of captureSlots) {
    const record = captureRecord(listener, cidr, slot);
    if (record) {
      capture.set(cidr, record);
      records.push(record);
    }
  }

  const cidrOverlap = cidrOverlapRecord(listener, survivors);
  if (cidrOverlap) records.push(cidrOverlap);

  const portCapture = portCaptureRecord(listener, survivors.filter(isWildcardMatchAll));
  if (portCapture) records.push(portCapture);

  const kept = [...units];
  return {
    listener, units: kept, records, hosts: once(() => new Set(kept.map((u) => u.unit.host))), wellKnown,
    http, plainTcp, sniffing, bySignature, shadowing, captureSlots, capture, cidrOverlap, parts: new Map(), allTls: new Map(),
    portCapture,
  };
}

/**
 * The records for a consumer that sees the baseline plus its own units
 * (private or exported to it by name, so processed first). What the overlay
 * does not touch is the baseline's own record objects; what it touches is a
 * small record of its own units plus a shared record of the baseline units,
 * so a thousand namespaces never copy a thousand-entry group.
 */
export function conflictsWithOverlay(baseline: ListenerBaseline, overlay: readonly RankedUnit[], fullPass: (units: RankedUnit[]) => CollisionRecord[]): Emitted[] {
  const { listener } = baseline;
  const full = () => fullPass([...overlay, ...baseline.units]).map((record) => ({ record }));
  // Interplay the parts cannot express (one port dropped whole, one host per sidecar, CIDR nesting): replay everything.
  if (baseline.wellKnown || overlay.some((u) => isWellKnownPortProtocol(u.unit.port.protocol) || u.unit.cidr !== undefined || baseline.hosts().has(u.unit.host))) return full();

  const out: Emitted[] = [];
  const ownHttp = overlay.filter((u) => u.unit.chain === 'http');
  const ownTcp = overlay.filter(isPlainTcpBesideHttp);
  if (ownHttp.length + ownTcp.length === 0) {
    if (baseline.sniffing) out.push({ record: baseline.sniffing });
  } else if (ownHttp.length + baseline.http.length > 0 && ownTcp.length + baseline.plainTcp.length > 0) {
    out.push({ record: { rule: 'http-tcp-sniffing', listener, subKey: '', winners: [...ownHttp, ...ownTcp], shadowed: [], undetermined: [] } });
    if (baseline.http.length + baseline.plainTcp.length > 0) {
      out.push({ record: baseline.sniffing ?? part(baseline, 'sniffing', () => ({ rule: 'http-tcp-sniffing', listener, subKey: '', winners: [...baseline.http, ...baseline.plainTcp], shadowed: [], undetermined: [] })) });
    }
  }

  const ownBySignature = groupBy(overlay.filter((u) => u.unit.chain !== 'http'), chainSignature);
  for (const [signature, record] of baseline.shadowing) if (!ownBySignature.has(signature)) out.push({ record });
  for (const [signature, own] of ownBySignature) {
    const base = baseline.bySignature.get(signature) ?? [];
    if (base.length === 0) {
      const record = shadowRecord(listener, signature, own);
      if (record) out.push({ record });
      continue;
    }
    // Own and baseline units are different entries of different hosts: the group collides, and the rule follows the chain kinds.
    const rule: RuleCode = own.every(isTls) && allTls(baseline, signature, base) ? 'tls-shadowed' : 'tcp-shadowed';
    const existing = baseline.shadowing.get(signature);
    if (existing && existing.rule !== rule) return full();
    // Own units are processed before every baseline unit, so the winner is among them and all of the baseline loses.
    out.push({ record: shadowRecord(listener, signature, own, rule)! });
    out.push({ record: existing ?? part(baseline, `${rule}|${signature}`, () => ({ rule, listener, subKey: signature, winners: [], undetermined: [], shadowed: base })), allLose: true });
  }

  const ownSlots = new Map<string, CaptureSlot>();
  for (const u of overlay) addToCaptureSlot(ownSlots, u);
  for (const [cidr, record] of baseline.capture) if (!ownSlots.has(cidr)) out.push({ record });
  for (const [cidr, own] of ownSlots) {
    const base = baseline.captureSlots.get(cidr) ?? { sni: [], matchAll: [] };
    if (own.sni.length + base.sni.length === 0 || own.matchAll.length + base.matchAll.length === 0) continue;
    out.push({ record: { rule: 'tcp-captures-tls-port', listener, subKey: cidr, winners: [...own.matchAll, ...own.sni], shadowed: [], undetermined: [] } });
    if (base.sni.length + base.matchAll.length > 0) {
      out.push({ record: baseline.capture.get(cidr) ?? part(baseline, `capture|${cidr}`, () => ({ rule: 'tcp-captures-tls-port', listener, subKey: cidr, winners: [...base.matchAll, ...base.sni], shadowed: [], undetermined: [] })) });
    }
  }

  if (baseline.cidrOverlap) out.push({ record: baseline.cidrOverlap });

  // Own units are processed before every baseline unit: if they hold a match-all chain, one of them holds the port.
  const capture = portCaptureRecord(listener, overlay.filter(isWildcardMatchAll)) ?? baseline.portCapture;
  if (capture) out.push({ record: capture });
  return out;
}

/** A TCP-class or unset-protocol chain on the bare wildcard: it matches every destination IP on the port. */
function isWildcardMatchAll(u: RankedUnit): boolean {
  return (u.unit.chain === 'tcp' || u.unit.chain === 'auto') && u.unit.bind === 'wildcard';
}

/**
 * The entry whose match-all chain 0.0.0.0_<port> keeps: every connection on
 * the port that no other listener or chain claims (undeclared external hosts,
 * passthrough or blocked traffic) goes to its cluster. Only the holder is a
 * member, so the finding stays the same whether it holds the port alone or
 * beside entries it shadows (those are tcp-shadowed's business).
 */
function portCaptureRecord(listener: string, matchAll: RankedUnit[]): CollisionRecord | undefined {
  if (matchAll.length === 0) return undefined;
  const { winner, candidates } = firstProcessed(matchAll);
  const holders = new Set((winner ? [winner] : candidates).map((c) => c.unit.entryIndex));
  const holding = matchAll.filter((u) => holders.has(u.unit.entryIndex));
  return { rule: 'tcp-captures-port', listener, subKey: '', winners: winner ? holding : [], shadowed: [], undetermined: winner ? [] : holding };
}

function isTls(u: RankedUnit): boolean {
  return u.unit.chain === 'tls';
}

function allTls(baseline: ListenerBaseline, signature: string, base: readonly RankedUnit[]): boolean {
  let known = baseline.allTls.get(signature);
  if (known === undefined) {
    known = base.every(isTls);
    baseline.allTls.set(signature, known);
  }
  return known;
}

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

function part(baseline: ListenerBaseline, key: string, make: () => CollisionRecord): CollisionRecord {
  let record = baseline.parts.get(key);
  if (!record) {
    record = make();
    baseline.parts.set(key, record);
  }
  return record;
}

/**
 * A MONGO or MYSQL port and a port of any other protocol on one listener:
 * Istio ignores the later port entirely (isConflictWithWellKnownPort).
 */
function wellKnownPortConflict(listener: string, units: readonly RankedUnit[], records: CollisionRecord[]): readonly RankedUnit[] {
  const protocols = new Set(units.map((u) => u.unit.port.protocol));
  if (protocols.size < 2) return units;
  const { candidates } = firstProcessed(units);
  const leading = new Set(candidates.map((c) => c.unit.port.protocol));
  const conflicts = (p: string) => [...leading].every((l) => l !== p && (isWellKnownPortProtocol(l) || isWellKnownPortProtocol(p)));
  const ignored = new Set(units.filter((u) => conflicts(u.unit.port.protocol)));
  if (ignored.size === 0) return units;
  const decided = leading.size === 1;
  const kept = units.filter((u) => leading.has(u.unit.port.protocol));
  records.push({ rule: 'well-known-port-protocol', listener, subKey: '', winners: decided ? kept : [], undetermined: decided ? [] : kept, shadowed: [...ignored] });
  return units.filter((u) => !ignored.has(u));
}

/** Plain TCP on the wildcard listener: beside HTTP, Envoy sniffs and its HTTP-speaking clients get routed by Host. */
function isPlainTcpBesideHttp(u: RankedUnit): boolean {
  return u.unit.chain === 'tcp' && u.unit.bind !== 'ip';
}

function sniffingRecord(listener: string, http: RankedUnit[], tcp: RankedUnit[]): CollisionRecord | undefined {
  if (http.length === 0 || tcp.length === 0) return undefined;
  // Both chains stay (Istio's own tests check both exist): the TCP entry is not shadowed, only its plaintext-HTTP clients go by Host.
  return { rule: 'http-tcp-sniffing', listener, subKey: '', winners: [...http, ...tcp], shadowed: [], undetermined: [] };
}

/** Filter chains with equal match criteria (SNI set, CIDR) are one chain to Envoy. */
function chainSignature(u: RankedUnit): string {
  return `${u.unit.chain === 'tls' ? u.unit.sni ?? '' : ''}|${u.unit.cidr ?? ''}`;
}

/**
 * Only the first of several equal chains survives. Units of the winning host
 * still reach it, so only the other hosts lose. Given a rule, even a group
 * of one host gets a record: its units lead a larger group, under that rule.
 */
function shadowRecord(listener: string, signature: string, group: RankedUnit[], rule?: RuleCode): CollisionRecord | undefined {
  const firstHost = group[0]?.unit.host;
  if (firstHost === undefined || (rule === undefined && group.every((u) => u.unit.host === firstHost))) return undefined;
  const { winner, candidates } = firstProcessed(group);
  const winningHosts = new Set((winner ? [winner] : candidates).map((c) => c.unit.host));
  const decided = winningHosts.size === 1;
  const firstEntry = group[0]!.unit.entryIndex;
  const singleEntry = group.every((u) => u.unit.entryIndex === firstEntry);
  const leading: RankedUnit[] = [];
  const shadowed: RankedUnit[] = [];
  for (const u of group) (winningHosts.has(u.unit.host) ? leading : shadowed).push(u);
  const resolvedRule = rule ?? (singleEntry ? 'multi-host-tcp' : group.every((u) => u.unit.chain === 'tls') ? 'tls-shadowed' : 'tcp-shadowed');
  return {
    rule: resolvedRule,
    listener,
    subKey: resolvedRule === 'multi-host-tcp' ? `${group[0]!.unit.entry.namespace}/${group[0]!.unit.entry.name}` : signature,
    winners: decided ? leading : [],
    undetermined: decided ? [] : leading,
    shadowed,
  };
}

function addToCaptureSlot(slots: Map<string, CaptureSlot>, u: RankedUnit): void {
  if (u.unit.bind === 'ip' || u.unit.chain === 'http') return;
  const key = u.unit.cidr ?? '';
  let slot = slots.get(key);
  if (!slot) {
    slot = { sni: [], matchAll: [] };
    slots.set(key, slot);
  }
  (u.unit.chain === 'tls' ? slot.sni : slot.matchAll).push(u);
}

/**
 * TLS entries matched by SNI next to a match-all TCP chain: the TCP entry
 * becomes the listener's default and takes every connection no SNI claims.
 */
function captureRecord(listener: string, cidr: string, slot: CaptureSlot): CollisionRecord | undefined {
  if (slot.sni.length === 0 || slot.matchAll.length === 0) return undefined;
  return { rule: 'tcp-captures-tls-port', listener, subKey: cidr, winners: [...slot.matchAll, ...slot.sni], shadowed: [], undetermined: [] };
}

/** Different CIDRs that overlap both stay; the longest prefix takes the addresses they share. */
function cidrOverlapRecord(listener: string, units: readonly RankedUnit[]): CollisionRecord | undefined {
  const byCidr = groupBy(units.filter((u) => u.unit.cidr !== undefined), (u) => u.unit.cidr!);
  if (byCidr.size < 2) return undefined;
  const cidrs = [...byCidr.keys()].map((text) => {
    const [network, bits] = ipaddr.parseCIDR(text);
    return { text, network, bits, bytes: network.toByteArray() };
  });
  // Sorted by start address, wider first: an enclosing CIDR is always on the stack when its members come.
  cidrs.sort((a, b) => a.bytes.length - b.bytes.length || compareBytes(a.bytes, b.bytes) || a.bits - b.bits);
  const outer = new Set<string>();
  const inner = new Set<string>();
  const stack: typeof cidrs = [];
  for (const c of cidrs) {
    while (stack.length > 0 && !cidrContains(stack[stack.length - 1]!, c)) stack.pop();
    if (stack.length > 0) {
      inner.add(c.text);
      for (const s of stack) outer.add(s.text);
    }
    stack.push(c);
  }
  if (inner.size === 0) return undefined;
  const pick = (texts: Iterable<string>) => [...texts].flatMap((t) => byCidr.get(t) ?? []);
  return { rule: 'cidr-overlap', listener, subKey: '', winners: pick([...inner].filter((t) => !outer.has(t))), shadowed: pick(outer), undetermined: [] };
}

function compareBytes(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
