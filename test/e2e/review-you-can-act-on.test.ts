import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { SUMMARY_MARKER } from '../../src/core/review-comments/markers.js';
import { servePullRequests } from '../helpers/loopback-pull-request.js';
import { movingBaseRepo, type MovingBaseRepo } from '../helpers/moving-base-repo.js';
import { applySuggestionAsGitHub, checkFiles, runBuiltCli, suggestionBody } from '../helpers/github-suggestion.js';
import { describeBuiltAction, parseOutputs, runDist } from '../helpers/run-dist.js';

/**
 * The bundled action on pull requests whose base branch moved on (main added
 * docs.yaml after the branch point): every one-click suggestion is committed
 * exactly as GitHub commits it, merged with main again, and checked with the
 * built CLI.
 */
describeBuiltAction('a review you can act on (dist/index.js)', () => {
  jest.setTimeout(240_000);
  // Each test has its own repository and loopback GitHub, so they run at once.
  const open = servePullRequests(movingBaseRepo);
  /**
   * The action's first run on a fixture's pull request with the default inputs, run once per fixture and
   * shared by the tests that read it: the one-click-slot test reads the comments the fix tests act on (what
   * those do to the branch afterwards does not change the comments).
   */
  const firstRuns = new Map<string, ReturnType<typeof reviewOnce>>();
  const reviewOnce = async (fixture: string) => {
    const served = await open(fixture);
    return { ...served, run: await runDist(served.pr.event(), served.apiUrl, {}) };
  };
  const reviewed = (fixture: string) => firstRuns.get(fixture) ?? firstRuns.set(fixture, reviewOnce(fixture)).get(fixture)!;

  /** Commits the inline comment's suggestion on the branch as GitHub does and returns the patched file. */
  const commitSuggestion = (pr: MovingBaseRepo, fixture: string, path: string) => {
    const comment = pr.fake.reviewComments.find((c) => c.path === path)!;
    const body = suggestionBody(comment.body);
    if (body === undefined) throw new Error(`no suggestion in the comment on ${path}:\n${comment.body}`);
    // The head file byte for byte (the branch's version is the fixture's head/ file).
    const headText = readFileSync(join(REPO_ROOT, 'test/fixtures/merges', fixture, 'head', path.replace(/^deploy\//, '')), 'utf8');
    const applied = applySuggestionAsGitHub(headText, comment.start_line ?? comment.line, comment.line, body);
    pr.repo.git('checkout', '--quiet', 'feature');
    pr.repo.write(path, applied);
    pr.repo.commit('Apply suggestion from ServiceEntry Guard');
    pr.repo.git('checkout', '--quiet', 'main');
    return { headText, applied };
  };
  const afterMerge = (pr: MovingBaseRepo) => JSON.parse(runBuiltCli(pr.repo.dir, 'diff', '--base', 'main', '--head', 'feature', '--format', 'json').stdout) as { counts: Record<string, number>; diagnostics: unknown[] };

  it.concurrent('a new entry in a CRLF file gets a one-click fix that keeps CRLF and comments and removes the collision', async () => {
    const fixture = 'branch-adds-crlf-entry';
    const { pr, github, run } = await reviewed(fixture);
    expect(github.violations).toEqual([]);
    expect(run.code).toBe(1);
    const { headText, applied } = commitSuggestion(pr, fixture, 'deploy/github.yaml');
    expect(applied.replace(/\r\n/g, '')).not.toContain('\n');
    expect(applied.split('\r\n').filter((l) => l.startsWith('#'))).toEqual(headText.split('\r\n').filter((l) => l.startsWith('#')));
    expect(checkFiles({ 'deploy/github.yaml': applied }).report.diagnostics).toEqual([]);
    // The collision is gone; the older entry still holds the port's match-all chain (tcp-captures-port), as it did on the base.
    expect(afterMerge(pr)).toMatchObject({ counts: { introduced: 0, resolved: 0, existing: 1 }, diagnostics: [] });
  });

  it.concurrent('two new colliding entries in one file get one one-click fix covering both', async () => {
    const fixture = 'branch-adds-two-entries-in-one-file';
    const { pr, github, run } = await reviewed(fixture);
    expect(github.violations).toEqual([]);
    expect(run.code).toBe(1);
    expect(pr.fake.reviewComments).toHaveLength(1);
    const { headText, applied } = commitSuggestion(pr, fixture, 'deploy/git-hosts.yaml');
    expect(applied.split('\n').filter((l) => l.startsWith('#'))).toEqual(headText.split('\n').filter((l) => l.startsWith('#')));
    expect(checkFiles({ 'deploy/git-hosts.yaml': applied }).report.diagnostics).toEqual([]);
    expect(afterMerge(pr)).toMatchObject({ counts: { introduced: 0 }, diagnostics: [] });
  });

  it.concurrent('an entry inside kind: List gets a one-click fix that keeps the list valid', async () => {
    const fixture = 'branch-adds-entry-in-kind-list';
    const { pr, apiUrl } = await open(fixture);
    const run = await runDist(pr.event(), apiUrl, {});
    expect(run.code).toBe(1);
    const { applied } = commitSuggestion(pr, fixture, 'deploy/list.yaml');
    expect(applied).toMatch(/^kind: List$/m);
    expect(checkFiles({ 'deploy/list.yaml': applied }).report.diagnostics).toEqual([]);
    expect(afterMerge(pr)).toMatchObject({ counts: { introduced: 0 }, diagnostics: [] });
  });

  it.concurrent('the one-click slot never holds a port move', async () => {
    for (const fixture of ['branch-adds-crlf-entry', 'branch-adds-two-entries-in-one-file', 'branch-adds-three-collisions']) {
      const { pr } = await reviewed(fixture);
      for (const c of pr.fake.reviewComments) expect(suggestionBody(c.body) ?? '').not.toMatch(/number: \d*10\d{3}/);
    }
  });

  it.concurrent('manifests kubectl reads (merge keys, a flow bracket under its key, bare CR) are analysed, and collide', async () => {
    const { pr, github, apiUrl } = await open('branch-adds-manifests-kubectl-reads');
    const run = await runDist(pr.event(), apiUrl, {});
    expect(github.violations).toEqual([]);
    expect(run.code).toBe(1);
    const report = JSON.parse(readFileSync(parseOutputs(run.outputs)['report-json']!, 'utf8')) as { introduced: Array<{ newEntryRefs: string[] }>; diagnostics: unknown[] };
    expect(report.diagnostics).toEqual([]);
    expect(report.introduced.flatMap((c) => c.newEntryRefs).sort()).toEqual(['egress/bare-cr', 'egress/flow-bracket', 'egress/merged-port']);
  });

  it.concurrent('a changed manifest that cannot be read never gets a ✅ headline', async () => {
    const { pr, apiUrl } = await open('branch-adds-unreadable-manifest');
    const run = await runDist(pr.event(), apiUrl, {});
    expect(run.summary).not.toContain('✅');
    expect(run.summary).toContain('could not be fully read');
    const summary = pr.fake.issueComments.find((c) => c.body.includes(SUMMARY_MARKER))!;
    expect(summary.body).not.toContain('✅ This change');
  });

  it.concurrent('max-inline-comments caps the pull request across runs, and annotations stay within 10 per level', async () => {
    const { pr, github, apiUrl } = await open('branch-adds-three-collisions');
    const counts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const run = await runDist(pr.event(), apiUrl, { 'max-inline-comments': '2' });
      expect(run.code).toBe(1);
      counts.push(pr.fake.reviewComments.length);
      const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error')).length;
      expect(errors).toBeLessThanOrEqual(10);
      expect(run.stdout).toMatch(/::error::ServiceEntry Guard: this change introduces 3/);
    }
    expect(counts).toEqual([2, 2, 2]);
    expect(github.violations).toEqual([]);
  });

  it.concurrent('a comment-author that is not the token\'s account is warned about and never duplicates the summary or the review', async () => {
    const { pr, github, apiUrl } = await open('branch-adds-crlf-entry');
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await runDist(pr.event(), apiUrl, { 'comment-author': 'renovate[bot]' }));
    expect(runs[0]!.stdout).toContain('::warning::comment-author is "renovate[bot]", but the token posts as "github-actions"');
    expect(pr.fake.issueComments.filter((c) => c.body.includes(SUMMARY_MARKER))).toHaveLength(1);
    expect(pr.fake.reviews).toHaveLength(1);
    expect(github.violations).toEqual([]);
  });

  it.concurrent('a paths glob that matches no file is named in a warning', async () => {
    const { pr, apiUrl } = await open('branch-adds-crlf-entry');
    const run = await runDist(pr.event(), apiUrl, { paths: 'deploy/**/*.yaml\ncluster/**/*.yaml' });
    expect(run.stdout).toContain('::warning::paths: the glob "cluster/**/*.yaml" matches no file');
    expect(run.stdout).not.toContain('the glob "deploy/**/*.yaml"');
  });
});
