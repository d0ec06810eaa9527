import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFile } from '../../src/core/model.js';
import { REPO_ROOT } from './fixtures.js';

export const REPOSITORIES_DIR = join(REPO_ROOT, 'test/fixtures/repositories');

/** Every YAML file of a fixture repository, with paths relative to that repository's root. */
export function repositoryFiles(name: string): SourceFile[] {
  const root = join(REPOSITORIES_DIR, name);
  const out: SourceFile[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${entry}/`);
      else if (/\.ya?ml$/.test(entry)) out.push({ path: `${prefix}${entry}`, text: readFileSync(path, 'utf8') });
    }
  };
  walk(root, '');
  return out;
}
