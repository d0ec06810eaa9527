import { readInlineKeys } from '../../core/review-comments/markers.js';
import type { GitHubClient } from './client.js';
import { isOwnComment } from './identity.js';
import type { PullRef } from './pull-request.js';

/** One of our inline comments whose finding the pull request no longer has. */
export interface StaleRemark {
  /** The review thread's GraphQL node id; absent when threads could not be listed. */
  threadId?: string;
  /** The comment's REST id, for the fallback edit. */
  commentId: number;
  body: string;
}

export interface ResolveOutcome {
  resolved: number;
  /** Marked resolved by an edit of the comment, because GraphQL may not resolve threads with this token. */
  edited: number;
  failed: number;
}

const THREADS = `query($owner: String!, $name: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes { id isResolved comments(first: 1) { nodes { databaseId body author { login } } } }
      }
    }
  }
}`;

const RESOLVE = `mutation($threadId: ID!) {
  resolveReviewThread(input: { threadId: $threadId }) { thread { id isResolved } }
}`;

interface ThreadPage {
  repository: { pullRequest: { reviewThreads: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Array<{ id: string; isResolved: boolean; comments: { nodes: Array<{ databaseId: number; body: string; author: { login: string } | null }> } }>;
  } } | null } | null;
}

/** The note a fallback edit puts first, and how a later run knows the edit was made. */
const RESOLVED_NOTE = /^> ✅ \*\*Resolved\*\*/;

/**
 * Our unresolved inline threads that carry none of the keys still current.
 * REST cannot tell whether a thread is resolved, so threads come from
 * GraphQL's `pullRequest.reviewThreads`; when GraphQL is refused, our REST
 * comments stand in (without thread ids), minus those already marked.
 */
export async function findStaleRemarks(client: GitHubClient, pull: PullRef, ownLogins: ReadonlySet<string>, currentKeys: ReadonlySet<string>, log: (m: string) => void): Promise<StaleRemark[]> {
  const stale = (body: string) => {
    const keys = readInlineKeys(body);
    // A comment an earlier run already marked resolved by an edit is settled too.
    return keys.length > 0 && keys.every((k) => !currentKeys.has(k)) && !RESOLVED_NOTE.test(body);
  };
  try {
    const remarks: StaleRemark[] = [];
    let cursor: string | null = null;
    do {
      const page: ThreadPage = await client.graphql<ThreadPage>(THREADS, { owner: pull.owner, name: pull.repo, number: pull.pullNumber, cursor });
      const threads = page.repository?.pullRequest?.reviewThreads;
      if (!threads) break;
      for (const thread of threads.nodes) {
        const first = thread.comments.nodes[0];
        if (thread.isResolved || !first || !isOwnComment(first.author, ownLogins) || !stale(first.body)) continue;
        remarks.push({ threadId: thread.id, commentId: first.databaseId, body: first.body });
      }
      cursor = threads.pageInfo.hasNextPage ? threads.pageInfo.endCursor : null;
    } while (cursor);
    return remarks;
  } catch (error) {
    log(`Could not list the review threads through GraphQL (${firstLine(error)}); looking at the inline comments instead.`);
    const all = await client.paginate(client.rest.pulls.listReviewComments, { owner: pull.owner, repo: pull.repo, pull_number: pull.pullNumber, per_page: 100 });
    return all
      .filter((c) => c.in_reply_to_id === undefined && isOwnComment(c.user, ownLogins) && stale(c.body))
      .map((c) => ({ commentId: c.id, body: c.body }));
  }
}

/**
 * Resolves each stale thread with GraphQL's `resolveReviewThread` (REST has
 * no way to). Where that is refused (a token without the permission) or
 * there is no thread id, the comment is edited instead to say it is
 * resolved at this head, so a reviewer is never left chasing a fixed collision.
 */
export async function resolveStaleRemarks(client: GitHubClient, pull: PullRef, remarks: readonly StaleRemark[], headSha: string, log: (m: string) => void): Promise<ResolveOutcome> {
  const outcome: ResolveOutcome = { resolved: 0, edited: 0, failed: 0 };
  let graphqlRefused = false;
  for (const remark of remarks) {
    if (remark.threadId && !graphqlRefused) {
      try {
        await client.graphql(RESOLVE, { threadId: remark.threadId });
        outcome.resolved++;
        continue;
      } catch (error) {
        graphqlRefused = true;
        log(`GitHub refused to resolve a review thread (${firstLine(error)}); marking the comments resolved by editing them instead. Resolving threads needs \`permissions: pull-requests: write\`.`);
      }
    }
    try {
      await client.rest.pulls.updateReviewComment({ owner: pull.owner, repo: pull.repo, comment_id: remark.commentId, body: markedResolved(remark.body, headSha) });
      outcome.edited++;
    } catch (error) {
      outcome.failed++;
      log(`Could not mark inline comment ${remark.commentId} resolved (${firstLine(error)}).`);
    }
  }
  return outcome;
}

/** The comment with a first line saying it is resolved and where; its hidden marker stays, so it is not posted again. */
export function markedResolved(body: string, headSha: string): string {
  return `> ✅ **Resolved** at ${headSha.slice(0, 12)}: this pull request no longer has this collision.\n\n${body}`;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);
}
