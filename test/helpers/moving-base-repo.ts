import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { TempGitRepo } from './temp-git-repo.js';
import { REPO_ROOT } from './fixtures.js';
import { FakeGitHub } from './fake-github.js';
import { filesBetween } from './action-harness.js';
import { mergeGroupPayload, pullRequestPayload } from './webhook-payload.js';
import type { DistEvent } from './run-dist.js';

const MERGES = join(REPO_ROOT, 'test/fixtures/merges');

/** A pull request whose base branch moved on after the branch point, in a real git repository. */
export interface MovingBaseRepo {
  repo: TempGitRepo;
  branchPoint: string;
  /** The base branch's tip (main moved on to it after the branch point). */
  baseTip: string;
  head: string;
  /** GitHub's test merge commit (parents: base tip, head), or undefined when the two conflict. */
  merge: string | undefined;
  fake: FakeGitHub;
  /** The pull_request event as the runner delivers it, with or without a checkout. */
  event(options?: { checkout?: boolean; name?: 'pull_request' | 'pull_request_target' }): DistEvent;
  /** The merge_group event of a queue whose candidate commit is the merge commit. */
  mergeGroupEvent(options?: { checkout?: boolean }): DistEvent;
}

/**
 * test/fixtures/merges/<case>/{branch-point,main,head}/ as three commits
 * (deploy/*.yaml): main and the branch both start at branch-point; the
 * merge commit is what GitHub builds for refs/pull/N/merge. The fake's file
 * list and patches are the three-dot diff GitHub shows, from git itself, and
 * its contents, archives and commits are served from the same repository.
 */
export function movingBaseRepo(fixture: string): MovingBaseRepo {
  // A name is one of test/fixtures/merges; an absolute path is a folder of the same shape built by a test.
  const dir = isAbsolute(fixture) ? fixture : join(MERGES, fixture);
  const repo = new TempGitRepo('seg-merge-');
  const put = (side: string) => {
    repo.remove('deploy');
    for (const f of readdirSync(join(dir, side)).sort()) repo.write(`deploy/${f}`, readFileSync(join(dir, side, f)));
  };
  repo.write('README.md', '# gitops\n');
  put('branch-point');
  const branchPoint = repo.commit('branch point');
  repo.git('checkout', '--quiet', '-b', 'feature');
  put('head');
  const head = repo.commit('the pull request');
  repo.git('checkout', '--quiet', 'main');
  put('main');
  const baseTip = repo.commit('main moves on');
  let merge: string | undefined;
  repo.git('checkout', '--quiet', '--detach', baseTip);
  try {
    repo.git('merge', '--quiet', '--no-ff', '--no-edit', '-m', 'Merge feature into main', head);
    merge = repo.git('rev-parse', 'HEAD');
    repo.git('update-ref', 'refs/pull/7/merge', merge);
  } catch {
    repo.git('merge', '--abort');
  }
  repo.git('checkout', '--quiet', 'main');
  const fake = new FakeGitHub({ owner: 'acme', repo: 'gitops', pullNumber: 7, baseSha: baseTip, headSha: head, files: filesBetween(repo.dir, branchPoint, head), gitDir: repo.dir });
  return {
    repo, branchPoint, baseTip, head, merge, fake,
    event: ({ checkout = true, name = 'pull_request' } = {}) => {
      const payload = pullRequestPayload('synchronize', { owner: 'acme', repo: 'gitops', number: 7, baseSha: baseTip, headSha: head, changedFiles: fake.options.files.length, mergeCommitSha: merge ?? null });
      // pull_request runs on the merge ref; pull_request_target on the base branch, naming the merge only in the payload.
      const onMerge = name === 'pull_request' && merge !== undefined;
      return { name, payload, sha: onMerge ? merge! : baseTip, ref: onMerge ? 'refs/pull/7/merge' : 'refs/heads/main', repository: 'acme/gitops', workspace: checkout ? repo.dir : '' };
    },
    mergeGroupEvent: ({ checkout = true } = {}) => {
      if (!merge) throw new Error(`${fixture}: the branch conflicts with main, so no queue could merge it`);
      const headRef = `refs/heads/gh-readonly-queue/main/pr-7-${baseTip}`;
      return { name: 'merge_group', payload: mergeGroupPayload(baseTip, merge, headRef), sha: merge, ref: headRef, repository: 'acme/gitops', workspace: checkout ? repo.dir : '' };
    },
  };
}
