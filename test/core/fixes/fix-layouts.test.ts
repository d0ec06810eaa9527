import { validateServiceEntryManifest } from '../../../src/core/crd/validate-manifest.js';
import type { LineChange } from '../../../src/core/fixes/line-changes.js';
import { reviewChange, type ChangedFile } from '../../../src/core/review/review-change.js';
import { reviewFixture } from '../../helpers/fixtures.js';

const fixes = { validate: validateServiceEntryManifest };

/** "Commit suggestion": lines startLine..endLine replaced by the suggestion's lines, every other byte kept. */
function applyAsGitHub(text: string, changes: readonly LineChange[]): string {
  const lines = text.split('\n');
  for (const c of [...changes].sort((a, b) => b.startLine - a.startLine)) {
    expect(lines.slice(c.startLine - 1, c.endLine)).toEqual(c.originalLines);
    lines.splice(c.startLine - 1, c.endLine - c.startLine + 1, ...c.replacementLines);
  }
  return lines.join('\n');
}

/**
 * Every layout a manifest may come in gets verified fixes, and each fix,
 * applied line by line as GitHub applies a suggestion, removes its finding,
 * adds nothing new, and keeps the file's comments and line endings.
 */
describe.each([
  ['pr-adds-two-colliding-entries-in-one-file', 2],
  ['pr-adds-entry-inside-kind-list', 1],
  ['pr-adds-entry-in-crlf-file', 1],
])('verified fixes for %s', (name, newEntries) => {
  const input = reviewFixture(name);
  const report = reviewChange({ ...input, defaultNamespace: 'default', fixes });
  const finding = report.introduced[0]!;
  const suggestions = report.suggestions[finding?.finding.id ?? ''] ?? [];

  test('the collision is introduced and has verified fixes, each change a small run of lines', () => {
    expect(report.introduced).toHaveLength(1);
    expect(finding.newEntryRefs).toHaveLength(newEntries);
    expect(suggestions.map((s) => s.kind)).toEqual(expect.arrayContaining(['tls', 'addresses']));
    for (const s of suggestions) for (const c of s.changes) expect(c.endLine - c.startLine).toBeLessThan(6);
  });

  test('each fix applied as GitHub applies it removes the collision and keeps comments and line endings', () => {
    for (const suggestion of suggestions) {
      const byPath = new Map<string, LineChange[]>();
      for (const c of suggestion.changes) byPath.set(c.path, [...(byPath.get(c.path) ?? []), c]);
      // A fix may also edit an entry the base branch already has (TLS on every member): that file becomes part of the change.
      const untouched = input.baseFiles.filter((f) => byPath.has(f.path) && !input.changes.some((c) => c.path === f.path));
      const changes: ChangedFile[] = [...input.changes, ...untouched.map((f): ChangedFile => ({ path: f.path, status: 'modified', headText: f.text }))].map((change) => {
        const own = byPath.get(change.path);
        return own && change.headText !== undefined ? { ...change, headText: applyAsGitHub(change.headText, own) } : change;
      });
      const after = reviewChange({ baseFiles: input.baseFiles, changes, defaultNamespace: 'default' });
      expect({ kind: suggestion.kind, introduced: after.introduced.map((c) => c.finding.id), diagnostics: after.diagnostics }).toEqual({ kind: suggestion.kind, introduced: [], diagnostics: [] });
      for (const change of changes) {
        const before = input.changes.find((c) => c.path === change.path)?.headText ?? input.baseFiles.find((f) => f.path === change.path)!.text;
        const text = change.headText!;
        expect(text.split('\n').filter((l) => l.trimStart().startsWith('#'))).toEqual(before.split('\n').filter((l) => l.trimStart().startsWith('#')));
        if (before.includes('\r\n')) expect(text.replace(/\r\n/g, '')).not.toContain('\n');
      }
    }
  });
});
