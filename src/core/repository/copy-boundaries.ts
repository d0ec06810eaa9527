/**
 * Copies of one object are evidence of a boundary: nobody applies the same
 * ServiceEntry twice to one cluster, so two files (or two Kustomize roots)
 * that hold the same (group, kind, namespace, name) belong to different
 * meshes. Where two copies' paths part, each side becomes its own mesh; what
 * lies beside them in the folder they part in is shared by both sides, as a
 * base is. Units in no copy stay together, so a real collision between them
 * is still found.
 */
import { dirOf, isUnder } from './yaml-objects.js';

export interface PlacedUnit {
  /** The file that stands for the unit: a manifest, a kustomization file or a Chart.yaml. */
  anchor: string;
  /** `group/kind/namespace/name` of the ServiceEntries and Sidecars it holds. */
  identities: readonly string[];
}

export interface CopySplit<U> {
  /** One per side of a boundary (`leaf` is the folder or file the side is named after), plus the rest (`leaf` undefined). */
  groups: Array<{ leaf: string | undefined; units: U[] }>;
  /** One example per identity found in more than one unit. */
  copies: Array<{ identity: string; anchors: string[] }>;
}

export function splitByCopies<U extends PlacedUnit>(units: readonly U[]): CopySplit<U> {
  // Nearly every identity has one holder: it is kept as is, and only a second holder makes a list (a Set per
  // identity cost 116 ms of a 100k-entry repository's planning, 32 ms without).
  const holders = new Map<string, U | U[]>();
  for (const unit of units) {
    for (const id of unit.identities) {
      const held = holders.get(id);
      if (held === undefined) holders.set(id, unit);
      else if (!Array.isArray(held)) {
        if (held !== unit) holders.set(id, [held, unit]);
      } else if (held[held.length - 1] !== unit) held.push(unit); // a unit naming an identity twice names it in one go
    }
  }
  const boundaries = new Set<string>();
  const copies: CopySplit<U>['copies'] = [];
  for (const [identity, held] of holders) {
    if (!Array.isArray(held)) continue;
    const anchors = held.map((u) => u.anchor).sort();
    copies.push({ identity, anchors });
    for (let i = 1; i < anchors.length; i++) {
      const [a, b] = [anchors[i - 1]!.split('/'), anchors[i]!.split('/')];
      let common = 0;
      while (common < a.length - 1 && common < b.length - 1 && a[common] === b[common]) common++;
      boundaries.add(a.slice(0, common + 1).join('/'));
      boundaries.add(b.slice(0, common + 1).join('/'));
    }
  }
  if (boundaries.size === 0) return { groups: [{ leaf: undefined, units: [...units] }], copies };

  const sorted = [...boundaries].sort();
  const leaves = sorted.filter((b) => !sorted.some((o) => o !== b && isUnder(o, b)));
  const byLeaf = new Map<string, U[]>(leaves.map((l) => [l, []]));
  const rest: U[] = [];
  for (const unit of units) {
    const leaf = leaves.find((l) => isUnder(unit.anchor, l));
    if (leaf) {
      byLeaf.get(leaf)!.push(unit);
      continue;
    }
    // Shared: beside the copies in a folder they part in, so every side under that folder sees it.
    const enclosing = deepest(sorted.filter((b) => isUnder(unit.anchor, b)));
    const dir = dirOf(unit.anchor);
    const sides = leaves.filter((l) => isUnder(l, dir) && (enclosing === undefined || isUnder(l, enclosing)));
    if (sides.length === 0) rest.push(unit);
    for (const side of sides) byLeaf.get(side)!.push(unit);
  }
  const groups: CopySplit<U>['groups'] = leaves.map((leaf) => ({ leaf, units: byLeaf.get(leaf)! }));
  if (rest.length > 0) groups.push({ leaf: undefined, units: rest });
  return { groups, copies };
}

function deepest(paths: readonly string[]): string | undefined {
  return paths.reduce<string | undefined>((best, p) => (best === undefined || p.length > best.length ? p : best), undefined);
}
