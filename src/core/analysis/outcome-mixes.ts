/**
 * What the outcomes an entry was noted with in one collision say by consumer namespace: whether some
 * namespaces see it win and others lose, and which classes see each. Settling a collision asks it for
 * every member whose notes disagree (see collision-accumulator.ts).
 */
import { OTHER_NAMESPACES } from './visibility.js';

export type Outcome = 'win' | 'lose' | 'open';

/** The empty class list every member that needs none shares: a collision can have a hundred thousand members. */
export const NO_CLASSES: readonly string[] = Object.freeze([]);

/** What the outcomes a member was noted with say by namespace (see OutcomeMixes). */
export interface OutcomeMix {
  differs: boolean;
  winsFor: readonly string[];
  losesFor: readonly string[];
}

interface MixNode {
  next: Map<number, MixNode> | undefined;
  mix: OutcomeMix | undefined;
}

const OUTCOME_INDEX: Record<Outcome, number> = { win: 0, lose: 1, open: 2 };

/**
 * Whether namespaces see a member differently, and which classes see each outcome, once per distinct sequence of
 * (outcome, class list) pairs its notes hold, found by walking a trie keyed by each pair's number. Members of one
 * collision share a handful of sequences (every member is noted in the records' order), and a member whose
 * sequence is known costs a few map lookups: building a sorted string key per member cost more than the rest of
 * settling (about 100 MB of garbage settling the bench's realistic 100k entries, two thirds of it the sort).
 */
export class OutcomeMixes {
  private readonly root: MixNode = { next: undefined, mix: undefined };
  private readonly merged = new Map<string, string[]>();
  private readonly differs = new Map<string, boolean>();

  of(outcome: Outcome, classes: ClassList, more: ReadonlyArray<[Outcome, ClassList]>): OutcomeMix {
    let node = step(this.root, outcome, classes);
    for (const [o, list] of more) node = step(node, o, list);
    if (!node.mix) {
      const outcomes: Array<[Outcome, ClassList]> = [[outcome, classes], ...more];
      const differs = differsByNamespace(outcomes, this.differs);
      node.mix = {
        differs,
        winsFor: differs ? union(outcomes, 'win', this.merged) : NO_CLASSES,
        losesFor: differs ? union(outcomes, 'lose', this.merged) : NO_CLASSES,
      };
    }
    return node.mix;
  }
}

function step(node: MixNode, outcome: Outcome, list: ClassList): MixNode {
  const code = list.id * 3 + OUTCOME_INDEX[outcome];
  node.next ??= new Map();
  let next = node.next.get(code);
  if (!next) {
    next = { next: undefined, mix: undefined };
    node.next.set(code, next);
  }
  return next;
}

/** Whether some namespace sees another outcome than the rest; answered once per distinct set of noted lists. */
function differsByNamespace(outcomes: ReadonlyArray<readonly [Outcome, ClassList]>, cache: Map<string, boolean>): boolean {
  const key = [...new Set(outcomes.map(([o, list]) => `${o}:${list.id}`))].sort().join(',');
  const known = cache.get(key);
  if (known !== undefined) return known;
  const byClass = new Map<string, Set<Outcome>>();
  for (const [outcome, classes] of outcomes) for (const c of classes.names) byClass.set(c, (byClass.get(c) ?? new Set()).add(outcome));
  const signatures = new Set([...byClass.values()].map((set) => [...set].sort().join(',')));
  cache.set(key, signatures.size > 1);
  return signatures.size > 1;
}

/** A consumer-class list as noted, with an id to key unions on and whether `*` is in it, found once. */
export interface ClassList {
  id: number;
  names: readonly string[];
  wide: boolean;
}

export class ClassLists {
  private readonly known = new Map<readonly string[], ClassList>();

  of(names: readonly string[]): ClassList {
    let list = this.known.get(names);
    if (!list) {
      list = { id: this.known.size, names, wide: names.includes(OTHER_NAMESPACES) };
      this.known.set(names, list);
    }
    return list;
  }
}

/** The distinct classes of one outcome, computed once per distinct set of noted lists and shared. */
function union(outcomes: ReadonlyArray<[Outcome, ClassList]>, wanted: Outcome, merged: Map<string, string[]>): string[] {
  const ids = [...new Set(outcomes.filter(([o]) => o === wanted).map(([, list]) => list.id))];
  const key = `${wanted}:${ids.join(',')}`;
  let names = merged.get(key);
  if (!names) {
    const picked = outcomes.filter(([o]) => o === wanted).map(([, list]) => list.names);
    names = [...new Set(picked.flat())];
    merged.set(key, names);
  }
  return names;
}
