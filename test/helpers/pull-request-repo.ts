import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TempGitRepo } from './temp-git-repo.js';
import { REPO_ROOT } from './fixtures.js';
import { FakeGitHub, type FakeGitHubOptions } from './fake-github.js';
import nock from 'nock';
import { bindNock, filesBetween } from './action-harness.js';

const REVIEWS = join(REPO_ROOT, 'test/fixtures/reviews');

export interface PullRequestRepo {
  repo: TempGitRepo;
  base: string;
  head: string;
  fake: FakeGitHub;
}

/**
 * A git repository whose two commits are a review fixture's base/ and head/
 * (as deploy/*.yaml), and a fake GitHub whose pull request goes from one to
 * the other, with the patches git itself produces.
 */
export function pullRequestRepo(fixture: string, options: Partial<FakeGitHubOptions> = {}): PullRequestRepo {
  const repo = new TempGitRepo();
  // A bare name is one of the core's review fixtures; test/fixtures/github/<name> holds the action's own.
  const dir = existsSync(join(REVIEWS, fixture)) ? join(REVIEWS, fixture) : join(REPO_ROOT, 'test/fixtures/github', fixture);
  const side = (name: 'base' | 'head') => readdirSync(join(dir, name)).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => [`deploy/${f}`, readFileSync(join(dir, name, f), 'utf8')] as const);
  repo.write('README.md', '# gitops\n');
  for (const [path, text] of side('base')) repo.write(path, text);
  const base = repo.commit('base');
  repo.remove('deploy');
  for (const [path, text] of side('head')) repo.write(path, text);
  const head = repo.commit('head');
  const fake = new FakeGitHub({ owner: 'acme', repo: 'gitops', pullNumber: 7, baseSha: base, headSha: head, files: filesBetween(repo.dir, base, head), ...options });
  return { repo, base, head, fake };
}

/**
 * A fresh pull-request repository and fake GitHub for every test of the
 * file, with the network closed to all but the fake. The returned object
 * always reads the current test's repository.
 */
export function usePullRequestRepo(fixture: string): PullRequestRepo {
  let current: PullRequestRepo | undefined;
  beforeEach(() => {
    nock.disableNetConnect();
    current = pullRequestRepo(fixture);
    bindNock(current.fake);
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
    current?.repo.dispose();
  });
  return new Proxy({} as PullRequestRepo, { get: (_target, key) => current?.[key as keyof PullRequestRepo] });
}
