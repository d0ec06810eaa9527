import type { ListenerUnit } from './listener-units.js';
import type { VisibilityTier } from './visibility.js';

/**
 * When an entry came to exist, as far as the manifests tell. A cluster export
 * carries creationTimestamp; otherwise we only know that an entry a pull
 * request creates is younger than every entry already on the base branch.
 */
export interface EntryAge {
  timestamp: number | undefined;
  /** 0: already on the base branch (or no base known); 1: created by the change under review. */
  generation: 0 | 1;
  /** Istio ≤1.22 broke equal-timestamp ties on the string `host.namespace` (SortServicesByCreationTime). */
  legacyTieBreak?: boolean;
}

export interface RankedUnit {
  unit: ListenerUnit;
  tier: VisibilityTier;
  age: EntryAge;
}

export interface Precedence {
  /** The unit processed first, when the manifests decide it. */
  winner: RankedUnit | undefined;
  /** Units that could each be first, when creation order is unknown: the one that sorts first by name leads, the rest keep their order. */
  candidates: RankedUnit[];
}

/**
 * Finds which unit Istio processes first, following its order: visibility
 * tier, then creation time, then hostname, then namespace. Ages the manifests
 * do not pin leave several candidates; linear in the number of units.
 */
export function firstProcessed(units: readonly RankedUnit[]): Precedence {
  if (units.length === 0) return { winner: undefined, candidates: [] };
  // Loops, not Math.min(...spread): a group can hold more units than a call has room for arguments.
  let minTier = Infinity;
  let minGeneration = Infinity;
  for (const u of units) if (u.tier < minTier) minTier = u.tier;
  for (const u of units) if (u.tier === minTier && u.age.generation < minGeneration) minGeneration = u.age.generation;
  const pool = units.filter((u) => u.tier === minTier && u.age.generation === minGeneration);

  // Units of one entry share a creation time, so among them the hostname decides.
  const bestPerEntry = new Map<number, RankedUnit>();
  for (const u of pool) {
    const current = bestPerEntry.get(u.unit.entryIndex);
    if (!current || compareNames(u, current) < 0) bestPerEntry.set(u.unit.entryIndex, u);
  }
  const timed: RankedUnit[] = [];
  const untimed: RankedUnit[] = [];
  for (const u of bestPerEntry.values()) (u.age.timestamp === undefined ? untimed : timed).push(u);

  let bestTimed: RankedUnit | undefined;
  for (const u of timed) {
    if (!bestTimed || compareTimed(u, bestTimed) < 0) bestTimed = u;
  }
  const candidates = bestTimed ? [bestTimed, ...untimed] : untimed;
  // Only the first candidate's place matters to callers (the rest are a set), so the one that sorts
  // first is moved to the front in one pass: a group of 30k untimed entries is not sorted by name.
  moveFirstToFront(candidates);
  return { winner: candidates.length === 1 ? candidates[0] : undefined, candidates };
}

function moveFirstToFront(units: RankedUnit[]): void {
  let best = 0;
  for (let i = 1; i < units.length; i++) if (compareNames(units[i]!, units[best]!) < 0) best = i;
  if (best > 0) {
    const first = units[best]!;
    units.copyWithin(1, 0, best);
    units[0] = first;
  }
}

function compareTimed(a: RankedUnit, b: RankedUnit): number {
  const byTime = (a.age.timestamp ?? 0) - (b.age.timestamp ?? 0);
  return byTime !== 0 ? byTime : compareNames(a, b);
}

function compareNames(a: RankedUnit, b: RankedUnit): number {
  if (a.age.legacyTieBreak) {
    return compareStrings(`${a.unit.host}.${a.unit.entry.namespace}`, `${b.unit.host}.${b.unit.entry.namespace}`)
      || compareStrings(a.unit.entry.name, b.unit.entry.name);
  }
  return compareStrings(a.unit.host, b.unit.host)
    || compareStrings(a.unit.entry.namespace, b.unit.entry.namespace)
    || compareStrings(a.unit.entry.name, b.unit.entry.name);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
