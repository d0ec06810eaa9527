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
export async function resolveOwnLogins(client: GitHubClient, configured: string | undefined, log: (m: string) => void): Promise<Set<string>> {
  if (configured) return loginsFor(configured);
  try {
    const data = await client.graphql<{ viewer: { login: string } }>('query { viewer { login } }');
    return loginsFor(data.viewer.login);
  } catch (error) {
    log(`Could not tell which account the token posts as (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); assuming ${ACTIONS_BOT_LOGIN}.`);
    return loginsFor(ACTIONS_BOT_LOGIN);
  }
}

function loginsFor(login: string): Set<string> {
  const bare = login.replace(/\[bot\]$/, '');
  return new Set([bare, `${bare}[bot]`].map((l) => l.toLowerCase()));
}

export function isOwnComment(user: Author | null | undefined, own: ReadonlySet<string>): boolean {
  return user !== null && user !== undefined && own.has(user.login.toLowerCase());
}
