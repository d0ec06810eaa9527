import { buildListenerUnits } from '../analysis/listener-units.js';
import { entryRef, type Finding, type MeshOptions, type ServiceEntry } from '../model.js';

/**
 * Which part of a repository can decide whether a fix candidate works.
 *
 * analyze() is a union of groups, and a finding names its group in `listener`:
 *  - a listener group (`0.0.0.0_443`, `10.0.0.1_3306`): every unit on that listener;
 *  - a hostname on a port (same-host, `outbound|443||h`) and a hostname (host-split, `outbound||h`).
 * A group's findings read nothing but its own units and, for each of their hostnames, every entry naming
 * it (which copy a consumer keeps: hostCopies, hostOwner), besides what is the same for all groups (mesh
 * options, Sidecars, the release). So a group whose entries, and whose hostnames' entries, are the same
 * objects in the same order on two sides gives the same findings on both.
 *
 * The patched head differs from the head only in the entries the candidate changes, and from the base
 * in those and the change's own entries. A group the candidate leaves as the head has it keeps the
 * head's findings: what the head introduces there stays introduced, which is allowed, unless it is the
 * finding being fixed (then the candidate fails outright). A group the patched head has as the base has
 * it gives the base's findings: nothing there is introduced. Only groups that differ from both are
 * analysed ("decided"): for a candidate that moves an entry off a crowded listener (a VIP, another port),
 * that is its new listener, not the crowd it left.
 *
 * The deciding subset of a side holds the entries with a unit on a decided listener or naming a decided
 * hostname, closed over shared hostnames: analysed alone, it gives exactly the side's findings of every
 * decided group (their hostnames' copies are all in it). Findings of other groups it happens to form
 * are partial and are dropped (see decidedBy), so it may hold more entries than it must.
 */
export interface CandidateScope {
  /** Listener groups whose findings are compared. */
  listeners: ReadonlySet<string>;
  /** Hostnames whose same-host and host-split findings are compared. */
  hosts: ReadonlySet<string>;
  /** Hostnames the head's deciding subset starts from: the decided ones and every changed entry's, so the patched subset holds the candidate's entries. */
  seeds: ReadonlySet<string>;
  /** Whether the candidate changes the finding's own group from the head's; when it does not, the finding stands. */
  touchesFinding: boolean;
  /** Names the scope, so candidates with the same one share their base and head sides. */
  key: string;
}

/** A group's findings and what they name it by. */
type GroupFinding = Pick<Finding, 'listener' | 'rule'>;

/** The hostname a same-host (`outbound|443||h`) or host-split (`outbound||h`) finding is about; undefined for a listener group's. */
export function hostGroupOf(f: GroupFinding): string | undefined {
  return f.rule === 'same-host' || f.rule === 'host-split' ? f.listener.slice(f.listener.indexOf('||') + 2) : undefined;
}

/** The groups a set of entries changes: their listeners and hostnames, with every listener an entry naming one of those hostnames is on. */
interface ChangedGroups {
  listeners: Set<string>;
  hosts: Set<string>;
}

function inGroups(groups: { listeners: ReadonlySet<string>; hosts: ReadonlySet<string> }): (f: GroupFinding) => boolean {
  return (f) => {
    const host = hostGroupOf(f);
    return host === undefined ? groups.listeners.has(f.listener) : groups.hosts.has(host);
  };
}

/** Every listener an entry has a unit on, as analyze() builds them under one mesh's options. */
export type ListenersOf = (entry: ServiceEntry) => readonly string[];

/**
 * ListenersOf, each entry's found once: a review's two sides share most entry objects, and every
 * candidate of the review asks about the same entries again.
 */
export function listenersUnder(mesh: MeshOptions): ListenersOf {
  const known = new WeakMap<ServiceEntry, readonly string[]>();
  return (entry) => {
    let listeners = known.get(entry);
    if (!listeners) known.set(entry, listeners = buildListenerUnits([entry], mesh, []).map((u) => u.listener));
    return listeners;
  };
}

function changedGroupsOf(entries: Iterable<ServiceEntry>, listenersOf: ListenersOf): ChangedGroups {
  const groups: ChangedGroups = { listeners: new Set(), hosts: new Set() };
  for (const e of entries) {
    for (const l of listenersOf(e)) groups.listeners.add(l);
    for (const h of e.hosts) groups.hosts.add(h);
  }
  return groups;
}

/**
 * How the head's entries stand to the base's, found once per review. A file the change leaves alone is
 * parsed once for both sides (sharedLoader), so its entries are the very same objects on both; none of
 * them counts as created by the change (their refs are the base's), so they are as old on both sides.
 */
export interface BaseRelation {
  /** Per head index: 1 when the entry is the base's own object. */
  shared: Uint8Array;
  /** Base entries the head does not have (the base's side of changed files). */
  baseOnly: readonly ServiceEntry[];
  /** Head indexes of entries the base does not have. */
  headOnly: readonly number[];
}

/**
 * The relation, or undefined when the head holds the shared entries in another order than the base: the
 * order can decide which of two tied entries counts as first, so no group is then taken to be the base's.
 */
export function relateToBase(base: readonly ServiceEntry[], head: readonly ServiceEntry[]): BaseRelation | undefined {
  const baseIndex = new Map<ServiceEntry, number>();
  base.forEach((e, i) => baseIndex.set(e, i));
  const shared = new Uint8Array(head.length);
  const inHead = new Uint8Array(base.length);
  const headOnly: number[] = [];
  let last = -1;
  for (let i = 0; i < head.length; i++) {
    const at = baseIndex.get(head[i]!);
    if (at === undefined || inHead[at]) {
      headOnly.push(i);
      continue;
    }
    if (at < last) return undefined;
    last = at;
    shared[i] = 1;
    inHead[at] = 1;
  }
  const baseOnly: ServiceEntry[] = [];
  base.forEach((e, i) => { if (!inHead[i]) baseOnly.push(e); });
  return { shared, baseOnly, headOnly };
}

/**
 * One side's entries, with the entries of each file. Nothing is indexed by port or hostname: a subset is
 * found by scanning (two or three passes of Set lookups), which at 100k entries costs far less than
 * building maps of 100k hostnames for each side.
 */
export interface EntryIndex {
  entries: readonly ServiceEntry[];
  /** The indexes of a file's entries, in order. */
  entriesOf(path: string): readonly number[];
}

const NO_INDEXES: readonly number[] = Object.freeze([]);

export function indexEntries(entries: readonly ServiceEntry[]): EntryIndex {
  // Built on first ask, in one pass: candidates that edit many files (a wide render) ask for many paths.
  let byPath: Map<string, number[]> | undefined;
  return {
    entries,
    entriesOf(path) {
      if (!byPath) {
        byPath = new Map();
        entries.forEach((e, i) => {
          const path = e.location.path;
          const list = byPath!.get(path);
          if (list) list.push(i);
          else byPath!.set(path, [i]);
        });
      }
      return byPath.get(path) ?? NO_INDEXES;
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

/**
 * The decided groups of one candidate for one finding. `base` relates the head to the base, when the
 * review analysed both sides with the same mesh options and Sidecars; without it, groups are compared
 * with the head's alone.
 */
export function candidateScope(finding: GroupFinding, patched: PatchedFiles, head: EntryIndex, listenersOf: ListenersOf, base: BaseRelation | undefined): CandidateScope {
  const againstHead = changedGroupsOf([...patched.changedBefore, ...patched.changedAfter], listenersOf);
  let againstBase: ChangedGroups | undefined;
  if (base) {
    // What the base has and the patched head lacks, and the reverse: the change's entries the candidate leaves
    // as they are, the base's own entries the candidate edits, and what the edits make.
    const replaced = new Set(patched.changedBefore);
    const differs: ServiceEntry[] = [...base.baseOnly, ...patched.changedAfter];
    for (const i of base.headOnly) if (!replaced.has(head.entries[i]!)) differs.push(head.entries[i]!);
    for (const path of patched.byPath.keys()) for (const i of head.entriesOf(path)) if (base.shared[i] && replaced.has(head.entries[i]!)) differs.push(head.entries[i]!);
    againstBase = changedGroupsOf(differs, listenersOf);
  }
  // An entry naming a changed hostname has its listeners' groups changed too (which copy a consumer keeps).
  // Against the base, only entries both sides have count: the others are in `differs` already.
  head.entries.forEach((e, i) => {
    const forHead = e.hosts.some((h) => againstHead.hosts.has(h));
    const forBase = againstBase !== undefined && base!.shared[i] === 1 && e.hosts.some((h) => againstBase!.hosts.has(h));
    if (!forHead && !forBase) return;
    for (const l of listenersOf(e)) {
      if (forHead) againstHead.listeners.add(l);
      if (forBase) againstBase!.listeners.add(l);
    }
  });
  const listeners = againstBase ? new Set([...againstHead.listeners].filter((l) => againstBase!.listeners.has(l))) : againstHead.listeners;
  const hosts = againstBase ? new Set([...againstHead.hosts].filter((h) => againstBase!.hosts.has(h))) : againstHead.hosts;
  const sorted = (set: ReadonlySet<string>) => [...set].sort().join(',');
  return {
    listeners,
    hosts,
    seeds: againstHead.hosts,
    touchesFinding: inGroups(againstHead)(finding),
    key: `${sorted(listeners)}|${sorted(hosts)}|${sorted(againstHead.hosts)}`,
  };
}

/**
 * Whether an entry belongs in a deciding subset for these listeners: every entry on the port of a wildcard
 * listener in the set (a few address-bound ones among them only form groups of their own, which are not
 * decided), and entries with a unit on an address-bound listener in the set. Only the latter need their
 * units built, and only entries with addresses can have them.
 */
export function onListeners(listeners: ReadonlySet<string>, listenersOf: ListenersOf): (e: ServiceEntry) => boolean {
  const wildcardPorts = new Set<number>();
  const boundPorts = new Set<number>();
  for (const l of listeners) {
    const at = l.lastIndexOf('_');
    (l.slice(0, at) === '0.0.0.0' ? wildcardPorts : boundPorts).add(Number(l.slice(at + 1)));
  }
  return (e) => e.ports.some((p) => wildcardPorts.has(p.number))
    || (e.addresses.length > 0 && e.ports.some((p) => boundPorts.has(p.number)) && listenersOf(e).some((l) => listeners.has(l)));
}

/** A deciding subset: indexes into its side (ascending, the side's own order) and every hostname they name. */
export interface Subset {
  indexes: number[];
  hosts: Set<string>;
}

/**
 * The entries `onListener` takes or naming the given hostnames, closed over shared hostnames: the side's
 * order is kept, so which entry is processed first is unchanged. Linear whatever the hostnames do: one
 * scan takes the entries `onListener` takes or those naming a seed hostname; a second takes those naming a hostname
 * the first one brought in (for hostnames named once or twice, the usual case, the closure ends there).
 * Whatever is still open is followed through an index of the entries left out, built only then, so a
 * chain of entries each sharing a hostname with the next costs one walk, not one scan per link.
 */
export function decidingSubset(index: EntryIndex, onListener: (e: ServiceEntry) => boolean, hosts: Iterable<string>): Subset {
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
    if (e.hosts.some((h) => named.has(h)) || onListener(e)) take(i);
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

/** Findings of decided groups: those an analysis of a deciding subset gives exactly as its whole side would, and the only ones compared. */
export function decidedBy(scope: Pick<CandidateScope, 'listeners' | 'hosts'>): (f: GroupFinding) => boolean {
  return inGroups(scope);
}
