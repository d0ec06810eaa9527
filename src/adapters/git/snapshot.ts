import type { Diagnostic, SourceFile } from '../../core/model.js';
import { decodeText, symlinkSkipped, tooLarge, type FileRead, type SnapshotRead } from './file-read.js';
import { listTree, MODE_SYMLINK, readBlobs, type TreeEntry } from './tree.js';

/**
 * Every file of a commit that the globs select, read from git objects: the
 * full base set costs one ls-tree and one cat-file, however big the
 * repository, and no API call.
 */
export async function readSnapshot(repoDir: string, commit: string, select: (path: string) => boolean, maxBytes: number): Promise<SnapshotRead> {
  const tree = (await listTree(repoDir, commit)).filter((e) => e.type === 'blob' && select(e.path));
  const reads = await readEntries(repoDir, tree, maxBytes);
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [path, read] of reads) {
    if (read.kind === 'text') files.push({ path, text: read.text });
    else if (read.kind === 'skipped') diagnostics.push(read.diagnostic);
  }
  return { files, diagnostics };
}

/** Named paths of a commit (the pull request's changed files at head). */
export async function readPaths(repoDir: string, commit: string, paths: readonly string[], maxBytes: number): Promise<Map<string, FileRead>> {
  const wanted = new Set(paths);
  const tree = (await listTree(repoDir, commit)).filter((e) => wanted.has(e.path));
  const reads = await readEntries(repoDir, tree, maxBytes);
  for (const path of paths) if (!reads.has(path)) reads.set(path, { kind: 'absent' });
  return reads;
}

async function readEntries(repoDir: string, entries: readonly TreeEntry[], maxBytes: number): Promise<Map<string, FileRead>> {
  const reads = new Map<string, FileRead>();
  const toRead: TreeEntry[] = [];
  for (const entry of entries) {
    if (entry.type !== 'blob') reads.set(entry.path, { kind: 'absent' });
    else if (entry.mode === MODE_SYMLINK) reads.set(entry.path, { kind: 'skipped', diagnostic: symlinkSkipped(entry.path) });
    else if ((entry.size ?? 0) > maxBytes) reads.set(entry.path, { kind: 'skipped', diagnostic: tooLarge(entry.path, entry.size ?? 0, maxBytes) });
    else toRead.push(entry);
  }
  const blobs = await readBlobs(repoDir, [...new Set(toRead.map((e) => e.oid))]);
  for (const entry of toRead) {
    const bytes = blobs.get(entry.oid);
    reads.set(entry.path, bytes ? { kind: 'text', text: decodeText(bytes), oid: entry.oid } : { kind: 'absent' });
  }
  return reads;
}
