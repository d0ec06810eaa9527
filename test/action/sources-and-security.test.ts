import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { bindNock, runAction, TOKEN } from '../helpers/action-harness.js';
import { pullRequestRepo, type PullRequestRepo } from '../helpers/pull-request-repo.js';

let pr: PullRequestRepo;
beforeEach(() => {
  nock.disableNetConnect();
  pr = pullRequestRepo('pr-adds-second-tcp-443-entry');
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
  pr.repo.dispose();
});

/** What GitHub's tarball endpoint serves: git archive, gzipped, under one owner-repo-sha/ folder. */
function tarballOf(repoDir: string, sha: string): Buffer {
  return execFileSync('git', ['archive', '--format=tar.gz', `--prefix=acme-gitops-${sha.slice(0, 7)}/`, sha], { cwd: repoDir, maxBuffer: 64 * 1024 * 1024 });
}

describe('without the commits in a checkout', () => {
  it('reads the base set with one archive call and each changed manifest with one contents call', async () => {
    const headText = readFileSync(join(pr.repo.dir, 'deploy/github.yaml'), 'utf8');
    pr.fake.options.tarballs = { [pr.base]: tarballOf(pr.repo.dir, pr.base) };
    pr.fake.options.contents = { [pr.head]: { 'deploy/github.yaml': headText, 'deploy/huaweicloud.yaml': readFileSync(join(pr.repo.dir, 'deploy/huaweicloud.yaml'), 'utf8') } };
    bindNock(pr.fake);
    const { result, io } = await runAction({ fake: pr.fake });
    expect(result.exitCode).toBe(1);
    expect(io.outputs['introduced']).toBe('1');
    expect(pr.fake.requests.filter((r) => r.path.includes('/tarball/')).length).toBe(1);
    const changedManifests = pr.fake.options.files.filter((f) => f.status !== 'removed').length;
    expect(pr.fake.requests.filter((r) => r.path.includes('/contents/')).length).toBe(changedManifests);
    expect(io.logs).toContainEqual(expect.stringContaining('reading manifests through the GitHub API'));
  });
});

describe('the 3000-file cap of the files endpoint', () => {
  it('warns and takes the changed files from git when the endpoint stops at 3000', async () => {
    bindNock(pr.fake);
    // 3000 other files fill the list (30 pages of 100); the manifest change is past the cap, as GitHub would leave it.
    pr.fake.options.files = Array.from({ length: 3000 }, (_, i) => ({ filename: `docs/page-${i}.md`, status: 'added' as const, patch: '@@ -0,0 +1 @@\n+x' }));
    const { io } = await runAction({ fake: pr.fake, workspace: pr.repo.dir, inputs: { mode: 'check' } });
    expect(pr.fake.requests.filter((r) => r.path.endsWith('/pulls/7/files')).length).toBe(30);
    expect(io.logs).toContainEqual(expect.stringContaining('GitHub lists at most 3000 files'));
    expect(io.outputs['introduced']).toBe('1');
  });

  it('says the review is partial when there is no git history to fall back on', async () => {
    bindNock(pr.fake);
    pr.fake.options.files = Array.from({ length: 3000 }, (_, i) => ({ filename: `docs/page-${i}.md`, status: 'added' as const }));
    pr.fake.options.tarballs = { [pr.base]: tarballOf(pr.repo.dir, pr.base) };
    const { io } = await runAction({ fake: pr.fake, inputs: { mode: 'check' } });
    expect(io.logs).toContainEqual(expect.stringContaining('files past the cap are not reviewed'));
    expect(JSON.parse(readFileSync(io.outputs['report-json']!, 'utf8')).context.complete).toBe(false);
  });
});

describe('GitHub Enterprise Server', () => {
  it('sends every request to GITHUB_API_URL with its /api/v3 prefix', async () => {
    const ghes = 'https://ghes.example.com/api/v3';
    pr.fake.options.prefix = '/api/v3';
    bindNock(pr.fake, ghes);
    const { result } = await runAction({ fake: pr.fake, workspace: pr.repo.dir, apiUrl: ghes });
    expect(result.published).toMatchObject({ status: 'posted' });
    expect(pr.fake.requests.every((r) => r.path.startsWith('/api/v3/') || r.path === '/api/graphql')).toBe(true);
  });
});

describe('the token', () => {
  it('is masked before anything else and appears in no log, output, summary, report or request body', async () => {
    bindNock(pr.fake);
    pr.fake.readOnly = true; // the refusal path logs GitHub's error text too
    const { io } = await runAction({ fake: pr.fake, workspace: pr.repo.dir });
    expect(io.secrets[0]).toBe(TOKEN);
    const report = readFileSync(io.outputs['report-json']!, 'utf8');
    const bodies = JSON.stringify(pr.fake.requests.map((r) => r.body));
    for (const text of [io.everything(), report, bodies]) expect(text).not.toContain(TOKEN);
    // It is only ever sent where it belongs: the Authorization header to the API.
    expect(pr.fake.requests.every((r) => r.headers['authorization'] === `token ${TOKEN}`)).toBe(true);
  });
});

describe('the pull request\'s files', () => {
  it('are never read from the checkout\'s work tree', async () => {
    bindNock(pr.fake);
    // A work tree that disagrees with the commits: were it read, the collision would vanish.
    pr.repo.remove('deploy/github.yaml');
    const { io } = await runAction({ fake: pr.fake, workspace: pr.repo.dir, inputs: { mode: 'check' } });
    expect(io.outputs['introduced']).toBe('1');
  });

  it('never run code from the pull request', () => {
    // Only plumbing reads git objects: no checkout, no hooks, no filters, no npm in the action's own sources.
    const sources = ['src/action', 'src/adapters/git', 'src/adapters/github'].flatMap((dir) => readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'))).join('\n');
    expect(sources).not.toMatch(/\b(exec|execSync|execFileSync)\(|shell:\s*true|\beval\(|new Function\(|import\(\s*[^'"]/);
    const gitCommands = [...sources.matchAll(/(?:runGit|gitOk|streamGit)\([^,]+,\s*\[\s*'([a-z-]+)'/g)].map((m) => m[1]);
    // merge-tree (used by the CLI's diff) writes only objects: no work tree, and merge drivers come from local config, never the tree.
    expect(new Set(gitCommands)).toEqual(new Set(['ls-tree', 'cat-file', 'remote', 'fetch', 'merge-base', 'diff-tree', 'merge-tree']));
  });

  it('start git only from argument vectors this list names whole', () => {
    const files = [...['src/action', 'src/adapters/git', 'src/adapters/github'].flatMap((dir) => readdirSync(dir).map((f) => join(dir, f))), 'src/cli/diff-command.ts'];
    const read = (file: string) => readFileSync(file, 'utf8');
    // One place starts processes: git, from an argument vector, without a shell.
    expect(files.filter((file) => read(file).includes('node:child_process'))).toEqual(['src/adapters/git/run-git.ts']);
    const runGit = read('src/adapters/git/run-git.ts');
    expect(runGit).toMatch(/^import \{ spawn \} from 'node:child_process';$/m);
    expect([...runGit.matchAll(/[^.\w]spawn\(\s*'([^']*)'/g)].map((m) => m[1])).toEqual(['git']);
    // Every other call passes a literal vector, so each command and option is reviewed here; refs and paths are
    // object ids checked or printed by git, or come after --end-of-options: never read as options.
    const vectors = files.filter((file) => !file.endsWith('/run-git.ts')).flatMap((file) => [...read(file).matchAll(/\b(?:runGit|gitOk|streamGit)\([^,]+,\s*(\[[^\]]*\])?/g)].map((m) => m[1] ?? `${file}: not a literal argument vector`));
    expect(new Set(vectors)).toEqual(new Set([
      "['cat-file', '-e', `${sha}^{commit}`]",
      "['cat-file', 'commit', sha]",
      "['remote', 'get-url', 'origin']",
      "['fetch', '--quiet', '--no-tags', '--no-recurse-submodules', '--depth=1', 'origin', sha]",
      "['merge-base', a, b]",
      "['merge-tree', '--write-tree', '--no-messages', base, head]",
      "['diff-tree', '-r', '-z', '-M', '--no-commit-id', '--name-status', '--no-ext-diff', '--no-textconv', from, to]",
      // One listing per commit, without --long (sizes only for the blobs selected, below); listTree takes object ids only.
      "['ls-tree', '-r', '-z', '--full-tree', commit]",
      // Object names on standard input, one a line: never arguments, never options.
      "['cat-file', '--batch-check', '--buffer']",
      "['cat-file', '--batch', '--buffer']",
      "['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`]",
    ]));
  });
});
