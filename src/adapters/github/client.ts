import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { pacedNotifications, pacedWrites } from './write-pacing.js';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  token: string;
  /** GITHUB_API_URL: api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server. */
  baseUrl: string;
  log: { info(message: string): void; warning(message: string): void };
  /** Tests hand in the global fetch so nock sees requests; in production @actions/github's proxy-aware fetch is used. */
  fetch?: typeof fetch;
  /** Multiplier for every back-off delay in ms; tests shrink it. */
  retryAfterBaseMs?: number;
  /** Throttling limiter overrides (tests pass limiters without GitHub's one-write-per-second spacing). */
  throttle?: Record<string, unknown>;
  maxRetries?: number;
}

/**
 * An Octokit that retries transient failures (5xx, network) and waits out
 * primary and secondary rate limits, as GitHub asks integrators to. Writes
 * that create something (every POST we send) are never repeated here: a
 * repeat after a lost response would post twice, so the caller checks what
 * exists before it retries (see post-once.ts).
 */
export function createGitHubClient(options: ClientOptions): GitHubClient {
  const baseMs = options.retryAfterBaseMs ?? 1000;
  const maxRetries = options.maxRetries ?? 3;
  const waitOut = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
    const route = `${request.method} ${request.url}`;
    if (request.method === 'POST') {
      options.log.warning(`GitHub ${kind} rate limit on ${route}; not retried automatically because a repeat could post twice.`);
      return false;
    }
    if (retryCount >= maxRetries) {
      options.log.warning(`GitHub ${kind} rate limit on ${route}; giving up after ${retryCount} retries.`);
      return false;
    }
    options.log.info(`GitHub ${kind} rate limit on ${route}; retrying in ${retryAfter}s.`);
    return true;
  };
  return getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      ...(options.fetch ? { request: { fetch: options.fetch } } : {}),
      retry: { retries: maxRetries, retryAfterBaseValue: baseMs },
      throttle: {
        retryAfterBaseValue: baseMs,
        fallbackSecondaryRateRetryAfter: 60,
        onRateLimit: waitOut('primary'),
        onSecondaryRateLimit: waitOut('secondary'),
        // Duck-typed limiters (see write-pacing.ts); the plugin's types want a full Bottleneck.Group.
        ...({ write: pacedWrites(), notifications: pacedNotifications() } as Record<string, unknown>),
        ...options.throttle,
      },
    },
    retry,
    throttling,
  );
}

/** Per-request options for a POST: the retry plugin must not repeat it either. */
export const NO_AUTOMATIC_RETRY = { request: { retries: 0 } } as const;
