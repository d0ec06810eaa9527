import type { GitHubClient } from '../adapters/github/client.js';
import { classifyFailure, isPermissionRefusal } from '../adapters/github/failures.js';
import { resolveOwnLogins } from '../adapters/github/identity.js';
import { listPullRequestFiles, readPullRequestState, type PullRef } from '../adapters/github/pull-request.js';
import { listPostedInline, postReview } from '../adapters/github/review.js';
import { upsertStickyComment, type StickyCommentResult } from '../adapters/github/sticky-comment.js';
import type { RenderContext } from '../core/render/markdown.js';
import type { ReviewReport } from '../core/review/review-change.js';
import { CommentableLines, type DiffLines } from '../core/review-comments/diff-hunks.js';
import { MergedFileLines } from '../core/review-comments/head-lines.js';
import type { LineMap } from '../core/fixes/line-map.js';
import { currentInlineKeys, planInlineComments, type InlinePlan } from '../core/review-comments/inline-plan.js';
import { findStaleRemarks, resolveStaleRemarks } from '../adapters/github/review-threads.js';
import { reviewMarker } from '../core/review-comments/markers.js';
import { composeSummaryComment, type InlineOutcome } from '../core/review-comments/summary-comment.js';
import type { Mode } from './inputs.js';

export interface PublishDeps {
  client: GitHubClient;
  pull: PullRef;
  headSha: string;
  mode: Extract<Mode, 'review' | 'comment'>;
  commentAuthor: string | undefined;
  maxInlineComments: number;
  report: ReviewReport;
  diffs: ReadonlyMap<string, CommentableLines>;
  /** Merged line to head line for files the base branch edited too (see head-lines.ts). */
  toHead?: ReadonlyMap<string, LineMap>;
  /** Which commits were compared, said in the summary comment. */
  compared?: string;
  render: RenderContext;
  complete: boolean;
  select: (path: string) => boolean;
  log: { info(m: string): void; warning(m: string): void };
  sleep?: (ms: number) => Promise<void>;
}

export type PublishOutcome =
  | { status: 'posted'; summary: StickyCommentResult; inline: InlineOutcome | undefined }
  | { status: 'stale'; newerSha: string }
  | { status: 'read-only'; reason: string }
  | { status: 'failed'; reason: string };

/**
 * Writes the results onto the pull request: one review with the new inline
 * comments, then the sticky summary. Never throws: a token that may not
 * write (fork pull requests) or a GitHub outage leaves the job summary,
 * annotations and exit code to carry the result.
 */
export async function publishToPullRequest(deps: PublishDeps): Promise<PublishOutcome> {
  const { log } = deps;
  try {
    const state = await readPullRequestState(deps.client, deps.pull);
    if (state.headSha !== deps.headSha) {
      log.info(`The pull request has moved on to ${state.headSha.slice(0, 12)}; this run analysed ${deps.headSha.slice(0, 12)}, so it posts nothing and leaves the comments to the newer run.`);
      return { status: 'stale', newerSha: state.headSha };
    }
    const ownLogins = await resolveOwnLogins(deps.client, deps.commentAuthor, log.info, log.warning);
    const upsertSummary = (inline: InlineOutcome | undefined) => upsertStickyComment(deps.client, deps.pull, composeSummaryComment(deps.report, { render: deps.render, headSha: deps.headSha, ...(inline ? { inline } : {}), incomplete: !deps.complete, maxInlineComments: deps.maxInlineComments, ...(deps.compared ? { compared: deps.compared } : {}) }), {
      ownLogins,
      create: worthANewComment(deps.report),
      log: log.info,
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
    });
    // The summary goes first, saying what the review will hold, so each inline comment can link to its details;
    // when the review then lands as planned, the final update below changes nothing and costs no write.
    let early: StickyCommentResult | undefined;
    const inline = deps.mode === 'review' && deps.report.introduced.length > 0
      ? await postInlineComments(deps, ownLogins, async (planned) => (early = await upsertSummary(planned)).url)
      : undefined;
    if (deps.mode === 'review') await resolveFixedRemarks(deps, ownLogins);
    const final = await upsertSummary(inline);
    // Said as what this run did to the comment, whichever of the two calls did it.
    const summary = early && final.action === 'unchanged' ? { ...final, action: early.action, removedDuplicates: early.removedDuplicates + final.removedDuplicates } : final;
    log.info(summary.action === 'not-created'
      ? 'Nothing about this change to report, and no earlier summary comment to update: no comment posted.'
      : `Summary comment ${summary.action}: ${summary.url ?? ''}${summary.removedDuplicates > 0 ? ` (removed ${summary.removedDuplicates} duplicate${summary.removedDuplicates > 1 ? 's' : ''})` : ''}`);
    return { status: 'posted', summary, inline };
  } catch (error) {
    const failure = classifyFailure(error);
    if (isPermissionRefusal(failure)) {
      const reason = `The token cannot write to this pull request (HTTP ${failure.status}: ${failure.message}). This is expected for pull requests from forks, whose GITHUB_TOKEN is read-only; otherwise grant \`permissions: pull-requests: write\`. The results are in the job summary, the annotations and this check's status.`;
      log.warning(reason);
      return { status: 'read-only', reason };
    }
    const reason = `Could not post to the pull request (${failure.status !== undefined ? `HTTP ${failure.status}: ` : ''}${failure.message}). The results are in the job summary, the annotations and this check's status.`;
    log.warning(reason);
    return { status: 'failed', reason };
  }
}

/** Inline comments of findings this head no longer has are resolved (or, failing that, marked so); never fails the run. */
async function resolveFixedRemarks(deps: PublishDeps, ownLogins: ReadonlySet<string>): Promise<void> {
  try {
    const stale = await findStaleRemarks(deps.client, deps.pull, ownLogins, currentInlineKeys(deps.report.introduced), deps.log.info);
    if (stale.length === 0) return;
    const done = await resolveStaleRemarks(deps.client, deps.pull, stale, deps.headSha, deps.log.warning);
    deps.log.info(`Inline comments of findings this head no longer has: ${done.resolved} thread${done.resolved === 1 ? '' : 's'} resolved${done.edited > 0 ? `, ${done.edited} marked resolved by an edit` : ''}${done.failed > 0 ? `, ${done.failed} left as they were` : ''}.`);
  } catch (error) {
    deps.log.warning(`Could not mark the inline comments of fixed findings resolved (${classifyFailure(error).message}).`);
  }
}

/** A summary nobody asked for is noise: create one only when the change itself has something to say. */
function worthANewComment(report: ReviewReport): boolean {
  const changed = new Set(report.changedPaths);
  return report.introduced.length > 0 || report.resolved.length > 0 || report.diagnostics.some((d) => changed.has(d.location.path));
}

async function postInlineComments(deps: PublishDeps, ownLogins: ReadonlySet<string>, summaryFirst: (planned: InlineOutcome) => Promise<string | undefined>): Promise<InlineOutcome> {
  const posted = await listPostedInline(deps.client, deps.pull, ownLogins);
  const postedKeys = posted.keys;
  // max-inline-comments caps the pull request, not the run: earlier runs' comments count.
  const room = Math.max(0, deps.maxInlineComments - posted.comments);
  const texts = new Map(deps.report.headFiles.map((f) => [f.path, f.text.split('\n')] as const));
  let summaryUrl: string | undefined;
  const plan = (diffs: ReadonlyMap<string, CommentableLines>): InlinePlan => inHeadLines(planInlineComments(deps.report.introduced, {
    ...(summaryUrl ? { summaryUrl } : {}),
    postedKeys,
    diffs: mergedView(diffs, deps.toHead),
    suggestions: deps.report.suggestions,
    render: deps.render,
    maxComments: room,
    fileLines: (path) => texts.get(path),
  }), deps.toHead);
  let first = plan(deps.diffs);
  if (first.comments.length === 0) return { posted: [], skipped: first.skipped, refused: [] };
  summaryUrl = await summaryFirst({ posted: findings(first), skipped: first.skipped, refused: [] });
  if (summaryUrl) first = plan(deps.diffs);
  try {
    return await send(deps, first, ownLogins);
  } catch (error) {
    const failure = classifyFailure(error);
    if (failure.kind !== 'unprocessable') throw error;
    // GitHub does not say which comment it refused. The usual cause is a diff that changed under us,
    // so check the comments against the diff as it is now and retry once with those that still fit.
    deps.log.warning(`GitHub refused the review's inline comments (HTTP 422: ${failure.message}); checking them against the current diff.`);
    const fresh = await listPullRequestFiles(deps.client, deps.pull);
    const diffs = new Map([...fresh.files].filter((f) => deps.select(f.path)).map((f) => [f.path, CommentableLines.fromPatch(f.patch)] as const));
    const second = plan(diffs);
    if (second.comments.length === 0 || second.comments.length >= first.comments.length) {
      deps.log.warning(`Posting no inline comments this run; all ${first.comments.length} are in the summary comment instead.`);
      return { posted: [], skipped: first.skipped, refused: findings(first) };
    }
    try {
      // The dropped ones are now 'outside-diff' in the new plan's skipped list.
      return await send(deps, second, ownLogins);
    } catch (retryError) {
      if (classifyFailure(retryError).kind !== 'unprocessable') throw retryError;
      deps.log.warning(`GitHub refused the inline comments again; all ${second.comments.length} are in the summary comment instead.`);
      return { posted: [], skipped: second.skipped, refused: findings(second) };
    }
  }
}

async function send(deps: PublishDeps, plan: InlinePlan, ownLogins: ReadonlySet<string>): Promise<InlineOutcome> {
  const keys = plan.comments.flatMap((c) => c.keys);
  const n = plan.comments.length;
  const review = await postReview(deps.client, deps.pull, {
    commitId: deps.headSha,
    body: `**ServiceEntry Guard**: ${n} new listener collision${n > 1 ? 's' : ''} on lines of this change. The summary comment has the full table.`,
    marker: reviewMarker(keys, deps.headSha),
    comments: plan.comments,
  }, { ownLogins, log: deps.log.info, ...(deps.sleep ? { sleep: deps.sleep } : {}) });
  deps.log.info(`Review ${review.recovered ? 'found already posted' : 'posted'} with ${n} inline comment${n > 1 ? 's' : ''}: ${review.url}`);
  return { posted: findings(plan), skipped: plan.skipped, refused: [] };
}

/** The diff as the merged files see it: findings and fixes are numbered in those. */
function mergedView(diffs: ReadonlyMap<string, CommentableLines>, toHead: ReadonlyMap<string, LineMap> | undefined): ReadonlyMap<string, DiffLines> {
  if (!toHead || toHead.size === 0) return diffs;
  return new Map([...diffs].map(([path, lines]) => {
    const map = toHead.get(path);
    return [path, map ? new MergedFileLines(lines, map) : lines] as const;
  }));
}

/** Planned comments moved onto the head lines GitHub's diff numbers; the view above guarantees each maps. */
function inHeadLines(plan: InlinePlan, toHead: ReadonlyMap<string, LineMap> | undefined): InlinePlan {
  if (!toHead || toHead.size === 0) return plan;
  const comments = plan.comments.flatMap((c) => {
    const map = toHead.get(c.path);
    if (!map) return [c];
    const line = map.get(c.line);
    const startLine = c.startLine === undefined ? undefined : map.get(c.startLine);
    if (line === undefined || (c.startLine !== undefined && startLine === undefined)) return [];
    return [{ ...c, line, ...(startLine !== undefined ? { startLine } : {}) }];
  });
  return { ...plan, comments };
}

function findings(plan: InlinePlan): string[] {
  return plan.comments.map((c) => c.findingId);
}
