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

/**
 * One side's entries, with the entries of each file found on first ask. Nothing is indexed by port or
 * hostname: a subset is found by scanning (two or three passes of Set lookups), which at 100k entries
 * costs far less than building maps of 100k hostnames for each side.
 */
export interface EntryIndex {
  entries: readonly ServiceEntry[];
  /** The indexes of a file's entries, in order. */
  entriesOf(path: string): readonly number[];
}

export function indexEntries(entries: readonly ServiceEntry[]): EntryIndex {
  const byPath = new Map<string, readonly number[]>();
  return {
    entries,
    entriesOf(path) {
      let found = byPath.get(path);
      if (!found) {
        const list: number[] = [];
        entries.forEach((e, i) => { if (e.location.path === path) list.push(i); });
        byPath.set(path, found = list);
      }
      return found;
    },
  };
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
    const before = head.entriesOf(path);
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
  if (hosts.size > 0) for (const e of head.entries) if (e.hosts.some((h) => hosts.has(h))) for (const p of e.ports) ports.add(p.number);
  const key = `${[...ports].sort((a, b) => a - b).join(',')}|${[...hosts].sort().join(',')}`;
  return { ports, hosts, key };
}

/** A deciding subset: indexes into its side (ascending, the side's own order) and every hostname they name. */
export interface Subset {
  indexes: number[];
  hosts: Set<string>;
}

/**
 * The entries on the given ports or naming the given hostnames, closed over shared hostnames: the side's
 * order is kept, so which entry is processed first is unchanged. Linear whatever the hostnames do: one
 * scan takes the entries on the ports or naming a seed hostname; a second takes those naming a hostname
 * the first one brought in (for hostnames named once or twice, the usual case, the closure ends there).
 * Whatever is still open is followed through an index of the entries left out, built only then, so a
 * chain of entries each sharing a hostname with the next costs one walk, not one scan per link.
 */
export function decidingSubset(index: EntryIndex, ports: ReadonlySet<number>, hosts: Iterable<string>): Subset {
  const { entries } = index;
  const inSubset = new Uint8Array(entries.length);
  const named = new Set(hosts);
  /** Hostnames a taken entry brought in since the last scan. */
  let fresh: string[] = [];
  const take = (i: number) => {
    inSubset[i] = 1;
    for (const h of entries[i]!.hosts) if (!named.has(h)) { named.add(h); fresh.push(h); }
  };
  entries.forEach((e, i) => {
    if (e.ports.some((p) => ports.has(p.number)) || e.hosts.some((h) => named.has(h))) take(i);
  });
  if (fresh.length > 0) {
    fresh = [];
    entries.forEach((e, i) => {
      if (!inSubset[i] && e.hosts.some((h) => named.has(h))) take(i);
    });
  }
  if (fresh.length > 0) {
    const leftOut = new Map<string, number[]>();
    entries.forEach((e, i) => {
      if (inSubset[i]) return;
      for (const h of e.hosts) {
        const list = leftOut.get(h);
        if (list) list.push(i);
        else leftOut.set(h, [i]);
      }
    });
    while (fresh.length > 0) {
      const h = fresh.pop()!;
      for (const i of leftOut.get(h) ?? []) if (!inSubset[i]) take(i);
    }
  }
  const indexes: number[] = [];
  for (let i = 0; i < inSubset.length; i++) if (inSubset[i]) indexes.push(i);
  return { indexes, hosts: named };
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
  // Files not paired one to one: all their patched entries stand where the file's first head entry stood
  // (whether or not that one is in the subset: an entry with neither ports nor hosts is in none).
  const insertions: Array<{ at: number; entries: readonly ServiceEntry[] }> = [];
  const skipped = new Set<number>();
  for (const [path, pair] of patched.pairs) {
    const entries = patched.byPath.get(path)!;
    if (pair) {
      pair.forEach((i, k) => position.set(i, entries[k]!));
      continue;
    }
    const before = head.entriesOf(path);
    insertions.push({ at: before.length > 0 ? before[0]! : Infinity, entries });
    for (const i of before) skipped.add(i);
  }
  insertions.sort((a, b) => (a.at === b.at ? 0 : a.at < b.at ? -1 : 1));
  let next = 0;
  const insertUpTo = (i: number) => {
    for (; next < insertions.length && insertions[next]!.at <= i; next++) out.push(...insertions[next]!.entries);
  };
  for (const i of headSubset) {
    insertUpTo(i);
    if (!skipped.has(i)) out.push(position.get(i) ?? head.entries[i]!);
  }
  // After the last entry of the subset, and files with no entry on the head side (not reached by edits today).
  insertUpTo(Infinity);
  return out;
}

/** Findings an analysis of a deciding subset gives exactly as the whole would: on a compared port, or a host-split (all copies are in). */
export function decidedBy(scope: Pick<CandidateScope, 'ports'>): (f: Pick<Finding, 'port' | 'rule'>) => boolean {
  return (f) => scope.ports.has(f.port) || f.rule === 'host-split';
}
