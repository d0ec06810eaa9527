import type { MeshOptions, ServiceEntry, Sidecar } from '../model.js';
import { capExportTo } from './service-entry-visibility.js';

/**
 * A group of sidecars that see the same ServiceEntries: one namespace, one
 * selector-scoped Sidecar, or `*` for every namespace nobody names.
 */
export interface ConsumerClass {
  id: string;
  /** undefined for `*`: a namespace that no manifest mentions. */
  namespace: string | undefined;
  sidecar: Sidecar | undefined;
}

/**
 * Istio lists a consumer namespace's services in one list of the entries
 * private to it and those exported to it by name, in creation order
 * (initServiceRegistry: exportedToNamespace), then the public ones: tier 0
 * before tier 2 (1 is no longer used: private and named are one tier).
 */
export type VisibilityTier = 0 | 1 | 2;

export const OTHER_NAMESPACES = '*';

/** The declared exportTo, else the mesh default, as MeshConfig.serviceEntryVisibility caps it for sidecars (1.31+). */
export function effectiveExportTo(entry: ServiceEntry, mesh: MeshOptions): readonly string[] {
  return capExportTo(entry, entry.exportTo && entry.exportTo.length > 0 ? entry.exportTo : mesh.defaultExportTo, mesh);
}

/** Namespaces an entry's exportTo singles out: each may see a different winner than `*`. */
export function namespacesNamedBy(entry: ServiceEntry, exportTo: readonly string[]): string[] {
  if (exportTo.includes('*') || exportTo.includes('~')) return [];
  return exportTo.map((ns) => (ns === '.' ? entry.namespace : ns));
}

/**
 * The Sidecar that scopes a consumer: its own namespace's selector-less one,
 * else the root namespace's, else none (which means `*\/*`).
 */
export function consumerClasses(namespaces: Iterable<string>, sidecars: readonly Sidecar[], mesh: MeshOptions): ConsumerClass[] {
  const defaultByNamespace = new Map<string, Sidecar>();
  for (const s of sidecars) if (!s.hasWorkloadSelector && !defaultByNamespace.has(s.namespace)) defaultByNamespace.set(s.namespace, s);
  const rootSidecar = defaultByNamespace.get(mesh.rootNamespace);
  const classes: ConsumerClass[] = [{ id: OTHER_NAMESPACES, namespace: undefined, sidecar: rootSidecar }];
  const all = new Set(namespaces);
  for (const s of sidecars) all.add(s.namespace);
  for (const ns of [...all].sort()) {
    classes.push({ id: ns, namespace: ns, sidecar: defaultByNamespace.get(ns) ?? rootSidecar });
  }
  for (const s of sidecars) {
    if (s.hasWorkloadSelector) classes.push({ id: `${s.namespace} (Sidecar ${s.name})`, namespace: s.namespace, sidecar: s });
  }
  return classes;
}

/**
 * Whether a Sidecar imports this host from this namespace onto this port:
 * an egress listener bound to the port decides for that port; the listeners
 * without a port decide for every other one (`ns/dnsName` hosts).
 */
export function sidecarImports(sidecar: Sidecar | undefined, entryNamespace: string, host: string, port: number, consumerNamespace: string | undefined = sidecar?.namespace): boolean {
  if (!sidecar || sidecar.egress.length === 0) return true;
  const forPort = sidecar.egress.filter((listener) => listener.port === port);
  const listeners = forPort.length > 0 ? forPort : sidecar.egress.filter((listener) => listener.port === undefined);
  for (const listener of listeners) {
    for (const spec of listener.hosts) {
      const slash = spec.indexOf('/');
      if (slash < 0) continue;
      const ns = spec.slice(0, slash);
      const name = spec.slice(slash + 1);
      // `.` is the consumer's namespace, also in the root namespace's Sidecar (sidecar.go: if ns == currentNamespace { ns = configNamespace }).
      const nsMatches = ns === '*' || (ns === '.' ? consumerNamespace === entryNamespace : ns === entryNamespace);
      if (nsMatches && hostMatches(name, host)) return true;
    }
  }
  return false;
}

function hostMatches(pattern: string, host: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*.')) {
    const suffix = pattern.slice(1);
    return host.endsWith(suffix) || host === pattern;
  }
  return pattern === host;
}

/**
 * A Sidecar whose every egress host is exact and names its namespace imports
 * services one by one, and Istio then keeps plain creation order: the
 * private-first rule does not apply to its workloads.
 */
export function importsByExactNames(sidecar: Sidecar | undefined): boolean {
  if (!sidecar || sidecar.egress.length === 0) return false;
  return sidecar.egress.every((listener) => listener.hosts.length > 0 && listener.hosts.every((spec) => {
    const slash = spec.indexOf('/');
    const ns = spec.slice(0, slash);
    const name = spec.slice(slash + 1);
    return slash > 0 && ns !== '*' && ns !== '~' && !name.includes('*');
  }));
}

/** Whether a Sidecar's egress hosts say `./...`: then what it imports depends on the consumer's namespace. */
export function usesConsumerNamespace(sidecar: Sidecar | undefined): boolean {
  return sidecar !== undefined && sidecar.egress.some((listener) => listener.hosts.some((spec) => spec.startsWith('./')));
}

/**
 * The protocol a Sidecar egress listener bound to this port declares, if any:
 * buildSidecarOutboundListeners builds that port's listener with it, not with
 * the entries' protocols.
 */
export function egressPortProtocol(sidecar: Sidecar | undefined, port: number): string | undefined {
  if (!sidecar) return undefined;
  for (const listener of sidecar.egress) if (listener.port === port && listener.protocol) return listener.protocol;
  return undefined;
}

/** Whether a consumer namespace (undefined: one no manifest names) sees an entry through its exportTo. */
export function exportedTo(entry: ServiceEntry, exportTo: readonly string[], consumerNamespace: string | undefined): boolean {
  if (exportTo.includes('*')) return true;
  if (consumerNamespace === undefined || exportTo.includes('~')) return false;
  return exportTo.some((ns) => (ns === '.' ? entry.namespace : ns) === consumerNamespace);
}
