import { gitOk } from './run-git.js';

/** One path of a commit's tree, as `git ls-tree -r --long` lists it. */
export interface TreeEntry {
  path: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  oid: string;
  /** Blob size in bytes; undefined for submodules. */
  size: number | undefined;
}

export const MODE_SYMLINK = '120000';

/** Every path in the commit's tree, read from git objects alone (no work tree, no filters, no hooks). */
export async function listTree(repoDir: string, commit: string): Promise<TreeEntry[]> {
  const out = await gitOk(repoDir, ['ls-tree', '-r', '-z', '--long', '--full-tree', commit]);
  return parseLsTree(out.toString('utf8'));
}

/** `<mode> <type> <oid> <size>\t<path>\0`, with -z so paths are never quoted. */
export function parseLsTree(text: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of text.split('\0')) {
    if (!record) continue;
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, oid, size] = record.slice(0, tab).split(/ +/);
    if (!mode || !oid || (type !== 'blob' && type !== 'tree' && type !== 'commit')) continue;
    entries.push({ path: record.slice(tab + 1), mode, type, oid, size: size === undefined || size === '-' ? undefined : Number(size) });
  }
  return entries;
}

/**
 * The contents of many blobs through one `git cat-file --batch`, in the
 * order asked. Callers ask only for blobs under their size limit, so the
 * output stays bounded.
 */
export async function readBlobs(repoDir: string, oids: readonly string[]): Promise<Map<string, Buffer>> {
  const contents = new Map<string, Buffer>();
  if (oids.length === 0) return contents;
  const out = await gitOk(repoDir, ['cat-file', '--batch'], { input: `${oids.join('\n')}\n` });
  let offset = 0;
  while (offset < out.length) {
    const newline = out.indexOf(0x0a, offset);
    if (newline < 0) break;
    const header = out.subarray(offset, newline).toString('utf8');
    const [oid, type, size] = header.split(' ');
    if (type === 'missing' || !oid || size === undefined) {
      offset = newline + 1;
      continue;
    }
    const start = newline + 1;
    const end = start + Number(size);
    contents.set(oid, out.subarray(start, end));
    offset = end + 1; // each object is followed by a newline
  }
  return contents;
}
