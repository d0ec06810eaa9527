import { CommentableLines } from '../../../src/core/review-comments/diff-hunks.js';
import { lineMapBetween } from '../../../src/core/fixes/line-map.js';
import { MergedFileLines } from '../../../src/core/review-comments/head-lines.js';

describe('mapping merged lines to head lines', () => {
  const head = ['a', 'b', 'c', 'd'].join('\n');
  // main inserted two lines at the top and changed the last one.
  const merged = ['x', 'y', 'a', 'b', 'c', 'z'].join('\n');

  test('lines both versions share map across; lines only main has do not', () => {
    const map = lineMapBetween(merged, head);
    expect([...map].sort((p, q) => p[0] - q[0])).toEqual([[3, 1], [4, 2], [5, 3]]);
  });

  test('a comment may sit only on a merged line whose head line the diff shows, and a range only where it maps onto consecutive head lines', () => {
    const diff = CommentableLines.fromPatch('@@ -1,0 +1,4 @@\n+a\n+b\n+c\n+d');
    const lines = new MergedFileLines(diff, lineMapBetween(merged, head));
    expect([1, 2, 3, 4, 5, 6].map((l) => lines.has(l))).toEqual([false, false, true, true, true, false]);
    expect(lines.hasRange(3, 5)).toBe(true);
    expect(lines.hasRange(2, 4)).toBe(false);
    expect(lines.headLine(4)).toBe(2);
  });
});
