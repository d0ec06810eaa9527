import type { EntryRole, RuleCode, ServiceEntry } from '../model.js';
import type { CollisionRecord, Emitted } from './listener-conflicts.js';
import type { ListenerUnit } from './listener-units.js';
import type { EntryAge } from './precedence.js';
import { OTHER_NAMESPACES } from './visibility.js';

/** One entry's part in a collision, across every consumer class that sees it. */
export interface MemberOutcome {
  entry: ServiceEntry;
  entryIndex: number;
  hosts: Set<string>;
  units: ListenerUnit[];
  age: EntryAge;
  /** The most specific visibility tier any consumer saw it with (0: private to that namespace). */
  bestTier: number;
  role: EntryRole;
  /** Filled only when the outcome differs between consumer classes; otherwise `role` says it for all. */
  winsFor: string[];
  losesFor: string[];
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

type Outcome = 'win' | 'lose' | 'open';

const ROLE: Record<Outcome, EntryRole> = { win: 'winner', lose: 'shadowed', open: 'undetermined' };

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

  collisions(): Collision[] {
    return [...this.byKey.values()].map(settle);
  }
}

function settle(pending: Pending): Collision {
  interface Draft { member: MemberOutcome; outcomes: Array<[Outcome, string[]]>; seen: Set<Outcome> }
  const drafts = new Map<number, Draft>();
  const consumerClasses = new Set<string>();
  let port = 0;
  for (const [record, seen] of pending.occurrences) {
    for (const c of seen.asIs) consumerClasses.add(c);
    for (const c of seen.allLose) consumerClasses.add(c);
    const note = (list: CollisionRecord['winners'], outcome: Outcome, classes: string[]) => {
      if (classes.length === 0) return;
      for (const ranked of list) {
        const u = ranked.unit;
        port = u.port.number;
        let draft = drafts.get(u.entryIndex);
        if (!draft) {
          draft = {
            member: { entry: u.entry, entryIndex: u.entryIndex, hosts: new Set(), units: [], age: ranked.age, bestTier: ranked.tier, role: 'winner', winsFor: [], losesFor: [] },
            outcomes: [],
            seen: new Set(),
          };
          drafts.set(u.entryIndex, draft);
        }
        const m = draft.member;
        m.hosts.add(u.host);
        if (!m.units.includes(u)) m.units.push(u);
        if (ranked.tier < m.bestTier) m.bestTier = ranked.tier;
        draft.outcomes.push([outcome, classes]);
        draft.seen.add(outcome);
      }
    };
    note(record.winners, 'win', seen.asIs);
    note(record.shadowed, 'lose', seen.asIs);
    note(record.undetermined, 'open', seen.asIs);
    for (const list of [record.winners, record.shadowed, record.undetermined]) note(list, 'lose', seen.allLose);
  }
  const members = new Map<number, MemberOutcome>();
  for (const [index, { member, outcomes, seen: kinds }] of drafts) {
    // The role is what the widest audience (every namespace no manifest names) sees; an entry
    // only some namespaces see gets the worst of its outcomes. Differences by namespace are listed.
    const wide = outcomes.find(([, classes]) => classes.includes(OTHER_NAMESPACES))?.[0];
    const outcome: Outcome = wide ?? (kinds.has('lose') ? 'lose' : kinds.has('open') ? 'open' : 'win');
    member.role = ROLE[outcome];
    // Lists only when namespaces see different outcomes; one entry that wins for one of its hosts and
    // loses for another, alike for every namespace, differs by host, not by namespace.
    if (kinds.size > 1 && differsByNamespace(outcomes)) {
      member.winsFor = [...new Set(outcomes.filter(([o]) => o === 'win').flatMap(([, c]) => c))];
      member.losesFor = [...new Set(outcomes.filter(([o]) => o === 'lose').flatMap(([, c]) => c))];
    }
    members.set(index, member);
  }
  return { rule: pending.rule, listener: pending.listener, port, subKey: pending.subKey, consumerClasses: [...consumerClasses], members };
}

function differsByNamespace(outcomes: ReadonlyArray<readonly [Outcome, readonly string[]]>): boolean {
  const byClass = new Map<string, Set<Outcome>>();
  for (const [outcome, classes] of outcomes) for (const c of classes) byClass.set(c, (byClass.get(c) ?? new Set()).add(outcome));
  const signatures = new Set([...byClass.values()].map((set) => [...set].sort().join(',')));
  return signatures.size > 1;
}

export function roleOf(member: MemberOutcome): EntryRole {
  return member.role;
}
