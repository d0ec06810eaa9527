/**
 * The ports a pull request can reach, so the base side is analysed only there.
 *
 * analyze() decides each listener (and each host+port, same-host) from the
 * entries on its port alone, plus mesh-wide inputs: the mesh settings, the
 * Sidecars, and, per hostname, every entry defining that hostname on any
 * port (which namespace's copy a consumer keeps, host-split). A host-split
 * finding sits on a port of one of its entries. So when the mesh settings
 * and Sidecars are the same on both sides, a finding on a port outside
 * `ports` below has the same inputs on both sides and comes out the same
 * (id, members, roles, severity), where `ports` holds every port of a changed
 * entry and every port of any entry sharing a hostname with one. On those
 * ports, the base entries that decide them are `baseSubset`: every entry on
 * them, and every entry sharing a hostname with one of those.
 *
 * "Changed" is decided on the loaded entries, not on file paths: an entry is
 * unchanged when the same object (the shared loader parses an untouched file
 * once for both sides) or a structurally equal one (a re-rendered Kustomize
 * or Helm group, an edited file's untouched entries) is on both sides, as
 * often on each. Anything else, including a moved line, counts as changed.
 * When in doubt there is no scope, and the base is analysed in full.
 */
import type { LoadResult, ServiceEntry } from '../model.js';
import type { MeshSettings } from '../repository/mesh-plan.js';

export interface ChangeScope {
  /** Ports on which a finding may differ between the sides. */
  ports: ReadonlySet<number>;
  /** The base entries that decide every finding on those ports, in base order. */
  baseSubset: ServiceEntry[];
}

/** The change's scope, or undefined where only a full base analysis is known to be exact. */
export function changeScope(base: LoadResult, head: LoadResult, settings: { base: MeshSettings; head: MeshSettings }): ChangeScope | undefined {
  if (!sameMeshWideInputs(base, head, settings)) return undefined;
  const changed = changedEntries(base.entries, head.entries);
  if (!changed) return undefined;

  const changedHosts = new Set<string>();
  const ports = new Set<number>();
  for (const e of changed) {
    for (const p of e.ports) ports.add(p.number);
    for (const h of e.hosts) changedHosts.add(h);
  }
  // Every base entry already on a reached port (one port for all): the scope is the whole base, and so are its
  // ports (an entry's other ports are reached through its hostnames). Every finding either side can have then
  // sits on a port of the scope, so no finding is taken from the head.
  const onChangedPorts = (e: ServiceEntry) => e.ports.some((p) => ports.has(p.number));
  if (base.entries.every(onChangedPorts)) {
    for (const e of base.entries) for (const p of e.ports) ports.add(p.number);
    return { ports, baseSubset: [...base.entries] };
  }
  // A changed hostname changes what consumers keep of it on every port any of its entries declares. The
  // head's other entries are changed ones (whose ports are in already) or the base's unchanged ones.
  for (const e of base.entries) if (e.hosts.some((h) => changedHosts.has(h))) for (const p of e.ports) ports.add(p.number);
  const onPorts = base.entries.map(onChangedPorts);
  const hostsOnPorts = new Set<string>();
  base.entries.forEach((e, i) => {
    if (onPorts[i]) for (const h of e.hosts) hostsOnPorts.add(h);
  });
  const baseSubset = base.entries.filter((e, i) => onPorts[i] || e.hosts.some((h) => hostsOnPorts.has(h)));
  return { ports, baseSubset };
}

/** Mesh settings, default namespace and Sidecars: inputs every listener's verdict reads. */
function sameMeshWideInputs(base: LoadResult, head: LoadResult, settings: { base: MeshSettings; head: MeshSettings }): boolean {
  if (settings.base.defaultNamespace !== settings.head.defaultNamespace) return false;
  if (canonical(settings.base.mesh) !== canonical(settings.head.mesh)) return false;
  return base.sidecars === head.sidecars || JSON.stringify(base.sidecars) === JSON.stringify(head.sidecars);
}

/**
 * The entries on either side without an equal on the other, or undefined
 * when the unchanged ones do not stand in the same order on both sides
 * (nothing should depend on it, but nothing here proves that).
 */
function changedEntries(base: readonly ServiceEntry[], head: readonly ServiceEntry[]): ServiceEntry[] | undefined {
  // Compared file by file (an entry's place names its file): a file whose entries are the very same objects
  // on both sides is one parse of an unchanged file. Only the others are compared by content.
  const baseByPath = byPath(base);
  const headByPath = byPath(head);
  const print = new Map<ServiceEntry, string>();
  const changed: ServiceEntry[] = [];
  for (const path of new Set([...baseByPath.keys(), ...headByPath.keys()])) {
    const before = baseByPath.get(path) ?? [];
    const after = headByPath.get(path) ?? [];
    if (before.length === after.length && before.every((e, i) => e === after[i])) continue;
    const counts = new Map<string, number>();
    for (const [side, sign] of [[before, 1], [after, -1]] as const) {
      for (const e of side) {
        const p = JSON.stringify(e);
        print.set(e, p);
        counts.set(p, (counts.get(p) ?? 0) + sign);
      }
    }
    for (const e of [...before, ...after]) if (counts.get(print.get(e)!) !== 0) changed.push(e);
  }
  return sameOrder(base, head, new Set(changed), print) ? changed : undefined;
}

/** Whether the unchanged entries come in the same order on both sides: a shared object as itself, an equal one by its content. */
function sameOrder(base: readonly ServiceEntry[], head: readonly ServiceEntry[], changed: ReadonlySet<ServiceEntry>, print: ReadonlyMap<ServiceEntry, string>): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < base.length && changed.has(base[i]!)) i++;
    while (j < head.length && changed.has(head[j]!)) j++;
    if (i === base.length || j === head.length) return i === base.length && j === head.length;
    const a = base[i++]!;
    const b = head[j++]!;
    if (a !== b && (print.get(a) ?? a) !== (print.get(b) ?? b)) return false;
  }
}

function byPath(entries: readonly ServiceEntry[]): Map<string, ServiceEntry[]> {
  const out = new Map<string, ServiceEntry[]>();
  for (const e of entries) {
    const list = out.get(e.location.path);
    if (list) list.push(e);
    else out.set(e.location.path, [e]);
  }
  return out;
}

/**
 * JSON with object keys sorted, so equal settings built in a different order compare equal. A key set
 * to undefined is kept: spread over the defaults, `{ rootNamespace: undefined }` is not `{}`.
 */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, x]) => [k, x === undefined ? { undefined: true } : x]))
    : v));
}
