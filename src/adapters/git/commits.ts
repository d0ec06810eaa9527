import { runGit, type Git } from './run-git.js';

export type CommitLog = (message: string) => void;

/** Whether the repository at `repoDir` is a git repository that holds this commit. */
export async function hasCommit(repoDir: string, sha: string, git?: Git): Promise<boolean> {
  if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i.test(sha)) return false;
  const result = await runGit(repoDir, ['cat-file', '-e', `${sha}^{commit}`], { git }).catch(() => undefined);
  return result?.code === 0;
}

/**
 * Makes the commit available locally: actions/checkout fetches only the
 * merge commit by default, so base and head may be missing. One shallow
 * fetch of exactly that commit is cheap and uses the credentials checkout
 * left behind; without a remote, the caller falls back to the API.
 */
export async function ensureCommit(repoDir: string, sha: string, log: CommitLog, git?: Git): Promise<boolean> {
  if (await hasCommit(repoDir, sha, git)) return true;
  if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i.test(sha)) return false;
  const remote = await runGit(repoDir, ['remote', 'get-url', 'origin'], { git }).catch(() => undefined);
  if (remote?.code !== 0) return false;
  const fetched = await runGit(repoDir, ['fetch', '--quiet', '--no-tags', '--no-recurse-submodules', '--depth=1', 'origin', sha], { git }).catch(() => undefined);
  if (fetched?.code !== 0) {
    log(`git fetch of ${sha} failed: ${fetched?.stderr.split('\n')[0] ?? 'git did not run'}`);
    return false;
  }
  return hasCommit(repoDir, sha, git);
}

/** The commit both sides share, when the history to find it is present (not in a shallow clone). */
export async function mergeBase(repoDir: string, a: string, b: string, git?: Git): Promise<string | undefined> {
  const result = await runGit(repoDir, ['merge-base', a, b], { git }).catch(() => undefined);
  const sha = result?.code === 0 ? result.stdout.toString('utf8').trim() : '';
  return sha || undefined;
}

/**
 * A commit's parents as its object records them. Read from the raw object,
 * not with rev-parse, because a shallow clone grafts its boundary commits
 * to have no parents, and checkout's merge commit is exactly such a commit.
 */
export async function commitParents(repoDir: string, sha: string): Promise<string[] | undefined> {
  if (!(await hasCommit(repoDir, sha))) return undefined;
  const result = await runGit(repoDir, ['cat-file', 'commit', sha]).catch(() => undefined);
  if (result?.code !== 0) return undefined;
  const header = result.stdout.toString('utf8').split('\n\n')[0] ?? '';
  return header.split('\n').filter((l) => l.startsWith('parent ')).map((l) => l.slice('parent '.length).trim());
}

/**
 * The tree that merging `head` into `base` gives, as `git merge-tree
 * --write-tree` computes it (git 2.38+) without touching any work tree;
 * undefined on conflicts, a missing merge base, or an older git.
 */
export async function mergeTree(repoDir: string, base: string, head: string, git?: Git): Promise<string | undefined> {
  const result = await runGit(repoDir, ['merge-tree', '--write-tree', '--no-messages', base, head], { git }).catch(() => undefined);
  if (result?.code !== 0) return undefined;
  const tree = result.stdout.toString('utf8').split('\n')[0]?.trim() ?? '';
  return /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(tree) ? tree : undefined;
}
