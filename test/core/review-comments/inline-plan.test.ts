import { reviewChange } from '../../../src/core/review/review-change.js';
import { CommentableLines } from '../../../src/core/review-comments/diff-hunks.js';
import { planInlineComments } from '../../../src/core/review-comments/inline-plan.js';
import { inlineKey, readInlineKeys } from '../../../src/core/review-comments/markers.js';
import { GITHUB_COMMENT_LIMIT } from '../../../src/core/render/markdown.js';
import { reviewFixture } from '../../helpers/fixtures.js';

function introducedBy(name: string) {
  const report = reviewChange({ ...reviewFixture(name), defaultNamespace: 'default' });
  expect(report.introduced.length).toBeGreaterThan(0);
  return report;
}

/** A diff that shows every line of the given files, as for newly added files. */
function wholeFiles(paths: string[], lines = 200): Map<string, CommentableLines> {
  return new Map(paths.map((p) => [p, new CommentableLines([{ lines: Array.from({ length: lines }, (_, i) => i + 1) }])]));
}

describe('choosing inline comments', () => {
  it('comments once per introduced finding, on the port line of the entry the change added', () => {
    const report = introducedBy('pr-adds-second-tcp-443-entry');
    const plan = planInlineComments(report.introduced, { postedKeys: new Set(), diffs: wholeFiles(['deploy/github.yaml']) });
    expect(plan.comments).toHaveLength(1);
    const [comment] = plan.comments;
    const entry = report.introduced[0]!.finding.entries.find((e) => e.ref === 'egress/github')!;
    expect(comment).toMatchObject({ path: 'deploy/github.yaml', line: entry.portLocation.line });
    expect(readInlineKeys(comment!.body)).toEqual([inlineKey(report.introduced[0]!.finding.id, 'egress/github')]);
  });

  it('never comments on a line the diff does not show', () => {
    const report = introducedBy('pr-adds-second-tcp-443-entry');
    const plan = planInlineComments(report.introduced, { postedKeys: new Set(), diffs: new Map([['deploy/github.yaml', CommentableLines.fromPatch('@@ -1,1 +1,1 @@\n-x\n+# only the first line')]]) });
    expect(plan.comments).toEqual([]);
    expect(plan.skipped.map((s) => s.reason)).toEqual(['outside-diff']);
  });

  it('does not repeat a remark an earlier run posted', () => {
    const report = introducedBy('pr-adds-second-tcp-443-entry');
    const diffs = wholeFiles(['deploy/github.yaml']);
    const first = planInlineComments(report.introduced, { postedKeys: new Set(), diffs });
    const posted = new Set(first.comments.flatMap((c) => readInlineKeys(c.body)));
    const second = planInlineComments(report.introduced, { postedKeys: posted, diffs });
    expect(second.comments).toEqual([]);
    expect(second.skipped.map((s) => s.reason)).toEqual(['already-commented']);
  });

  it('stops at the comment limit and says so', () => {
    const report = introducedBy('pr-adds-second-tcp-443-entry');
    const plan = planInlineComments(report.introduced, { postedKeys: new Set(), diffs: wholeFiles(['deploy/github.yaml']), maxComments: 0 });
    expect(plan.comments).toEqual([]);
    expect(plan.skipped.map((s) => s.reason)).toEqual(['comment-limit']);
  });

  it('turns a verified fix inside one hunk into a multi-line suggestion', () => {
    const report = introducedBy('pr-adds-second-tcp-443-entry');
    const id = report.introduced[0]!.finding.id;
    const change = { path: 'deploy/github.yaml', startLine: 12, endLine: 13, originalLines: ['      name: tcp-443', '      protocol: TCP'], replacementLines: ['      name: tls-443', '      protocol: TLS'] };
    const plan = planInlineComments(report.introduced, {
      postedKeys: new Set(),
      diffs: wholeFiles(['deploy/github.yaml']),
      suggestions: { [id]: [{ findingId: id, kind: 'tls', title: 'Use TLS', cost: 'c', changes: [change] }] },
    });
    expect(plan.comments[0]).toMatchObject({ startLine: 12, line: 13 });
    expect(plan.comments[0]!.body).toContain('```suggestion\n      name: tls-443\n      protocol: TLS\n```');
  });

  it('leaves out a suggestion that would span lines outside the diff', () => {
    const report = introducedBy('pr-adds-second-tcp-443-entry');
    const id = report.introduced[0]!.finding.id;
    const change = { path: 'deploy/github.yaml', startLine: 12, endLine: 13, originalLines: ['a', 'b'], replacementLines: ['c', 'd'] };
    const plan = planInlineComments(report.introduced, {
      postedKeys: new Set(),
      diffs: wholeFiles(['deploy/github.yaml'], 12),
      suggestions: { [id]: [{ findingId: id, kind: 'tls', title: 'Use TLS', cost: 'c', changes: [change] }] },
    });
    expect(plan.comments[0]!.body).not.toContain('```suggestion');
    expect(plan.comments[0]!.startLine).toBeUndefined();
  });

  it('keeps a comment for a huge finding under GitHub\'s size limit, marker intact', () => {
    const report = introducedBy('pr-adds-second-tcp-443-entry');
    const big = structuredClone(report.introduced[0]!);
    big.finding.explanation = 'x'.repeat(100_000);
    const plan = planInlineComments([big], { postedKeys: new Set(), diffs: wholeFiles(['deploy/github.yaml']) });
    expect(plan.comments[0]!.body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(readInlineKeys(plan.comments[0]!.body)).toHaveLength(1);
  });
});
