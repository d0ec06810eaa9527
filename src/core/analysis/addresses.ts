import ipaddr from 'ipaddr.js';

export type ParsedAddress =
  | { kind: 'ip'; ip: string }
  | { kind: 'cidr'; cidr: string; network: ipaddr.IPv4 | ipaddr.IPv6; bits: number }
  | { kind: 'invalid'; raw: string };

/**
 * Parses a spec.addresses item the way Istio keys listeners by it: a /32 or
 * /128 is a plain IP, a wider CIDR is compared by its masked network, and only
 * strict dotted-quad IPv4 counts (Go's parser refuses 0x.. and octal forms).
 */
export function parseAddress(raw: string): ParsedAddress {
  const text = raw.trim();
  if (text.includes('/')) {
    const [addressPart, bitsPart] = text.split('/', 2) as [string, string];
    if (!isStrictIp(addressPart) || !/^\d{1,3}$/.test(bitsPart)) return { kind: 'invalid', raw };
    let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
    try {
      parsed = ipaddr.parseCIDR(text);
    } catch {
      return { kind: 'invalid', raw };
    }
    const [address, bits] = parsed;
    const fullBits = address.kind() === 'ipv4' ? 32 : 128;
    if (bits === fullBits) return { kind: 'ip', ip: address.toString() };
    const network = address.kind() === 'ipv4'
      ? ipaddr.IPv4.networkAddressFromCIDR(text)
      : ipaddr.IPv6.networkAddressFromCIDR(text);
    return { kind: 'cidr', cidr: `${network.toString()}/${bits}`, network, bits };
  }
  if (!isStrictIp(text)) return { kind: 'invalid', raw };
  return { kind: 'ip', ip: ipaddr.parse(text).toString() };
}

function isStrictIp(text: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(text) || (text.includes(':') && ipaddr.IPv6.isValid(text));
}

/** True when every address of `inner` lies inside `outer` (same family, outer no longer). */
export function cidrContains(outer: { network: ipaddr.IPv4 | ipaddr.IPv6; bits: number }, inner: { network: ipaddr.IPv4 | ipaddr.IPv6; bits: number }): boolean {
  if (outer.network.kind() !== inner.network.kind() || outer.bits > inner.bits) return false;
  return inner.network.match(outer.network as never, outer.bits);
}
