import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The core's rooms stand one above the other: a module may import only from
 * its own room or a lower one, and the core imports no I/O adapter, no
 * GitHub client and nothing from the CLI or the action. A cycle between two
 * rooms (as fixes ↔ review once was) fails here before it can grow.
 */
const LAYERS = ['rules', 'crd', 'load', 'suppressions', 'repository', 'analysis', 'classify', 'baseline', 'outcome', 'fixes', 'review', 'render', 'review-comments'] as const;
const BASE_MODULES = new Set(['model.ts', 'protocol.ts', 'paths.ts', 'version.ts']);
const FORBIDDEN_PACKAGES = [/^@actions\//, /^@octokit\//, /^node:(fs|child_process|net|http|https|worker_threads)/];

const CORE = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'core');

function rankOf(file: string): number {
  const rel = relative(CORE, file);
  const room = rel.split('/')[0] ?? '';
  if (BASE_MODULES.has(room)) return -1;
  const rank = LAYERS.indexOf(room as (typeof LAYERS)[number]);
  if (rank < 0) throw new Error(`${rel}: src/core/${room} is in no layer; add it to LAYERS in this test and to the README's Development section`);
  return rank;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1] ?? '');
}

describe('core layers', () => {
  const files = sources(CORE);

  test('every core module imports only from its own layer or a lower one', () => {
    const upward: string[] = [];
    for (const file of files) {
      const own = rankOf(file);
      for (const spec of imports(file)) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
        if (!target.startsWith(CORE)) {
          upward.push(`${relative(CORE, file)} imports ${spec}, outside the core`);
          continue;
        }
        if (rankOf(target) > own) upward.push(`${relative(CORE, file)} (${LAYERS[own] ?? 'base'}) imports ${relative(CORE, target)} (${LAYERS[rankOf(target)]})`);
      }
    }
    expect(upward).toEqual([]);
  });

  test('the core does no I/O and knows nothing of GitHub', () => {
    const offending = files.flatMap((file) => imports(file).filter((spec) => FORBIDDEN_PACKAGES.some((p) => p.test(spec))).map((spec) => `${relative(CORE, file)} imports ${spec}`));
    expect(offending).toEqual([]);
  });

  test('the check sees a real upward import', () => {
    // Guard against a scanner that matches nothing: review-change does import fixes, a lower layer.
    const review = files.find((f) => f.endsWith('review/review-change.ts'));
    expect(review && imports(review).some((s) => s.includes('../fixes/'))).toBe(true);
  });
});
