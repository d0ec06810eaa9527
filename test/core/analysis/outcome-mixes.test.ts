import fc from 'fast-check';
import { ClassLists, OutcomeMixes, type ClassList, type Outcome } from '../../../src/core/analysis/outcome-mixes.js';

/** What a member's notes say, straight from the definition: namespaces differ when they see different sets of outcomes. */
function byDefinition(outcomes: ReadonlyArray<readonly [Outcome, ClassList]>) {
  const seen = new Map<string, Set<Outcome>>();
  for (const [outcome, list] of outcomes) for (const name of list.names) seen.set(name, (seen.get(name) ?? new Set<Outcome>()).add(outcome));
  const differs = new Set([...seen.values()].map((set) => [...set].sort().join())).size > 1;
  // Each name once, in the order the notes first name it.
  const namesOf = (wanted: Outcome) => [...new Set(outcomes.filter(([o]) => o === wanted).flatMap(([, list]) => list.names))];
  return { differs, winsFor: differs ? namesOf('win') : [], losesFor: differs ? namesOf('lose') : [] };
}

const names = fc.uniqueArray(fc.constantFrom('*', 'team-a', 'team-b', 'team-c'), { minLength: 1, maxLength: 3 });
const note = fc.tuple(fc.constantFrom<Outcome>('win', 'lose', 'open'), fc.integer({ min: 0, max: 4 }));

describe('what a member\'s outcomes say by namespace', () => {
  test('every sequence of notes gets what the definition says, however many members share or nearly share it', () => {
    // Five class lists, members noted one to five times: sequences that share lists with other outcomes, or a prefix, are common.
    fc.assert(fc.property(fc.array(names, { minLength: 5, maxLength: 5 }), fc.array(fc.array(note, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 40 }), (lists, members) => {
      const classLists = new ClassLists();
      // Lists are the arrays a collision notes, known by identity: equal names in two arrays are two lists.
      const pool = lists.map((list) => classLists.of(list));
      const mixes = new OutcomeMixes();
      for (const notes of members) {
        const outcomes = notes.map(([outcome, list]) => [outcome, pool[list]!] as [Outcome, ClassList]);
        const [first, ...more] = outcomes;
        expect(mixes.of(first![0], first![1], more)).toEqual(byDefinition(outcomes));
      }
    }), { numRuns: 300 });
  });

  test('members with the same notes share one list of names', () => {
    const lists = new ClassLists();
    const a = lists.of(['team-a']);
    const b = lists.of(['*', 'team-b']);
    const mixes = new OutcomeMixes();
    const first = mixes.of('win', a, [['lose', b]]);
    const second = mixes.of('win', a, [['lose', b]]);
    expect(first.differs).toBe(true);
    expect(first.winsFor).toEqual(['team-a']);
    expect(first.losesFor).toEqual(['*', 'team-b']);
    expect(second.winsFor).toBe(first.winsFor);
    // The same lists with the outcomes swapped are another member's story.
    expect(mixes.of('lose', a, [['win', b]]).winsFor).toEqual(['*', 'team-b']);
  });
});
