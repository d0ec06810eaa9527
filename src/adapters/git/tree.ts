import { gitOk, type Git } from './run-git.js';

/** One path of a commit's tree, as `git ls-tree -r` lists it. */
export interface TreeEntry {
  path: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  oid: string;
}

export const MODE_SYMLINK = '120000';

/**
 * Every path in the commit's tree, read from git objects alone (no work
 * tree, no filters, no hooks). Without `--long`: that makes git look up the
 * size of every blob in the tree, most of which are never read; the sizes
 * of the files a reader selects come from `blobSizes`.
 */
export async function listTree(repoDir: string, commit: string, git?: Git): Promise<TreeEntry[]> {
  // Object ids only, so the name can never be read as an option; --end-of-options would need git 2.24, newer than some self-hosted runners'.
  if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i.test(commit)) throw new Error(`git ls-tree: ${JSON.stringify(commit)} is not an object id`);
  const out = await gitOk(repoDir, ['ls-tree', '-r', '-z', '--full-tree', commit], { git });
  return parseLsTree(out.toString('utf8'));
}

/** `<mode> <type> <oid>\t<path>\0` (a size column before the tab, from `--long`, is ignored), with -z so paths are never quoted. */
export function parseLsTree(text: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of text.split('\0')) {
    if (!record) continue;
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, oid] = record.slice(0, tab).split(/ +/);
    if (!mode || !oid || (type !== 'blob' && type !== 'tree' && type !== 'commit')) continue;
    entries.push({ path: record.slice(tab + 1), mode, type, oid });
  }
  return entries;
}
