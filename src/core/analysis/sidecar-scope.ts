import type { Sidecar } from '../model.js';
import type { ListenerUnit } from './listener-units.js';

/**
 * What decides which services a Sidecar imports, as a string: Sidecars that
 * say the same thing share one analysis of the public units. Three hundred
 * namespaces with a `*\/*` Sidecar are one view, not three hundred full passes.
 * `./...` hosts depend on the namespace, so only then is it part of the key.
 */
export function importScopeKey(sidecar: Sidecar | undefined): string {
  if (!sidecar) return '';
  const key = JSON.stringify(sidecar.egress);
  return usesOwnNamespace(sidecar) ? `${key}\u0000${sidecar.namespace}` : key;
}

function usesOwnNamespace(sidecar: Sidecar): boolean {
  return sidecar.egress.some((listener) => listener.hosts.some((spec) => spec.startsWith('./')));
}

/**
 * The public units a Sidecar imports. When every egress host names its
 * namespaces (`ns/...`, `./...`, `~/...`), only units of those namespaces are
 * tested, so a scoped Sidecar costs what it imports, not the whole group.
 * The namespaces are a superset; `sees` still decides each unit.
 */
export class ImportIndex {
  private byNamespace: Map<string, number[]> | undefined;

  constructor(private readonly units: readonly ListenerUnit[]) {}

  imported(sidecar: Sidecar | undefined, consumerNamespace: string | undefined, sees: (u: ListenerUnit) => boolean): ListenerUnit[] {
    const namespaces = sidecar ? namedNamespaces(sidecar, consumerNamespace) : undefined;
    if (!namespaces) return this.units.filter(sees);
    const index = this.index();
    const positions: number[] = [];
    for (const ns of namespaces) for (const p of index.get(ns) ?? []) positions.push(p);
    // The group's own order, so results never depend on how the Sidecar lists its hosts.
    positions.sort((a, b) => a - b);
    const out: ListenerUnit[] = [];
    for (const p of positions) if (sees(this.units[p]!)) out.push(this.units[p]!);
    return out;
  }

  private index(): Map<string, number[]> {
    if (!this.byNamespace) {
      this.byNamespace = new Map();
      this.units.forEach((u, i) => {
        const list = this.byNamespace!.get(u.entry.namespace);
        if (list) list.push(i);
        else this.byNamespace!.set(u.entry.namespace, [i]);
      });
    }
    return this.byNamespace;
  }
}

/** The namespaces the egress hosts can import from, or undefined when one of them is `*` or unreadable (then test them all). */
function namedNamespaces(sidecar: Sidecar, consumerNamespace: string | undefined): Set<string> | undefined {
  if (sidecar.egress.length === 0) return undefined;
  const out = new Set<string>();
  for (const listener of sidecar.egress) {
    for (const spec of listener.hosts) {
      const slash = spec.indexOf('/');
      if (slash <= 0) return undefined;
      const ns = spec.slice(0, slash);
      if (ns === '*') return undefined;
      if (ns === '~') continue;
      if (ns === '.') {
        // Both readings of `.`: the Sidecar's namespace and the consumer's (they differ for the root namespace's Sidecar).
        out.add(sidecar.namespace);
        if (consumerNamespace !== undefined) out.add(consumerNamespace);
      } else {
        out.add(ns);
      }
    }
  }
  return out;
}
