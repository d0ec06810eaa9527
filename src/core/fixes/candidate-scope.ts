import { entryRef, type Finding, type ServiceEntry } from '../model.js';

/**
 * Which part of a repository can decide whether a fix candidate works.
 *
 * A candidate changes a few entries (the ones its edits touch). A finding can
 * only differ between the head and the patched head when a changed entry takes
 * part in computing it, and analyze() looks at other entries only through:
 *  - the listener groups of a port (every entry on that port),
 *  - hostnames: a group's consumers and which namespace's copy of a hostname
 *    a sidecar keeps (hostCopies, hostOwner) read every entry naming a host of
 *    the group, whatever its port; host-split reads every copy of a hostname,
 *    and reports on the port of one of those copies.
 * So the compared ports are the finding's, every changed entry's (before and
 * after), and those of every entry sharing a hostname with a changed entry; and
 * an analysis of the entries on those ports, closed over shared hostnames, gives
 * exactly the whole repository's findings on those ports and every host-split
 * finding of a hostname it names (all copies are in it). Every other finding is
 * the same in the head and the patched head, so it cannot change the verdict.
 */
export interface CandidateScope {
  /** Ports whose findings are compared. */
  ports: ReadonlySet<number>;
  /** Hostnames of the changed entries: every entry naming one is in the deciding subset. */
  hosts: ReadonlySet<string>;
  /** Names the scope, so candidates (and findings) with the same one share their base and head sides. */
  key: string;
}

/** Where each entry of one side sits, by port, hostname and file: built once per side. */
export interface EntryIndex {
  entries: readonly ServiceEntry[];
  byPort: ReadonlyMap<number, readonly number[]>;
  /** A hostname's one entry, or its entries when several name it: most hostnames have one, and 100k one-item lists weigh. */
  byHost: ReadonlyMap<string, number | readonly number[]>;
  byPath: ReadonlyMap<string, readonly number[]>;
}

/** The indexes of the entries naming a hostname. */
export function entriesNaming(index: EntryIndex, host: string): readonly number[] {
  const found = index.byHost.get(host);
  return found === undefined ? [] : typeof found === 'number' ? [found] : found;
}

export function indexEntries(entries: readonly ServiceEntry[]): EntryIndex {
  const byPort = new Map<number, number[]>();
  const byHost = new Map<string, number | number[]>();
  const byPath = new Map<string, number[]>();
  const add = <K>(map: Map<K, number[]>, key: K, i: number) => {
    const list = map.get(key);
    if (!list) map.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  entries.forEach((e, i) => {
    for (const p of e.ports) add(byPort, p.number, i);
    for (const h of e.hosts) {
      const known = byHost.get(h);
      if (known === undefined) byHost.set(h, i);
      else if (typeof known === 'number') {
        if (known !== i) byHost.set(h, [known, i]);
      } else if (known[known.length - 1] !== i) known.push(i);
    }
    add(byPath, e.location.path, i);
  });
  return { entries, byPort, byHost, byPath };
}

/**
 * An entry's content without where it was written: an edit that adds lines
 * above an entry moves it without changing it, and no finding reads positions
 * (ids, members and severities are made of refs, hosts, ports and roles).
 */
export function contentKey(e: ServiceEntry): string {
  return JSON.stringify({
    ...e,
    location: undefined,
    hostsLocation: undefined,
    ports: e.ports.map((p) => ({ ...p, location: undefined })),
    ignoreAnnotation: e.ignoreAnnotation ? { ...e.ignoreAnnotation, location: undefined } : undefined,
  });
}

/** The patched files' entries paired with the head's entries of the same files, by place. */
export interface PatchedFiles {
  /** Patched entries by file path, in document order. */
  byPath: ReadonlyMap<string, readonly ServiceEntry[]>;
  /**
   * Per file, the head index each patched entry replaces (same place: same position among the file's
   * entries, same ref); undefined when the file's entries cannot be paired one to one.
   */
  pairs: ReadonlyMap<string, readonly number[] | undefined>;
  /** Head entries whose content the candidate changes, and what they become (unpaired files: all of them). */
  changedBefore: readonly ServiceEntry[];
  changedAfter: readonly ServiceEntry[];
}

export function pairPatchedFiles(head: EntryIndex, patchedByPath: ReadonlyMap<string, readonly ServiceEntry[]>): PatchedFiles {
  const pairs = new Map<string, readonly number[] | undefined>();
  const changedBefore: ServiceEntry[] = [];
  const changedAfter: ServiceEntry[] = [];
  for (const [path, patched] of patchedByPath) {
    const before = head.byPath.get(path) ?? [];
    const paired = before.length === patched.length && before.every((i, k) => entryRef(head.entries[i]!) === entryRef(patched[k]!));
    if (!paired) {
      pairs.set(path, undefined);
      for (const i of before) changedBefore.push(head.entries[i]!);
      changedAfter.push(...patched);
      continue;
    }
    pairs.set(path, before);
    before.forEach((i, k) => {
      const was = head.entries[i]!;
      const now = patched[k]!;
      if (contentKey(was) !== contentKey(now)) {
        changedBefore.push(was);
        changedAfter.push(now);
      }
    });
  }
  return { byPath: patchedByPath, pairs, changedBefore, changedAfter };
}

/** The compared ports and seed hostnames of one candidate for one finding. */
export function candidateScope(finding: Pick<Finding, 'port'>, patched: PatchedFiles, head: EntryIndex): CandidateScope {
  const ports = new Set<number>([finding.port]);
  const hosts = new Set<string>();
  for (const e of [...patched.changedBefore, ...patched.changedAfter]) {
    for (const p of e.ports) ports.add(p.number);
    for (const h of e.hosts) hosts.add(h);
  }
  // A changed entry's hostnames change who holds each copy of them, on every port a copy declares.
  for (const h of hosts) for (const i of entriesNaming(head, h)) for (const p of head.entries[i]!.ports) ports.add(p.number);
  const key = `${[...ports].sort((a, b) => a - b).join(',')}|${[...hosts].sort().join(',')}`;
  return { ports, hosts, key };
}

/**
 * Indexes (ascending: the side's own order, so which entry is processed first is unchanged) of the
 * entries on the given ports or naming the given hostnames, closed over shared hostnames.
 */
export function decidingSubset(index: EntryIndex, ports: Iterable<number>, hosts: Iterable<string>): number[] {
  const inSubset = new Uint8Array(index.entries.length);
  const doneHosts = new Set<string>();
  const queue: number[] = [];
  const take = (i: number) => {
    if (inSubset[i]) return;
    inSubset[i] = 1;
    queue.push(i);
  };
  const takeHost = (h: string) => {
    if (doneHosts.has(h)) return;
    doneHosts.add(h);
    const found = index.byHost.get(h);
    if (typeof found === 'number') take(found);
    else if (found) for (const i of found) take(i);
  };
  for (const p of ports) for (const i of index.byPort.get(p) ?? []) take(i);
  for (const h of hosts) takeHost(h);
  while (queue.length > 0) for (const h of index.entries[queue.pop()!]!.hosts) takeHost(h);
  const out: number[] = [];
  for (let i = 0; i < inSubset.length; i++) if (inSubset[i]) out.push(i);
  return out;
}

/** Every hostname the entries at these indexes name. */
export function hostsOf(index: EntryIndex, subset: readonly number[]): Set<string> {
  const hosts = new Set<string>();
  for (const i of subset) for (const h of index.entries[i]!.hosts) hosts.add(h);
  return hosts;
}

/**
 * The patched head's deciding subset, from the head's: the same entries in the same order, each
 * patched file's entries in place of the head's. It is the patched head's own closure: only changed
 * entries differ, and they, with every entry sharing a hostname with them, are already in the head's.
 * With `headSubset` the whole head (every index), this is the whole patched head.
 */
export function patchedSubset(head: EntryIndex, headSubset: readonly number[], patched: PatchedFiles): ServiceEntry[] {
  const out: ServiceEntry[] = [];
  const position = new Map<number, ServiceEntry>();
  const unpairedAt = new Map<number, readonly ServiceEntry[]>();
  const skipped = new Set<number>();
  for (const [path, pair] of patched.pairs) {
    const entries = patched.byPath.get(path)!;
    if (pair) {
      pair.forEach((i, k) => position.set(i, entries[k]!));
      continue;
    }
    // Not paired one to one: the file's patched entries take the place of its first head entry (all are in the subset: all changed).
    const before = head.byPath.get(path) ?? [];
    if (before.length === 0) continue;
    unpairedAt.set(before[0]!, entries);
    for (const i of before.slice(1)) skipped.add(i);
  }
  for (const i of headSubset) {
    if (skipped.has(i)) continue;
    const whole = unpairedAt.get(i);
    if (whole) out.push(...whole);
    else out.push(position.get(i) ?? head.entries[i]!);
  }
  // A file with no entry on the head side (not reached by edits today) still counts.
  for (const [path, pair] of patched.pairs) if (!pair && (head.byPath.get(path) ?? []).length === 0) out.push(...patched.byPath.get(path)!);
  return out;
}

/** Findings an analysis of a deciding subset gives exactly as the whole would: on a compared port, or a host-split (all copies are in). */
export function decidedBy(scope: Pick<CandidateScope, 'ports'>): (f: Pick<Finding, 'port' | 'rule'>) => boolean {
  return (f) => scope.ports.has(f.port) || f.rule === 'host-split';
}
