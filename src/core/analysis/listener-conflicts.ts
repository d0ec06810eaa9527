import ipaddr from 'ipaddr.js';
import type { RuleCode } from '../model.js';
import { isWellKnownPortProtocol } from '../protocol.js';
import { cidrContains } from './addresses.js';
import { firstProcessed, type RankedUnit } from './precedence.js';

/** One collision as one consumer class's sidecars see it. */
export interface CollisionRecord {
  rule: RuleCode;
  listener: string;
  /** Tells apart collisions of one rule on one listener (the chain signature, the host). */
  subKey: string;
  winners: RankedUnit[];
  shadowed: RankedUnit[];
  undetermined: RankedUnit[];
}

/**
 * Replays Istio's merge of every unit a consumer sees on one listener
 * (handleConflict / mergeTCPFilterChains) and reports what goes wrong.
 */
export function conflictsOnListener(listener: string, units: readonly RankedUnit[]): CollisionRecord[] {
  const records: CollisionRecord[] = [];
  const survivors = wellKnownPortConflict(listener, units, records);
  sniffingMerge(listener, survivors, records);
  chainShadowing(listener, survivors, records);
  defaultChainCapture(listener, survivors, records);
  cidrOverlap(listener, survivors, records);
  return records;
}

/**
 * A MONGO or MYSQL port and a port of any other protocol on one listener:
 * Istio ignores the later port entirely (isConflictWithWellKnownPort).
 */
function wellKnownPortConflict(listener: string, units: readonly RankedUnit[], records: CollisionRecord[]): readonly RankedUnit[] {
  const protocols = new Set(units.map((u) => u.unit.port.protocol));
  if (protocols.size < 2 || ![...protocols].some(isWellKnownPortProtocol)) return units;
  const { candidates } = firstProcessed(units);
  const leading = new Set(candidates.map((c) => c.unit.port.protocol));
  const conflicts = (p: string) => [...leading].every((l) => l !== p && (isWellKnownPortProtocol(l) || isWellKnownPortProtocol(p)));
  const ignored = units.filter((u) => conflicts(u.unit.port.protocol));
  if (ignored.length === 0) return units;
  const ignoredSet = new Set(ignored);
  const decided = leading.size === 1;
  records.push({
    rule: 'well-known-port-protocol',
    listener,
    subKey: '',
    winners: decided ? units.filter((u) => leading.has(u.unit.port.protocol)) : [],
    undetermined: decided ? [] : units.filter((u) => leading.has(u.unit.port.protocol)),
    shadowed: ignored,
  });
  return units.filter((u) => !ignoredSet.has(u));
}

/** HTTP and plain TCP on one port: Envoy sniffs, so the TCP entry's HTTP-speaking clients get routed by Host. */
function sniffingMerge(listener: string, units: readonly RankedUnit[], records: CollisionRecord[]): void {
  const http = units.filter((u) => u.unit.chain === 'http');
  const tcp = units.filter((u) => u.unit.chain === 'tcp' && u.unit.bind !== 'ip');
  if (http.length === 0 || tcp.length === 0) return;
  records.push({ rule: 'http-tcp-sniffing', listener, subKey: '', winners: http, shadowed: tcp, undetermined: [] });
}

/**
 * Chains with equal match criteria (SNI set, CIDR): only the first survives.
 * Units of the winning host still reach it, so only other hosts lose.
 */
function chainShadowing(listener: string, units: readonly RankedUnit[], records: CollisionRecord[]): void {
  const bySignature = new Map<string, RankedUnit[]>();
  for (const u of units) {
    if (u.unit.chain === 'http') continue;
    const signature = `${u.unit.chain === 'tls' ? u.unit.sni ?? '' : ''}|${u.unit.cidr ?? ''}`;
    const group = bySignature.get(signature);
    if (group) group.push(u);
    else bySignature.set(signature, [u]);
  }
  for (const [signature, group] of bySignature) {
    if (new Set(group.map((u) => u.unit.host)).size < 2) continue;
    const { winner, candidates } = firstProcessed(group);
    const winningHosts = new Set((winner ? [winner] : candidates).map((c) => c.unit.host));
    const decided = winningHosts.size === 1;
    const singleEntry = new Set(group.map((u) => u.unit.entryIndex)).size === 1;
    records.push({
      rule: singleEntry ? 'multi-host-tcp' : group.every((u) => u.unit.chain === 'tls') ? 'tls-shadowed' : 'tcp-shadowed',
      listener,
      subKey: singleEntry ? `${group[0]!.unit.entry.namespace}/${group[0]!.unit.entry.name}` : signature,
      winners: decided ? group.filter((u) => winningHosts.has(u.unit.host)) : [],
      undetermined: decided ? [] : group.filter((u) => winningHosts.has(u.unit.host)),
      shadowed: group.filter((u) => !winningHosts.has(u.unit.host)),
    });
  }
}

/**
 * TLS entries matched by SNI next to a match-all TCP chain: the TCP entry
 * becomes the listener's default and takes every connection no SNI claims.
 */
function defaultChainCapture(listener: string, units: readonly RankedUnit[], records: CollisionRecord[]): void {
  const byCidr = new Map<string, { sni: RankedUnit[]; matchAll: RankedUnit[] }>();
  for (const u of units) {
    if (u.unit.bind === 'ip' || u.unit.chain === 'http') continue;
    const key = u.unit.cidr ?? '';
    const slot = byCidr.get(key) ?? { sni: [], matchAll: [] };
    byCidr.set(key, slot);
    (u.unit.chain === 'tls' ? slot.sni : slot.matchAll).push(u);
  }
  for (const [cidr, slot] of byCidr) {
    if (slot.sni.length === 0 || slot.matchAll.length === 0) continue;
    records.push({ rule: 'tcp-captures-tls-port', listener, subKey: cidr, winners: [...slot.matchAll, ...slot.sni], shadowed: [], undetermined: [] });
  }
}

/** Different CIDRs that overlap both stay; the longest prefix takes the addresses they share. */
function cidrOverlap(listener: string, units: readonly RankedUnit[], records: CollisionRecord[]): void {
  const byCidr = new Map<string, RankedUnit[]>();
  for (const u of units) {
    if (u.unit.cidr === undefined) continue;
    const list = byCidr.get(u.unit.cidr) ?? [];
    list.push(u);
    byCidr.set(u.unit.cidr, list);
  }
  if (byCidr.size < 2) return;
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
  if (inner.size === 0) return;
  const pick = (set: Set<string>) => [...set].flatMap((t) => byCidr.get(t) ?? []);
  const narrowest = [...inner].filter((t) => !outer.has(t));
  records.push({ rule: 'cidr-overlap', listener, subKey: '', winners: pick(new Set(narrowest)), shadowed: pick(outer), undetermined: [] });
}

function compareBytes(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
