import type { GitHubClient } from './client.js';

/** The login GITHUB_TOKEN writes as. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

export interface Author {
  login: string;
}

/**
 * Who this token posts as, so that only our own earlier comments are taken
 * as ours: anyone can paste our hidden marker into a comment, and updating
 * or trusting theirs would let them hide findings or make the run fail.
 * GraphQL's viewer works for user tokens and installation tokens alike (REST
 * GET /user refuses GITHUB_TOKEN); bots appear without the `[bot]` suffix there.
 */
export async function resolveOwnLogins(client: GitHubClient, configured: string | undefined, log: (m: string) => void, warn: (m: string) => void = log): Promise<Set<string>> {
  let viewer: string;
  try {
    viewer = (await client.graphql<{ viewer: { login: string } }>('query { viewer { login } }')).viewer.login;
  } catch (error) {
    const fallback = configured ?? ACTIONS_BOT_LOGIN;
    log(`Could not tell which account the token posts as (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); assuming ${fallback}.`);
    return loginsFor(fallback);
  }
  // What is posted carries the token's account whatever the input says: trusting another account's
  // comments would never find our own, and every run would post a new summary and review.
  if (configured && !loginsFor(configured).has(viewer.toLowerCase()) && !loginsFor(configured).has(`${viewer}[bot]`.toLowerCase())) {
    warn(`comment-author is "${configured}", but the token posts as "${viewer}". Using "${viewer}" to find earlier comments, so re-runs update them instead of posting new ones; set comment-author to "${viewer}" or leave it empty.`);
  }
  return loginsFor(viewer);
}

function loginsFor(login: string): Set<string> {
  const bare = login.replace(/\[bot\]$/, '');
  return new Set([bare, `${bare}[bot]`].map((l) => l.toLowerCase()));
}

export function isOwnComment(user: Author | null | undefined, own: ReadonlySet<string>): boolean {
  return user !== null && user !== undefined && own.has(user.login.toLowerCase());
}
