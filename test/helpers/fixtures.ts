import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, type AnalyzeOptions } from '../../src/core/analysis/analyze.js';
import { loadSources } from '../../src/core/load/load-sources.js';
import type { AnalysisResult, Finding, SourceFile } from '../../src/core/model.js';

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
