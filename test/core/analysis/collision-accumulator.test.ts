import fc from 'fast-check';
import { CollisionAccumulator, type Collision } from '../../../src/core/analysis/collision-accumulator.js';
import type { CollisionRecord } from '../../../src/core/analysis/listener-conflicts.js';
import type { ListenerUnit } from '../../../src/core/analysis/listener-units.js';
import type { RankedUnit } from '../../../src/core/analysis/precedence.js';
import type { ServiceEntry } from '../../../src/core/model.js';

/** Entries of one or two hosts, each host one unit on 0.0.0.0_443 with its own tier, placed in the record's lists at random. */
const recordArb = fc.record({
  entries: fc.array(fc.record({ hosts: fc.integer({ min: 1, max: 2 }), lists: fc.array(fc.constantFrom('winners', 'shadowed', 'undetermined'), { minLength: 2, maxLength: 2 }), tiers: fc.array(fc.constantFrom(0, 2), { minLength: 2, maxLength: 2 }) }), { minLength: 1, maxLength: 6 }),
  classes: fc.subarray(['*', 'team-a', 'team-b'], { minLength: 1 }),
  allLose: fc.boolean(),
});

function recordOf(spec: typeof recordArb extends fc.Arbitrary<infer T> ? T : never): CollisionRecord {
  const record: CollisionRecord = { rule: 'tcp-shadowed', listener: '0.0.0.0_443', subKey: 'tcp', winners: [], shadowed: [], undetermined: [] };
  spec.entries.forEach((e, entryIndex) => {
    const hosts = Array.from({ length: e.hosts }, (_, h) => `h${entryIndex}-${h}.example.com`);
    const entry = { namespace: 'egress', name: `e${entryIndex}`, hosts } as unknown as ServiceEntry;
    hosts.forEach((host, h) => {
      const unit = { entry, entryIndex, host, port: { number: 443, protocol: 'TCP' }, listener: '0.0.0.0_443', bind: 'wildcard', chain: 'tcp' } as unknown as ListenerUnit;
      const ranked: RankedUnit = { unit, tier: e.tiers[h]!, age: { timestamp: undefined, generation: 0 } };
      record[e.lists[h] as 'winners' | 'shadowed' | 'undetermined'].push(ranked);
    });
  });
  return record;
}

function settled(records: readonly CollisionRecord[], classes: readonly string[], allLose: boolean): Collision {
  const accumulator = new CollisionAccumulator();
  for (const record of records) for (const c of classes) accumulator.add({ record, allLose }, c);
  return [...accumulator.drain()][0]!;
}

describe('merging one collision over consumer classes', () => {
  test('one record under one class list settles as the general merge of that record noted twice', () => {
    // The single-record path skips the per-member drafts the general merge needs; the same record content as two
    // record objects takes the general path and must give the same members, roles, hosts, tiers and classes.
    fc.assert(fc.property(recordArb, (spec) => {
      const record = recordOf(spec);
      const one = settled([record], spec.classes, spec.allLose);
      const merged = settled([record, { ...record }], spec.classes, spec.allLose);
      expect(one.consumerClasses).toEqual(merged.consumerClasses);
      expect(one.port).toBe(merged.port);
      expect([...one.members.keys()]).toEqual([...merged.members.keys()]);
      for (const [index, m] of one.members) {
        const other = merged.members.get(index)!;
        expect({ role: m.role, hosts: m.hosts, bestTier: m.bestTier, winsFor: m.winsFor, losesFor: m.losesFor }).toEqual({ role: other.role, hosts: other.hosts, bestTier: other.bestTier, winsFor: other.winsFor, losesFor: other.losesFor });
        expect(m.units).toEqual(other.units);
      }
    }), { numRuns: 500 });
  });
});
