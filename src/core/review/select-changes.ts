import type { ChangedFile } from './apply-changes.js';

/** A changed path as GitHub's files endpoint or `git diff-tree --name-status` reports it. */
export interface RawChange {
  path: string;
  status: string;
  previousPath?: string;
}

/**
 * GitHub's statuses mapped onto the review's four, with the globs applied to
 * both sides of a rename: a manifest renamed out of scope is removed from
 * the head set, one renamed into scope is added.
 */
export function selectChanges(raw: readonly RawChange[], select: (path: string) => boolean): Array<Omit<ChangedFile, 'headText'>> {
  const out: Array<Omit<ChangedFile, 'headText'>> = [];
  for (const change of raw) {
    const inScope = select(change.path);
    const previousInScope = change.previousPath !== undefined && select(change.previousPath);
    switch (change.status) {
      case 'added':
      case 'copied':
        if (inScope) out.push({ path: change.path, status: 'added' });
        break;
      case 'removed':
        if (inScope) out.push({ path: change.path, status: 'removed' });
        break;
      case 'renamed':
        if (inScope && previousInScope) out.push({ path: change.path, status: 'renamed', previousPath: change.previousPath! });
        else if (inScope) out.push({ path: change.path, status: 'added' });
        else if (previousInScope) out.push({ path: change.previousPath!, status: 'removed' });
        break;
      case 'modified':
      case 'changed':
        if (inScope) out.push({ path: change.path, status: 'modified' });
        break;
      default:
        break; // 'unchanged'
    }
  }
  return out;
}

