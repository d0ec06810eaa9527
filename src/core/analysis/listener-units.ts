import type { Diagnostic, MeshOptions, PortSpec, ServiceEntry } from '../model.js';
import { parseAddress } from './addresses.js';

/** What Envoy puts on the listener for one host of one port. */
export type ChainKind = 'http' | 'tls' | 'tcp' | 'auto';

/**
 * One (host × address × port) of an entry: Istio's unit of listener building
 * (convertServices makes one internal service per host and address).
 */
export interface ListenerUnit {
  entry: ServiceEntry;
  entryIndex: number;
  port: PortSpec;
  host: string;
  /** Envoy listener name, e.g. `0.0.0.0_443` or `10.0.0.1_3306`. */
  listener: string;
  bind: 'wildcard' | 'ip' | 'cidr';
  /** Masked CIDR for CIDR-bound units: a filter-chain match, not a listener of its own. */
  cidr: string | undefined;
  chain: ChainKind;
  /** SNI the TLS chain matches on; only set when the chain is bound to 0.0.0.0 or a CIDR. */
  sni: string | undefined;
  /**
   * On the wildcard only for lack of an address: a consumer whose sidecar uses
   * auto-allocated VIPs (DNS capture) binds it to a VIP of its own instead.
   */
  allocatable?: 'auto' | 'status';
}

const CHAIN_BY_CLASS = { HTTP: 'http', TLS: 'tls', TCP: 'tcp', AUTO: 'auto' } as const;
const AUTO_ALLOCATE_OPT_OUT = 'networking.istio.io/enable-autoallocate-ip';

/**
 * Every listener unit the entries produce, with bad addresses reported rather than thrown. `onlyPort`: only the
 * units of that port number (every listener's name ends in its port), for a caller that looks at one listener;
 * entries without it are skipped whole, bad addresses and all, and keep their indexes.
 */
export function buildListenerUnits(entries: readonly ServiceEntry[], mesh: MeshOptions, diagnostics: Diagnostic[], onlyPort?: number): ListenerUnit[] {
  const units: ListenerUnit[] = [];
  entries.forEach((entry, entryIndex) => {
    if (bindsPerEndpoint(entry)) return;
    if (onlyPort !== undefined && !entry.ports.some((p) => p.number === onlyPort)) return;
    const addresses = entry.addresses.length === 0 ? [] : entry.addresses.map((raw) => {
      const parsed = parseAddress(raw);
      if (parsed.kind === 'invalid') {
        diagnostics.push({
          severity: 'error',
          code: 'invalid-address',
          message: `${entry.namespace}/${entry.name}: spec.addresses item ${JSON.stringify(raw)} is neither an IP nor a CIDR; the API server rejects it`,
          location: entry.hostsLocation,
        });
      }
      return parsed;
    }).filter((a) => a.kind !== 'invalid');
    // A 0.0.0.0 prefix (0.0.0.0/0, 0.0.0.0/8) is skipped by filterChainOpts.conflictsWith: match-all, like no address.
    const bound = addresses.filter((a) => !(a.kind === 'cidr' && a.network.kind() === 'ipv4' && a.network.toString() === '0.0.0.0'));
    const matchAllPrefix = bound.length < addresses.length;
    // A controller that writes spec.addresses (Aeraki: every entry without one whose resolution is not NONE,
    // whatever its hosts or labels) gives it its own VIP, so it never reaches the wildcard listener.
    const controllerBound = mesh.controllerManagedAddresses === true && addresses.length === 0 && entry.resolution !== 'NONE';

    for (const port of entry.ports) {
      if (port.protocolClass === 'UDP' || (onlyPort !== undefined && port.number !== onlyPort)) continue;
      const chain = CHAIN_BY_CLASS[port.protocolClass];
      const wildcard = wildcardListener(port.number);
      for (const host of entry.hosts) {
        const unit = (listener: string, bind: ListenerUnit['bind'], cidr: string | undefined, sni: string | undefined): ListenerUnit =>
          ({ entry, entryIndex, port, host, chain, listener, bind, cidr, sni });
        if (chain === 'http') {
          // HTTP is routed by Host on the wildcard listener whatever the addresses say.
          units.push(unit(wildcard, 'wildcard', undefined, undefined));
        } else if (bound.length === 0 || matchAllPrefix) {
          if (controllerBound) continue;
          const wild = unit(wildcard, 'wildcard', undefined, chain === 'tls' ? host : undefined);
          if (!matchAllPrefix && isAutoAllocationEligible(entry, host)) wild.allocatable = entry.statusAddresses ? 'status' : 'auto';
          units.push(wild);
        }
        if (chain !== 'http' && bound.length > 0) {
          for (const address of bound) {
            if (address.kind === 'ip') units.push(unit(`${address.ip}_${port.number}`, 'ip', undefined, undefined));
            else if (address.kind === 'cidr') units.push(unit(wildcard, 'cidr', address.cidr, chain === 'tls' ? host : undefined));
          }
        }
      }
    }
  });
  return units;
}

const wildcardNames = new Map<number, string>();

/** One string per port, shared by every unit on it, rather than 100k equal copies. */
export function wildcardListener(port: number): string {
  let name = wildcardNames.get(port);
  if (name === undefined) wildcardNames.set(port, name = `0.0.0.0_${port}`);
  return name;
}

/** NONE-resolution entries with a selector or endpoints get one listener per endpoint IP: they cannot share a wildcard. */
function bindsPerEndpoint(entry: ServiceEntry): boolean {
  return entry.resolution === 'NONE' && entry.addresses.length === 0 && (entry.hasWorkloadSelector || entry.endpointCount > 0);
}

/** Istio only allocates a VIP to entries it can resolve by name, with a concrete host, that did not opt out. */
export function isAutoAllocationEligible(entry: ServiceEntry, host: string): boolean {
  if (entry.addresses.length > 0) return false;
  if (entry.statusAddresses) return !host.startsWith('*') || entry.resolution === 'DYNAMIC_DNS';
  if (entry.labels[AUTO_ALLOCATE_OPT_OUT] === 'false') return false;
  if (entry.resolution === 'NONE') return false;
  if (host.startsWith('*')) return entry.resolution === 'DYNAMIC_DNS';
  return true;
}
