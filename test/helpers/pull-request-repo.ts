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
 * A pull-request repository for the file's tests and a fresh fake GitHub for
 * every test, with the network closed to all but the fake. The action only
 * reads the repository, so it is built once per file (a dozen git processes
 * each time); every test's state (comments, reviews, faults, requests) lives
 * in its own fake. The returned object always reads the current test's.
 */
export function usePullRequestRepo(fixture: string): PullRequestRepo {
  let built: PullRequestRepo | undefined;
  let current: PullRequestRepo | undefined;
  beforeAll(() => {
    built = pullRequestRepo(fixture);
  });
  beforeEach(() => {
    nock.disableNetConnect();
    current = { ...built!, fake: new FakeGitHub(structuredClone(built!.fake.options)) };
    bindNock(current.fake);
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });
  afterAll(() => {
    built?.repo.dispose();
  });
  return new Proxy({} as PullRequestRepo, { get: (_target, key) => current?.[key as keyof PullRequestRepo] });
}
