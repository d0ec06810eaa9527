import { changedPathsBetween, type GitChange } from '../adapters/git/changed-paths.js';
import { ensureCommit, mergeBase } from '../adapters/git/commits.js';
import type { FileRead } from '../adapters/git/file-read.js';
import { settleInOrder } from '../adapters/git/settle-in-order.js';
import type { GitReads } from '../adapters/git/snapshot.js';
import type { GitHubClient } from '../adapters/github/client.js';
import { readChangedFiles } from '../adapters/github/changed-files.js';
import { listPullRequestFiles, PULL_REQUEST_FILES_CAP, type PullRequestFile, type RepoRef } from '../adapters/github/pull-request.js';
import { readSnapshotViaTarball } from '../adapters/github/tarball-snapshot.js';
import type { Diagnostic, SourceFile } from '../core/model.js';
import type { ChangedFile } from '../core/review/review-change.js';
import { selectChanges } from '../core/review/select-changes.js';
import { CommentableLines } from '../core/review-comments/diff-hunks.js';
import { lineMapBetween, type LineMap } from '../core/fixes/line-map.js';
import { decideComparison, type Comparison } from './comparison.js';
import type { PullRequestContext } from './event.js';

export interface PullRequestSources {
  /** Which two commits are compared, and why those. */
  comparison: Comparison;
  /** Every manifest at the comparison's `before` commit, not only the changed ones. */
  baseFiles: SourceFile[];
  changes: ChangedFile[];
  /** Lines of each changed file that the pull request's diff shows (where inline comments may go), in head numbering. */
  diffs: Map<string, CommentableLines>;
  /**
   * For changed files whose merged text differs from the head's (the base
   * branch edited them too): merged line to head line, so comments land on
   * the head lines GitHub's diff shows. Files not listed read the same.
   */
  toHead: Map<string, LineMap>;
  /** Files that match the globs but were not read (symlinks, too large). */
  diagnostics: Diagnostic[];
  /** Where each part came from, for the log and the report. */
  via: { files: 'api' | 'git'; base: 'git' | 'api'; head: 'git' | 'api' };
  /** False when GitHub capped the file list and no local history could replace it. */
  complete: boolean;
}

export interface SourceDeps {
  client: GitHubClient;
  repo: RepoRef;
  pr: PullRequestContext;
  /**
   * The checkout's (GITHUB_WORKSPACE) git objects, undefined without one; never its files.
   * Shared with the config reads, so each commit is listed once.
   */
  reads: GitReads | undefined;
  select: (path: string) => boolean;
  maxBytes: number;
  log: { info(m: string): void; warning(m: string): void };
}

/**
 * Collects what the review compares: the base set, and the pull request's
 * changes with their content at head. Local git objects are preferred (no
 * API calls, no size limits); without them the base set costs one tarball
 * call, and the changed manifests one contents call each or, for a wide
 * change, one more archive.
 */
export async function gatherPullRequestSources(deps: SourceDeps): Promise<PullRequestSources> {
  const { pr, log, reads } = deps;
  const workspace = reads?.repoDir;
  const listed = await listPullRequestFiles(deps.client, { ...deps.repo, pullNumber: pr.number });
  const comparison = await decideComparison({ client: deps.client, repo: deps.repo, pr, gitDir: workspace, log });
  log.info(comparison.description);
  const gitReady = await localCommitsAvailable(deps, [comparison.before, comparison.after, pr.headSha]);
  const capped = listed.capped || (pr.changedFiles !== undefined && listed.files.length < pr.changedFiles);

  let rawChanges: GitChange[] | PullRequestFile[] = listed.files;
  let filesVia: 'api' | 'git' = 'api';
  let complete = true;
  if (gitReady && reads && comparison.kind !== 'base-tip') {
    // Exactly the files merging changes (or the branch changes), with no cap.
    rawChanges = await changedPathsBetween(reads.repoDir, comparison.before, comparison.after, reads.git);
    filesVia = 'git';
    if (capped) log.warning(`GitHub lists at most ${PULL_REQUEST_FILES_CAP} files of a pull request; this one changes more, so the changed files were taken from git instead (inline comments only on the first ${listed.files.length}).`);
  } else if (capped) {
    if (gitReady && reads) {
      const from = await mergeBase(reads.repoDir, pr.baseSha, pr.headSha, reads.git);
      if (!from) log.warning('The checkout\'s history is too shallow to find where the pull request branched off, so files changed on the base branch since then count as changes too. Use actions/checkout with fetch-depth: 0.');
      rawChanges = await changedPathsBetween(reads.repoDir, from ?? pr.baseSha, pr.headSha, reads.git);
      filesVia = 'git';
      log.warning(`GitHub lists at most ${PULL_REQUEST_FILES_CAP} files of a pull request; this one changes more, so the changed files were taken from git instead (inline comments only on the first ${listed.files.length}).`);
    } else {
      complete = false;
      log.warning(`GitHub lists at most ${PULL_REQUEST_FILES_CAP} files of a pull request and this one changes more; without the base and head commits in the checkout, files past the cap are not reviewed. Use actions/checkout with fetch-depth: 0.`);
    }
  }

  const selected = selectChanges(rawChanges, deps.select);
  const needText = selected.filter((c) => c.status !== 'removed').map((c) => c.path);
  const readAt = (commit: string, paths: readonly string[]) => gitReady && reads
    ? reads.paths(commit, paths, deps.maxBytes)
    : readChangedFiles(deps.client, deps.repo, commit, paths, deps.maxBytes);
  // From git both sides are read at once; through the API one after the other, in the order the calls were always made.
  const [afterReads, base] = gitReady && reads
    ? await settleInOrder([readAt(comparison.after, needText), reads.snapshot(comparison.before, deps.select, deps.maxBytes)])
    : [await readAt(comparison.after, needText), await readSnapshotViaTarball(deps.client, deps.repo, comparison.before, deps.select, deps.maxBytes)] as const;

  const diagnostics: Diagnostic[] = [];
  const changes = selected.map((change): ChangedFile => withHeadText(change, afterReads.get(change.path), diagnostics));
  // A base file the change leaves alone is unreadable at head too; one the change touches was re-read above.
  const touched = new Set(changes.flatMap((c) => [c.path, ...(c.previousPath ? [c.previousPath] : [])]));
  diagnostics.unshift(...base.diagnostics.filter((d) => !touched.has(d.location.path)));

  const diffs = new Map<string, CommentableLines>();
  for (const file of listed.files) if (deps.select(file.path)) diffs.set(file.path, CommentableLines.fromPatch(file.patch));
  const toHead = comparison.after === pr.headSha ? new Map<string, LineMap>() : await headLineMaps(listed.files, afterReads, (paths) => readAt(pr.headSha, paths));

  return { comparison, baseFiles: base.files, changes, diffs, toHead, diagnostics, via: { files: filesVia, base: gitReady ? 'git' : 'api', head: gitReady ? 'git' : 'api' }, complete };
}

/** Line maps for the commented files whose merged text is not the head's; a blob id that matches spares the read. */
async function headLineMaps(listed: readonly PullRequestFile[], merged: ReadonlyMap<string, FileRead>, readHead: (paths: readonly string[]) => Promise<Map<string, FileRead>>): Promise<Map<string, LineMap>> {
  const differing = listed.filter((f) => {
    const read = merged.get(f.path);
    return read?.kind === 'text' && !(f.sha && read.oid === f.sha);
  });
  const heads = await readHead(differing.map((f) => f.path));
  const maps = new Map<string, LineMap>();
  for (const file of differing) {
    const mergedRead = merged.get(file.path);
    const headRead = heads.get(file.path);
    if (mergedRead?.kind !== 'text') continue;
    if (headRead?.kind === 'text' && headRead.text === mergedRead.text) continue;
    maps.set(file.path, headRead?.kind === 'text' ? lineMapBetween(mergedRead.text, headRead.text) : new Map());
  }
  return maps;
}

async function localCommitsAvailable(deps: SourceDeps, commits: readonly string[]): Promise<boolean> {
  const { reads } = deps;
  if (!reads) {
    deps.log.info('No checkout (GITHUB_WORKSPACE is empty); reading manifests through the GitHub API instead.');
    return false;
  }
  const note = (m: string) => deps.log.info(m);
  let ok = true;
  for (const sha of new Set(commits)) ok = ok && (await ensureCommit(reads.repoDir, sha, note, reads.git));
  deps.log.info(ok
    ? 'Reading manifests from the checkout\'s git objects (the compared commits are present).'
    : 'The checkout does not have the compared commits; reading manifests through the GitHub API instead.');
  return ok;
}

function withHeadText(change: Omit<ChangedFile, 'headText'>, read: FileRead | undefined, diagnostics: Diagnostic[]): ChangedFile {
  if (change.status === 'removed') return change;
  if (read?.kind === 'text') return { ...change, headText: read.text };
  if (read?.kind === 'skipped') diagnostics.push(read.diagnostic);
  // Unreadable or gone at head: out of the head set, like a removal (a rename still drops its old path).
  return { ...change };
}
