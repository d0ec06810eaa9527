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
