import type { EntryRole, RuleCode, ServiceEntry } from '../model.js';
import type { CollisionRecord, Emitted } from './listener-conflicts.js';
import type { ListenerUnit } from './listener-units.js';
import type { EntryAge } from './precedence.js';
import { ClassLists, NO_CLASSES, OutcomeMixes, type ClassList, type Outcome } from './outcome-mixes.js';
import { OTHER_NAMESPACES } from './visibility.js';

/** One entry's part in a collision, across every consumer class that sees it. */
export interface MemberOutcome {
  entry: ServiceEntry;
  entryIndex: number;
  /** The hosts of its units, each once. */
  hosts: readonly string[];
  units: ListenerUnit[];
  age: EntryAge;
  /** The most specific visibility tier any consumer saw it with (0: private to that namespace). */
  bestTier: number;
  role: EntryRole;
  /** Filled only when the outcome differs between consumer classes; otherwise `role` says it for all. */
  winsFor: readonly string[];
  losesFor: readonly string[];
}

/** A collision merged over consumer classes, before it is explained. */
export interface Collision {
  rule: RuleCode;
  listener: string;
  port: number;
  subKey: string;
  consumerClasses: string[];
  members: Map<number, MemberOutcome>;
}

interface Pending {
  rule: RuleCode;
  listener: string;
  subKey: string;
  /** A record shared by many classes is stored once, with the classes that saw it (as is, and with all its units losing). */
  occurrences: Map<CollisionRecord, { asIs: string[]; allLose: string[] }>;
}

const ROLE: Record<Outcome, EntryRole> = { win: 'winner', lose: 'shadowed', open: 'undetermined' };
const OUTCOME_BIT: Record<Outcome, number> = { win: 1, lose: 2, open: 4 };

/**
 * Merges per-consumer records of the same collision into one, so N
 * namespaces give one finding. Work is per distinct record, not per class:
 * a record fifty namespaces share is walked once.
 */
export class CollisionAccumulator {
  private readonly byKey = new Map<string, Pending>();

  add({ record, allLose }: Emitted, consumerClass: string): void {
    const key = `${record.rule}\u0000${record.listener}\u0000${record.subKey}`;
    let pending = this.byKey.get(key);
    if (!pending) {
      pending = { rule: record.rule, listener: record.listener, subKey: record.subKey, occurrences: new Map() };
      this.byKey.set(key, pending);
    }
    let seen = pending.occurrences.get(record);
    if (!seen) {
      seen = { asIs: [], allLose: [] };
      pending.occurrences.set(record, seen);
    }
    (allLose ? seen.allLose : seen.asIs).push(consumerClass);
  }

  /**
   * Each collision, settled as it is asked for; what it was merged from is let go at once, so a caller
   * that turns each into a finding before asking for the next never holds every record, member and
   * finding at the same time (with one 100k-member collision per rule, that was the run's peak heap).
   * Drains the accumulator: a second pass yields nothing.
   */
  *drain(): Generator<Collision> {
    for (const [key, pending] of this.byKey) {
      this.byKey.delete(key);
      yield settle(pending);
    }
  }
}

function settle(pending: Pending): Collision {
  if (pending.occurrences.size === 1) {
    const [record, seen] = pending.occurrences.entries().next().value!;
    // One record seen by one list of classes (every consumer sees the group alike, as on a port only public entries
    // share): each member has the outcome the record gives it, for all of those classes.
    if ((seen.asIs.length === 0) !== (seen.allLose.length === 0)) return settleOne(pending, record, seen);
  }
  // An outcome is noted once per (member, record), with the record's class list shared, never copied:
  // K namespaces that all see one record cost one note per member, not K.
  // `seen` is a bit set of the outcomes noted (OUTCOME_BIT): one number, not a Set per member. The first
  // outcome is held in the draft itself: nearly every member has only one, and 100k members are 200k fewer objects.
  interface Draft { member: MemberOutcome; outcome: Outcome; classes: ClassList; more: Array<[Outcome, ClassList]> | undefined; seen: number }
  const drafts = new Map<number, Draft>();
  const consumerClasses = new Set<string>();
  const lists = new ClassLists();
  let port = 0;
  for (const [record, seen] of pending.occurrences) {
    for (const c of seen.asIs) consumerClasses.add(c);
    for (const c of seen.allLose) consumerClasses.add(c);
    const note = (list: CollisionRecord['winners'], outcome: Outcome, classes: ClassList) => {
      if (classes.names.length === 0) return;
      for (const ranked of list) {
        const u = ranked.unit;
        // Every unit of a collision is on its listener's port: the first one tells it.
        if (port === 0) port = u.port.number;
        let draft = drafts.get(u.entryIndex);
        if (!draft) {
          // Arrays start as literals of their first element: an empty array's first push reserves room for 17.
          draft = {
            member: { entry: u.entry, entryIndex: u.entryIndex, hosts: sameHostList(u), units: [u], age: ranked.age, bestTier: ranked.tier, role: 'winner', winsFor: NO_CLASSES, losesFor: NO_CLASSES },
            outcome,
            classes,
            more: undefined,
            seen: OUTCOME_BIT[outcome],
          };
          drafts.set(u.entryIndex, draft);
          continue;
        }
        const m = draft.member;
        if (!m.units.includes(u)) addUnit(m, u);
        if (ranked.tier < m.bestTier) m.bestTier = ranked.tier;
        if (draft.more) draft.more.push([outcome, classes]);
        else draft.more = [[outcome, classes]];
        draft.seen |= OUTCOME_BIT[outcome];
      }
    };
    const asIs = lists.of(seen.asIs);
    const allLose = lists.of(seen.allLose);
    note(record.winners, 'win', asIs);
    note(record.shadowed, 'lose', asIs);
    note(record.undetermined, 'open', asIs);
    for (const list of [record.winners, record.shadowed, record.undetermined]) note(list, 'lose', allLose);
  }
  const members = new Map<number, MemberOutcome>();
  const mixes = new OutcomeMixes();
  for (const [index, draft] of drafts) {
    const { member, seen: kinds } = draft;
    // The role is what the widest audience (every namespace no manifest names) sees; an entry
    // only some namespaces see gets the worst of its outcomes. Differences by namespace are listed.
    const wide = draft.classes.wide ? draft.outcome : draft.more?.find(([, classes]) => classes.wide)?.[0];
    const outcome: Outcome = wide ?? (kinds & OUTCOME_BIT.lose ? 'lose' : kinds & OUTCOME_BIT.open ? 'open' : 'win');
    member.role = ROLE[outcome];
    // Lists only when namespaces see different outcomes; one entry that wins for one of its hosts and
    // loses for another, alike for every namespace, differs by host, not by namespace.
    if ((kinds & (kinds - 1)) === 0) {
      members.set(index, member);
      continue;
    }
    const mix = mixes.of(draft.outcome, draft.classes, draft.more!);
    if (mix.differs) {
      // Members noted with the same class lists share one array: ten thousand losers in a
      // thousand namespaces hold one list of a thousand names, not ten million.
      member.winsFor = mix.winsFor;
      member.losesFor = mix.losesFor;
    }
    members.set(index, member);
  }
  return { rule: pending.rule, listener: pending.listener, port, subKey: pending.subKey, consumerClasses: [...consumerClasses], members };
}

/**
 * `settle` for a collision noted from one record under one class list, without the per-member drafts that merging
 * outcomes across records needs: the same members, roles and order. An entry noted twice (several hosts) keeps
 * the outcome the widest audience sees (its first, when `*` is in the list), else its worst; with one class list
 * no namespace sees another outcome than the rest.
 */
function settleOne(pending: Pending, record: CollisionRecord, seen: { asIs: string[]; allLose: string[] }): Collision {
  const classes = seen.asIs.length > 0 ? seen.asIs : seen.allLose;
  const wide = classes.includes(OTHER_NAMESPACES);
  const members = new Map<number, MemberOutcome>();
  /** Outcome bits of members noted more than once, with their first outcome; nearly every member is noted once. */
  const repeated = new Map<number, { first: Outcome; bits: number }>();
  let port = 0;
  const note = (list: CollisionRecord['winners'], outcome: Outcome) => {
    for (const ranked of list) {
      const u = ranked.unit;
      if (port === 0) port = u.port.number;
      const m = members.get(u.entryIndex);
      if (!m) {
        members.set(u.entryIndex, { entry: u.entry, entryIndex: u.entryIndex, hosts: sameHostList(u), units: [u], age: ranked.age, bestTier: ranked.tier, role: ROLE[outcome], winsFor: NO_CLASSES, losesFor: NO_CLASSES });
        continue;
      }
      if (!m.units.includes(u)) addUnit(m, u);
      if (ranked.tier < m.bestTier) m.bestTier = ranked.tier;
      let known = repeated.get(u.entryIndex);
      if (!known) repeated.set(u.entryIndex, known = { first: OUTCOME_OF_ROLE[m.role], bits: OUTCOME_BIT[OUTCOME_OF_ROLE[m.role]] });
      known.bits |= OUTCOME_BIT[outcome];
    }
  };
  if (seen.asIs.length > 0) {
    note(record.winners, 'win');
    note(record.shadowed, 'lose');
    note(record.undetermined, 'open');
  } else {
    for (const list of [record.winners, record.shadowed, record.undetermined]) note(list, 'lose');
  }
  // Only members noted more than once can change role: a 100k-member collision is not walked again.
  for (const [index, known] of repeated) {
    members.get(index)!.role = ROLE[wide ? known.first : known.bits & OUTCOME_BIT.lose ? 'lose' : known.bits & OUTCOME_BIT.open ? 'open' : 'win'];
  }
  return { rule: pending.rule, listener: pending.listener, port, subKey: pending.subKey, consumerClasses: [...new Set(classes)], members };
}

const OUTCOME_OF_ROLE: Record<EntryRole, Outcome> = { winner: 'win', shadowed: 'lose', undetermined: 'open' };

/**
 * A member noted with another of its units: its hosts are each unit's host once, in the order the units were
 * noted. A member of one unit (the usual case) got its hosts when it was made (sameHostList), so settling a
 * 100k-member collision needs no pass of its own for them.
 */
function addUnit(member: MemberOutcome, unit: ListenerUnit): void {
  member.units.push(unit);
  member.hosts = [...new Set(member.units.map((u) => u.host))];
}

/**
 * `[unit.host]`, as the entry's own list when that is what it holds: a collision can hold 100k members,
 * and their findings share the entry's list too.
 */
export function sameHostList(unit: ListenerUnit): readonly string[] {
  const hosts = unit.entry.hosts;
  return hosts.length === 1 && hosts[0] === unit.host ? hosts : [unit.host];
}

export function roleOf(member: MemberOutcome): EntryRole {
  return member.role;
}
