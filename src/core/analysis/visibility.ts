import type { MeshOptions, ServiceEntry, Sidecar } from '../model.js';

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
 * Istio lists a consumer's services private-first (exportTo "." or its own
 * name), then those exported to it by name, then public ones; a lower tier is
 * processed earlier and so wins a listener.
 */
export type VisibilityTier = 0 | 1 | 2;

export const OTHER_NAMESPACES = '*';

export function effectiveExportTo(entry: ServiceEntry, mesh: MeshOptions): readonly string[] {
  return entry.exportTo && entry.exportTo.length > 0 ? entry.exportTo : mesh.defaultExportTo;
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
export function sidecarImports(sidecar: Sidecar | undefined, entryNamespace: string, host: string, port: number): boolean {
  if (!sidecar || sidecar.egress.length === 0) return true;
  const forPort = sidecar.egress.filter((listener) => listener.port === port);
  const listeners = forPort.length > 0 ? forPort : sidecar.egress.filter((listener) => listener.port === undefined);
  for (const listener of listeners) {
    for (const spec of listener.hosts) {
      const slash = spec.indexOf('/');
      if (slash < 0) continue;
      const ns = spec.slice(0, slash);
      const name = spec.slice(slash + 1);
      const nsMatches = ns === '*' || (ns === '.' ? sidecar.namespace === entryNamespace : ns === entryNamespace);
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
