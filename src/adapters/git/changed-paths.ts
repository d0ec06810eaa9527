import { gitOk, type Git } from './run-git.js';

export interface GitChange {
  path: string;
  status: 'added' | 'modified' | 'removed' | 'renamed' | 'copied';
  previousPath?: string;
}

/**
 * The files a pull request changes, from git instead of the API: used when
 * GitHub's files endpoint stops at 3000 files. Diffing from the merge base
 * gives the same three-dot comparison GitHub shows.
 */
export async function changedPathsBetween(repoDir: string, from: string, to: string, git?: Git): Promise<GitChange[]> {
  const out = await gitOk(repoDir, ['diff-tree', '-r', '-z', '-M', '--no-commit-id', '--name-status', '--no-ext-diff', '--no-textconv', from, to], { git });
  return parseNameStatus(out.toString('utf8'));
}

/** `-z --name-status`: a status field, then one path (two for renames and copies), each NUL-terminated. */
export function parseNameStatus(text: string): GitChange[] {
  const fields = text.split('\0');
  const changes: GitChange[] = [];
  for (let i = 0; i < fields.length; ) {
    const status = fields[i++] ?? '';
    if (!status) continue;
    const kind = status[0];
    if (kind === 'R' || kind === 'C') {
      const previousPath = fields[i++] ?? '';
      const path = fields[i++] ?? '';
      changes.push({ path, previousPath, status: kind === 'R' ? 'renamed' : 'copied' });
    } else {
      const path = fields[i++] ?? '';
      changes.push({ path, status: kind === 'A' ? 'added' : kind === 'D' ? 'removed' : 'modified' });
    }
  }
  return changes;
}
