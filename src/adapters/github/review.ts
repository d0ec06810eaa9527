import { readInlineKeys } from '../../core/review-comments/markers.js';
import type { PlannedComment } from '../../core/review-comments/inline-plan.js';
import { NO_AUTOMATIC_RETRY, type GitHubClient } from './client.js';
import { isOwnComment } from './identity.js';
import { postOnce } from './post-once.js';
import type { PullRef } from './pull-request.js';

/** Dedupe keys of every inline comment an earlier run of ours left on the pull request. */
export async function listPostedInlineKeys(client: GitHubClient, pull: PullRef, ownLogins: ReadonlySet<string>): Promise<Set<string>> {
  return (await listPostedInline(client, pull, ownLogins)).keys;
}

/** Our inline comments on the pull request so far: the keys they settle, and how many there are (for the per-PR cap). */
export async function listPostedInline(client: GitHubClient, pull: PullRef, ownLogins: ReadonlySet<string>): Promise<{ keys: Set<string>; comments: number }> {
  const all = await client.paginate(client.rest.pulls.listReviewComments, { owner: pull.owner, repo: pull.repo, pull_number: pull.pullNumber, per_page: 100 });
  const ours = all.filter((c) => isOwnComment(c.user, ownLogins)).map((c) => readInlineKeys(c.body)).filter((keys) => keys.length > 0);
  return { keys: new Set(ours.flat()), comments: ours.length };
}

export interface ReviewToPost {
  commitId: string;
  body: string;
  /** Hidden marker unique to this review's content, so a retry can tell whether it already landed. */
  marker: string;
  comments: PlannedComment[];
}

export interface PostedReview {
  id: number;
  url: string;
  recovered: boolean;
}

/**
 * Posts the run's inline comments as one review (one notification, one
 * place to resolve). `COMMENT`, not `REQUEST_CHANGES`: the required status
 * check is the gate, and a change-request review would stay blocking after
 * the collision is fixed until someone dismisses it.
 */
export async function postReview(client: GitHubClient, pull: PullRef, review: ReviewToPost, options: { ownLogins: ReadonlySet<string>; log: (m: string) => void; sleep?: (ms: number) => Promise<void> }): Promise<PostedReview> {
  const { result, recovered } = await postOnce({
    what: 'Posting the review',
    log: options.log,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    attempt: async () => {
      const { data } = await client.rest.pulls.createReview({
        owner: pull.owner,
        repo: pull.repo,
        pull_number: pull.pullNumber,
        commit_id: review.commitId,
        event: 'COMMENT',
        body: `${review.body}\n\n${review.marker}`,
        comments: review.comments.map((c) => ({
          path: c.path,
          line: c.line,
          side: 'RIGHT' as const,
          ...(c.startLine !== undefined ? { start_line: c.startLine, start_side: 'RIGHT' as const } : {}),
          body: c.body,
        })),
        ...NO_AUTOMATIC_RETRY,
      });
      return { id: data.id, url: data.html_url };
    },
    findExisting: async () => {
      const reviews = await client.paginate(client.rest.pulls.listReviews, { owner: pull.owner, repo: pull.repo, pull_number: pull.pullNumber, per_page: 100 });
      const landed = reviews.find((r) => isOwnComment(r.user, options.ownLogins) && (r.body ?? '').includes(review.marker));
      return landed ? { id: landed.id, url: landed.html_url } : undefined;
    },
  });
  return { ...result, recovered };
}
