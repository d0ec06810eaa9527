import { createHash } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import type { ServiceEntry } from '../model.js';
import { parseAddress } from '../analysis/addresses.js';

/**
 * Not 240.240.0.0/16: that is the range Istio's own auto-allocation hands
 * out, and a VIP we pick there could later meet one it picks.
 */
export const DEFAULT_VIP_POOL = '240.241.0.0/16';

/**
 * Picks a VIP for an entry from the pool: the same entry always gets the same
 * address (a hash of its identity picks the start), skipping any address any
 * entry already lists or that falls in any CIDR one lists.
 */
export function pickVip(pool: string, identity: string, used: UsedAddresses, taken: ReadonlySet<string> = new Set()): string | undefined {
  let network: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    network = ipaddr.parseCIDR(pool);
  } catch {
    return undefined;
  }
  const [base, bits] = network;
  if (base.kind() !== 'ipv4') return undefined;
  const size = 2 ** (32 - bits);
  if (size < 4) return undefined;
  const start = ipaddr.IPv4.networkAddressFromCIDR(pool).toByteArray().reduce((n, b) => n * 256 + b, 0);
  const seed = createHash('sha256').update(identity).digest().readUInt32BE(0) % size;
  for (let i = 0; i < Math.min(size, 65_536); i++) {
    const offset = (seed + i) % size;
    if (offset === 0 || offset === size - 1) continue; // network and broadcast addresses read as mistakes
    const candidate = ipaddr.fromByteArray(toBytes(start + offset)) as ipaddr.IPv4;
    const text = candidate.toString();
    if (taken.has(text) || used.ips.has(text) || used.cidrs.some(([net, b]) => net.kind() === 'ipv4' && candidate.match(net as ipaddr.IPv4, b))) continue;
    return text;
  }
  return undefined;
}

/** Whether a pool can hand out addresses: an IPv4 CIDR with room beyond its network and broadcast address. */
export function isUsableVipPool(pool: string): boolean {
  try {
    const [base, bits] = ipaddr.parseCIDR(pool);
    return base.kind() === 'ipv4' && bits <= 30;
  } catch {
    return false;
  }
}

export interface UsedAddresses {
  ips: Set<string>;
  cidrs: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]>;
}

/** Every address and CIDR the head set already lists, gathered once per review. */
export function collectUsedAddresses(entries: readonly ServiceEntry[]): UsedAddresses {
  const ips = new Set<string>();
  const cidrs: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]> = [];
  for (const e of entries) {
    for (const raw of e.addresses) {
      const parsed = parseAddress(raw);
      if (parsed.kind === 'ip') ips.add(parsed.ip);
      else if (parsed.kind === 'cidr') cidrs.push([parsed.network, parsed.bits]);
    }
  }
  return { ips, cidrs };
}

function toBytes(n: number): number[] {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
}
