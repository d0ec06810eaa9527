import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, type AnalyzeOptions } from '../../src/core/analysis/analyze.js';
import { loadSources } from '../../src/core/load/load-sources.js';
import type { AnalysisResult, Finding, SourceFile } from '../../src/core/model.js';
import type { ChangedFile } from '../../src/core/review/apply-changes.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CASES_DIR = join(REPO_ROOT, 'test/fixtures/cases');

/** The YAML files of one fixture case, with repository-relative paths. */
export function caseFiles(name: string): SourceFile[] {
  const dir = join(CASES_DIR, name);
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({ path: `test/fixtures/cases/${name}/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
}

/**
 * Every fixture manifest: collision cases, loader edge cases and hostile files (YAML errors, prototype keys,
 * aliases), with repository-relative paths, in a stable order.
 */
export function everyFixtureManifest(): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(name)) files.push({ path: relative(REPO_ROOT, path), text: readFileSync(path, 'utf8') });
    }
  };
  for (const folder of ['cases', 'loader', 'hostile']) walk(join(REPO_ROOT, 'test/fixtures', folder));
  return files;
}

export function analyzeCase(name: string, options: AnalyzeOptions = {}): AnalysisResult {
  return analyze(loadSources(caseFiles(name), { defaultNamespace: 'default' }), options);
}

/** A compact, order-free view of a finding for assertions. */
export function roles(finding: Finding): Record<string, string> {
  return Object.fromEntries(finding.entries.map((e) => [e.ref, e.role]));
}

export function only<T>(items: readonly T[]): T {
  expect(items).toHaveLength(1);
  return items[0]!;
}

/**
 * A review fixture: `base/` is the base branch, `head/` the branch after the
 * pull request; changes are derived by comparing the two, as GitHub lists them.
 */
export function reviewFixture(name: string): { baseFiles: SourceFile[]; changes: ChangedFile[] } {
  const read = (side: 'base' | 'head') => {
    const dir = join(REPO_ROOT, 'test/fixtures/reviews', name, side);
    return new Map(readdirSync(dir).sort().map((f) => [`deploy/${f}`, readFileSync(join(dir, f), 'utf8')] as const));
  };
  const base = read('base');
  const head = read('head');
  const changes: ChangedFile[] = [];
  for (const [path, text] of head) {
    if (!base.has(path)) changes.push({ path, status: 'added', headText: text });
    else if (base.get(path) !== text) changes.push({ path, status: 'modified', headText: text });
  }
  for (const path of base.keys()) if (!head.has(path)) changes.push({ path, status: 'removed' });
  return { baseFiles: [...base].map(([path, text]) => ({ path, text })), changes };
}
