/**
 * Pairs the lines of two versions of a file with a line diff (a longest
 * common subsequence inside the common prefix and suffix), so a position in
 * one version can be found in the other. Used where a fix's lines must land
 * in another version of the file than the one it was computed on, and where
 * review comments move from a merge result to the pull request's head.
 */
export type LineMap = ReadonlyMap<number, number>;

/** Middles larger than this many line pairs are not diffed: only the common prefix and suffix map. */
const MAX_DIFF_CELLS = 4_000_000;

/** 1-based lines of `from` mapped to the 1-based line of `to` with the same text that a longest common subsequence pairs them with. */
export function lineMapBetween(from: string, to: string): LineMap {
  const a = from.split('\n');
  const b = to.split('\n');
  const map = new Map<number, number>();
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) {
    map.set(head + 1, head + 1);
    head++;
  }
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) {
    map.set(a.length - tail, b.length - tail);
    tail++;
  }
  const n = a.length - head - tail;
  const m = b.length - head - tail;
  if (n === 0 || m === 0 || n * m > MAX_DIFF_CELLS) return map;
  // Classic LCS table over the differing middle, walked forwards to pair equal lines.
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] = a[head + i] === b[head + j]
        ? table[(i + 1) * width + j + 1]! + 1
        : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[head + i] === b[head + j]) {
      map.set(head + i + 1, head + j + 1);
      i++;
      j++;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i++;
    else j++;
  }
  return map;
}
