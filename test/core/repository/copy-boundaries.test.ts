import { splitByCopies, type PlacedUnit } from '../../../src/core/repository/copy-boundaries.js';

const unit = (anchor: string, ...identities: string[]): PlacedUnit => ({ anchor, identities });
const SE = (name: string) => `networking.istio.io/ServiceEntry/default/${name}`;

describe('splitting units where copies of one object say there are several meshes', () => {
  test('three copies of one entry make three sides, and what lies beside them is shared by each', () => {
    const units = [
      unit('envs/dev/egress.yaml', SE('db')),
      unit('envs/prod/egress.yaml', SE('db')),
      unit('envs/test/egress.yaml', SE('db')),
      unit('envs/common.yaml', SE('shared')),
    ];
    const split = splitByCopies(units);
    expect(split.copies).toEqual([{ identity: SE('db'), anchors: ['envs/dev/egress.yaml', 'envs/prod/egress.yaml', 'envs/test/egress.yaml'] }]);
    expect(split.groups.map((g) => [g.leaf, g.units.map((u) => u.anchor)])).toEqual([
      ['envs/dev', ['envs/dev/egress.yaml', 'envs/common.yaml']],
      ['envs/prod', ['envs/prod/egress.yaml', 'envs/common.yaml']],
      ['envs/test', ['envs/test/egress.yaml', 'envs/common.yaml']],
    ]);
  });

  test('one unit naming an object twice is no copy: nothing is split', () => {
    const units = [unit('a/egress.yaml', SE('db'), SE('db')), unit('b/egress.yaml', SE('cache'))];
    const split = splitByCopies(units);
    expect(split.copies).toEqual([]);
    expect(split.groups).toEqual([{ leaf: undefined, units }]);
  });

  test('a copy is found however often each holder names it', () => {
    const split = splitByCopies([unit('x/one.yaml', SE('db'), SE('db')), unit('y/two.yaml', SE('db'), SE('db'))]);
    expect(split.copies).toEqual([{ identity: SE('db'), anchors: ['x/one.yaml', 'y/two.yaml'] }]);
    expect(split.groups.map((g) => g.leaf)).toEqual(['x', 'y']);
  });
});
