import { lineMapBetween } from './line-map.js';

/** A contiguous run of a file's lines and what to put in their place: one GitHub suggestion. */
export interface LineChange {
  path: string;
  /** 1-based, inclusive, in the file as it is at the head commit. */
  startLine: number;
  endLine: number;
  originalLines: string[];
  replacementLines: string[];
}

/**
 * The smallest run of whole lines that turns `before` into `after`. A pure
 * insertion is widened to the line after it, because a suggestion must
 * replace at least one existing line.
 */
export function lineChange(path: string, before: string, after: string): LineChange | undefined {
  if (before === after) return undefined;
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  let start = head;
  let endA = a.length - tail; // exclusive
  let endB = b.length - tail;
  if (endA === start) {
    if (endA < a.length) {
      endA++;
      endB++;
    } else if (start > 0) {
      start--;
    }
  }
  return {
    path,
    startLine: start + 1,
    endLine: endA,
    originalLines: a.slice(start, endA),
    replacementLines: b.slice(start, endB),
  };
}

/**
 * Every separate run of changed lines between `before` and `after`, one
 * LineChange each: edits to two entries of one file stay two small
 * changes, never one block that rewrites everything between them (which no
 * reviewer could read and no one-click suggestion could hold).
 */
export function lineChanges(path: string, before: string, after: string): LineChange[] {
  if (before === after) return [];
  const toAfter = lineMapBetween(before, after);
  const a = before.split('\n');
  const b = after.split('\n');
  const changes: LineChange[] = [];
  // Walk both sides between matched lines; a gap on either side is one change.
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const matched = toAfter.get(i + 1);
    if (i < a.length && matched === j + 1) {
      i++;
      j++;
      continue;
    }
    const startA = i;
    const startB = j;
    while (i < a.length && toAfter.get(i + 1) === undefined) i++;
    j = i < a.length ? toAfter.get(i + 1)! - 1 : b.length;
    let start = startA;
    let endA = i; // exclusive
    let startR = startB;
    let endB = j;
    // A suggestion must replace at least one existing line: a pure insertion takes the line after it (or before, at the end).
    if (start === endA) {
      if (endA < a.length) {
        endA++;
        endB++;
      } else if (start > 0) {
        start--;
        startR--;
      } else continue;
    }
    changes.push({ path, startLine: start + 1, endLine: endA, originalLines: a.slice(start, endA), replacementLines: b.slice(startR, endB) });
  }
  return changes;
}
