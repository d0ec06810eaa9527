import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { SUMMARY_MARKER } from '../../src/core/review-comments/markers.js';
import { commitSuggestionAndPush } from '../helpers/branch-push.js';
import { checkFiles, runBuiltCli, suggestionBody } from '../helpers/github-suggestion.js';
import { servePullRequests } from '../helpers/loopback-pull-request.js';
import { movingBaseRepo } from '../helpers/moving-base-repo.js';
import { describeBuiltAction, runDist } from '../helpers/run-dist.js';
import { parse } from 'yaml';

/**
 * The branch removed the spec.addresses that kept egress/github on a
 * listener of its own (main moved on meanwhile): the first fix, verified
 * and offered as the one-click suggestion, is to put them back.
 */
describeBuiltAction('restoring what the pull request removed is the first fix (dist/index.js)', () => {
  jest.setTimeout(180_000);
  const open = servePullRequests(movingBaseRepo);

  it('the one-click suggestion restores the removed addresses; committed as GitHub does, the collision is gone', async () => {
    const { pr, github, apiUrl } = await open('branch-removes-entry-addresses');
    const run = await runDist(pr.event(), apiUrl, {});
    expect(github.violations).toEqual([]);
    expect(run.code).toBe(1);
    // The new shadowing, and the port's match-all chain now contested: each one-click fix puts the address back.
    expect(pr.fake.reviewComments.map((c) => c.body.split(' · ')[1]).sort()).toEqual(['tcp-captures-port', 'tcp-shadowed']);
    for (const comment of pr.fake.reviewComments) expect(suggestionBody(comment.body)).toMatch(/addresses:\n\s+- "?240\.241\.0\.10"?/);
    // The summary's generic list and its verified fixes both start with the restore.
    const summary = pr.fake.issueComments.find((c) => c.body.includes(SUMMARY_MARKER))!.body;
    expect(summary).toMatch(/\*\*Fixes, best first:\*\*\n1\. Restore what this change removed: spec\.addresses [^\n]*240\.241\.0\.10[^\n]* on egress\/github/);
    expect(summary).toMatch(/\*\*Verified fixes\*\*[^\n]*\n\n1\. Restore what this change removed/);

    commitSuggestionAndPush(pr, 'deploy/github.yaml');
    const applied = pr.repo.git('show', 'feature:deploy/github.yaml') + '\n';
    expect(checkFiles({ 'deploy/github.yaml': applied }).report.diagnostics).toEqual([]);
    const base = parse(readFileSync(join(REPO_ROOT, 'test/fixtures/merges/branch-removes-entry-addresses/branch-point/github.yaml'), 'utf8')) as { spec: unknown };
    expect((parse(applied) as { spec: unknown }).spec).toEqual(base.spec);
    // Its comment line is kept.
    expect(applied.split('\n')[0]).toMatch(/^# Its own VIP/);
    expect(JSON.parse(runBuiltCli(pr.repo.dir, 'diff', '--base', 'main', '--head', 'feature', '--format', 'json').stdout)).toMatchObject({ counts: { introduced: 0 } });
  });
});
