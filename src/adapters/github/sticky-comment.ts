import { hasSummaryMarker } from '../../core/review-comments/markers.js';
import { NO_AUTOMATIC_RETRY, type GitHubClient } from './client.js';
import { isOwnComment, type Author } from './identity.js';
import { postOnce } from './post-once.js';
import type { PullRef } from './pull-request.js';

export interface StickyCommentResult {
  action: 'created' | 'updated' | 'unchanged' | 'not-created';
  id: number | undefined;
  url: string | undefined;
  /** Extra copies an earlier race left behind, now deleted. */
  removedDuplicates: number;
}

interface IssueComment {
  id: number;
  body?: string;
  html_url: string;
  user: Author | null;
}

export interface StickyCommentOptions {
  ownLogins: ReadonlySet<string>;
  /** False: only update an existing comment (nothing worth a new comment to say). */
  create: boolean;
  log: (message: string) => void;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Keeps exactly one summary comment on the pull request: found by its
 * hidden marker among our own comments (every page), edited in place, and
 * created only when none exists, so re-runs never stack comments.
 */
export async function upsertStickyComment(client: GitHubClient, pull: PullRef, body: string, options: StickyCommentOptions): Promise<StickyCommentResult> {
  const findOurs = async (): Promise<IssueComment[]> => {
    const all = await client.paginate(client.rest.issues.listComments, { owner: pull.owner, repo: pull.repo, issue_number: pull.pullNumber, per_page: 100 });
    return all.filter((c) => hasSummaryMarker(c.body ?? '') && isOwnComment(c.user, options.ownLogins));
  };
  const ours = await findOurs();
  const [keep, ...extra] = ours;
  let removedDuplicates = 0;
  for (const duplicate of extra) {
    // Two runs racing on the first post can each create one; the oldest stays.
    await client.rest.issues.deleteComment({ owner: pull.owner, repo: pull.repo, comment_id: duplicate.id });
    removedDuplicates++;
  }
  if (keep) {
    if (keep.body === body) return { action: 'unchanged', id: keep.id, url: keep.html_url, removedDuplicates };
    const { data } = await client.rest.issues.updateComment({ owner: pull.owner, repo: pull.repo, comment_id: keep.id, body });
    return { action: 'updated', id: data.id, url: data.html_url, removedDuplicates };
  }
  if (!options.create) return { action: 'not-created', id: undefined, url: undefined, removedDuplicates };
  const { result } = await postOnce({
    what: 'Creating the summary comment',
    log: options.log,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    attempt: async () => (await client.rest.issues.createComment({ owner: pull.owner, repo: pull.repo, issue_number: pull.pullNumber, body, ...NO_AUTOMATIC_RETRY })).data,
    findExisting: async () => (await findOurs())[0],
  });
  return { action: 'created', id: result.id, url: result.html_url, removedDuplicates };
}
