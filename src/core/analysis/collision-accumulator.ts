import type { EntryRole, RuleCode, ServiceEntry } from '../model.js';
import type { CollisionRecord } from './listener-conflicts.js';
import type { ListenerUnit } from './listener-units.js';
import type { EntryAge } from './precedence.js';

/** One entry's part in a collision, across every consumer class that sees it. */
export interface MemberOutcome {
  entry: ServiceEntry;
  entryIndex: number;
  hosts: Set<string>;
  units: ListenerUnit[];
  age: EntryAge;
  /** The most specific visibility tier any consumer saw it with (0: private to that namespace). */
  bestTier: number;
  winsFor: Set<string>;
  losesFor: Set<string>;
  undeterminedFor: Set<string>;
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

/** Merges per-consumer records of the same collision into one, so N namespaces give one finding. */
export class CollisionAccumulator {
  private readonly byKey = new Map<string, Collision>();

  add(record: CollisionRecord, consumerClass: string): void {
    const key = `${record.rule}\u0000${record.listener}\u0000${record.subKey}`;
    let collision = this.byKey.get(key);
    if (!collision) {
      const any = record.winners[0] ?? record.shadowed[0] ?? record.undetermined[0];
      collision = { rule: record.rule, listener: record.listener, port: any?.unit.port.number ?? 0, subKey: record.subKey, consumerClasses: [], members: new Map() };
      this.byKey.set(key, collision);
    }
    collision.consumerClasses.push(consumerClass);
    const note = (list: CollisionRecord['winners'], outcome: 'winsFor' | 'losesFor' | 'undeterminedFor') => {
      for (const ranked of list) {
        const u = ranked.unit;
        let member = collision.members.get(u.entryIndex);
        if (!member) {
          member = { entry: u.entry, entryIndex: u.entryIndex, hosts: new Set(), units: [], age: ranked.age, bestTier: ranked.tier, winsFor: new Set(), losesFor: new Set(), undeterminedFor: new Set() };
          collision.members.set(u.entryIndex, member);
        }
        member.hosts.add(u.host);
        member.bestTier = Math.min(member.bestTier, ranked.tier);
        if (!member.units.includes(u)) member.units.push(u);
        member[outcome].add(consumerClass);
      }
    };
    note(record.winners, 'winsFor');
    note(record.shadowed, 'losesFor');
    note(record.undetermined, 'undeterminedFor');
  }

  collisions(): Collision[] {
    return [...this.byKey.values()];
  }
}

/** Losing anywhere is what a reader must see first; winning everywhere is the only clean win. */
export function roleOf(member: MemberOutcome): EntryRole {
  if (member.losesFor.size > 0) return 'shadowed';
  if (member.undeterminedFor.size > 0) return 'undetermined';
  return 'winner';
}
