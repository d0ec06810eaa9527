import { CommentableLines, parseRightSideHunks } from '../../../src/core/review-comments/diff-hunks.js';

// Shaped like the `patch` field of GET /repos/{owner}/{repo}/pulls/{n}/files.
const PATCH = [
  '@@ -1,4 +1,5 @@',
  ' apiVersion: networking.istio.io/v1',
  '-kind: ServiceEntry',
  '+kind: ServiceEntry # edited',
  '+# added line',
  ' metadata:',
  '   name: a',
  '@@ -20,3 +21,3 @@ spec:',
  '   ports:',
  '-    - number: 80',
  '+    - number: 443',
  '\\ No newline at end of file',
].join('\n');

describe('RIGHT-side lines of a pull request patch', () => {
  it('counts added and context lines from the hunk header, skipping removed lines', () => {
    expect(parseRightSideHunks(PATCH).map((h) => h.lines)).toEqual([[1, 2, 3, 4, 5], [21, 22]]);
  });

  it('allows comments inside hunks and refuses lines between them', () => {
    const lines = CommentableLines.fromPatch(PATCH);
    expect(lines.has(3)).toBe(true);
    expect(lines.has(22)).toBe(true);
    expect(lines.has(6)).toBe(false);
    expect(lines.has(20)).toBe(false);
  });

  it('allows a multi-line range only within one hunk', () => {
    const lines = CommentableLines.fromPatch(PATCH);
    expect(lines.hasRange(2, 4)).toBe(true);
    expect(lines.hasRange(5, 21)).toBe(false);
    expect(lines.hasRange(4, 3)).toBe(false);
  });

  it('offers no line at all for a file without a patch (binary or too large a diff)', () => {
    expect(CommentableLines.fromPatch(undefined).size).toBe(0);
  });

  it('ignores text past the line counts its header announced', () => {
    const lines = CommentableLines.fromPatch('@@ -1 +1 @@\n-a\n+b\n+not part of the hunk');
    expect([1, 2].map((n) => lines.has(n))).toEqual([true, false]);
  });

  it('reads a new file, whose hunk starts at -0,0', () => {
    expect(parseRightSideHunks('@@ -0,0 +1,3 @@\n+a\n+b\n+c')[0]?.lines).toEqual([1, 2, 3]);
  });
});
