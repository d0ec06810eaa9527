import type { Diagnostic, SourceFile } from '../../core/model.js';
import { blobSizes, blobTexts } from './blob-reads.js';
import { symlinkSkipped, tooLarge, type FileRead, type SnapshotRead } from './file-read.js';
import type { Git } from './run-git.js';
import { listTree, MODE_SYMLINK, type TreeEntry } from './tree.js';

/**
 * Reads of one repository's commits from git objects. Each commit's tree is
 * listed once (one `git ls-tree`) however many reads of it follow: a change
 * reads its head for the changed files and again for the config file, and
 * at 100k files a listing is a large part of a read.
 */
export interface GitReads {
  readonly repoDir: string;
  /** Who starts git, for the other commands a run issues against the same repository. */
  readonly git: Git | undefined;
  /** Every file of a commit that the globs select. */
  snapshot(commit: string, select: (path: string) => boolean, maxBytes: number): Promise<SnapshotRead>;
  /** Named paths of a commit; paths it has no file at read as absent. */
  paths(commit: string, paths: readonly string[], maxBytes: number): Promise<Map<string, FileRead>>;
  /** Drops the listings kept so far (tens of MB at 100k files) once a run has read all it needs; a later read lists again. */
  forget(): void;
}

export function gitReads(repoDir: string, git?: Git): GitReads {
  const listings = new Map<string, Promise<TreeEntry[]>>();
  const listing = (commit: string): Promise<TreeEntry[]> => {
    let listed = listings.get(commit);
    if (!listed) {
      listed = listTree(repoDir, commit, git);
      listings.set(commit, listed);
    }
    return listed;
  };
  return {
    repoDir,
    git,
    async snapshot(commit, select, maxBytes) {
      const tree = (await listing(commit)).filter((e) => e.type === 'blob' && select(e.path));
      const reads = await readEntries(repoDir, git, tree, maxBytes);
      const files: SourceFile[] = [];
      const diagnostics: Diagnostic[] = [];
      for (const [path, read] of reads) {
        if (read.kind === 'text') files.push({ path, text: read.text });
        else if (read.kind === 'skipped') diagnostics.push(read.diagnostic);
      }
      return { files, diagnostics };
    },
    async paths(commit, paths, maxBytes) {
      const wanted = new Set(paths);
      const tree = (await listing(commit)).filter((e) => wanted.has(e.path));
      const reads = await readEntries(repoDir, git, tree, maxBytes);
      for (const path of paths) if (!reads.has(path)) reads.set(path, { kind: 'absent' });
      return reads;
    },
    forget() {
      listings.clear();
    },
  };
}

/**
 * Every file of a commit that the globs select, read from git objects: one
 * ls-tree and two cat-file runs (sizes, then contents), however big the
 * repository, and no API call.
 */
export function readSnapshot(repoDir: string, commit: string, select: (path: string) => boolean, maxBytes: number): Promise<SnapshotRead> {
  return gitReads(repoDir).snapshot(commit, select, maxBytes);
}

/** Named paths of a commit (the pull request's changed files at head). */
export function readPaths(repoDir: string, commit: string, paths: readonly string[], maxBytes: number): Promise<Map<string, FileRead>> {
  return gitReads(repoDir).paths(commit, paths, maxBytes);
}

/**
 * Symlinks and files over the limit are reported, never read; the rest are
 * read in one pass. Results keep the tree's order, those not read first, as
 * reports list them.
 */
async function readEntries(repoDir: string, git: Git | undefined, entries: readonly TreeEntry[], maxBytes: number): Promise<Map<string, FileRead>> {
  const blobs = entries.filter((e) => e.type === 'blob' && e.mode !== MODE_SYMLINK);
  const sizes = await blobSizes(repoDir, blobs.map((e) => e.oid), git);
  const reads = new Map<string, FileRead>();
  const toRead: TreeEntry[] = [];
  for (const entry of entries) {
    const size = sizes.get(entry.oid);
    if (entry.type !== 'blob') reads.set(entry.path, { kind: 'absent' });
    else if (entry.mode === MODE_SYMLINK) reads.set(entry.path, { kind: 'skipped', diagnostic: symlinkSkipped(entry.path) });
    // A blob git cannot find has no size; cat-file reports it missing again below, and it reads as absent.
    else if (size !== undefined && size > maxBytes) reads.set(entry.path, { kind: 'skipped', diagnostic: tooLarge(entry.path, size, maxBytes) });
    else toRead.push(entry);
  }
  const texts = await blobTexts(repoDir, toRead.map((e) => e.oid), git);
  for (const entry of toRead) {
    const text = texts.get(entry.oid);
    reads.set(entry.path, text !== undefined ? { kind: 'text', text, oid: entry.oid } : { kind: 'absent' });
  }
  return reads;
}
