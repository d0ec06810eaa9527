import type { SourceFile } from '../model.js';

/** A file the change under review touches, with its content at the head commit. */
export interface ChangedFile {
  path: string;
  status: 'added' | 'modified' | 'removed' | 'renamed';
  /** The path before a rename. */
  previousPath?: string;
  /** Content at head; undefined for a removed file. */
  headText?: string;
}

/** The head set: the base branch's full file set with the change's files added, replaced, renamed or removed. */
export function applyChanges(baseFiles: readonly SourceFile[], changes: readonly ChangedFile[]): SourceFile[] {
  const byPath = new Map<string, string>();
  for (const f of baseFiles) byPath.set(f.path, f.text);
  for (const change of changes) {
    if (change.status === 'renamed' && change.previousPath !== undefined) byPath.delete(change.previousPath);
    if (change.status === 'removed' || change.headText === undefined) byPath.delete(change.path);
    else byPath.set(change.path, change.headText);
  }
  return [...byPath].map(([path, text]) => ({ path, text }));
}
