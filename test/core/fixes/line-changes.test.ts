import { lineChanges } from '../../../src/core/fixes/line-changes.js';

describe('line changes of a fix', () => {
  test('two edits far apart are two changes, each replacing only its own lines', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f'].join('\n');
    const after = ['a', 'B', 'c', 'd', 'e', 'new', 'f'].join('\n');
    expect(lineChanges('x.yaml', before, after)).toEqual([
      { path: 'x.yaml', startLine: 2, endLine: 2, originalLines: ['b'], replacementLines: ['B'] },
      // A pure insertion replaces the line after it, as a suggestion must replace at least one line.
      { path: 'x.yaml', startLine: 6, endLine: 6, originalLines: ['f'], replacementLines: ['new', 'f'] },
    ]);
  });

  test('an insertion at the very end takes the line before it', () => {
    expect(lineChanges('x.yaml', 'a\nb', 'a\nb\nc')).toEqual([{ path: 'x.yaml', startLine: 2, endLine: 2, originalLines: ['b'], replacementLines: ['b', 'c'] }]);
  });

  test('no change gives none', () => {
    expect(lineChanges('x.yaml', 'a', 'a')).toEqual([]);
  });
});
