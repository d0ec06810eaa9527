/** What a failed GitHub call means for what to do next. */
export type FailureKind =
  /** The token may not do this: a fork's read-only token, missing `permissions:`. */
  | 'forbidden'
  | 'not-found'
  /** GitHub refused the content, e.g. a review comment on a line outside the diff. */
  | 'unprocessable'
  | 'rate-limited'
  /** 5xx, timeouts, dropped connections: the request may or may not have been carried out. */
  | 'transient'
  | 'other';

export interface Failure {
  kind: FailureKind;
  status: number | undefined;
  message: string;
  /** Seconds GitHub asked us to wait, when it said. */
  retryAfter: number | undefined;
}

interface ErrorLike {
  status?: unknown;
  message?: unknown;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

export function classifyFailure(error: unknown): Failure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const status = typeof e.status === 'number' ? e.status : undefined;
  const message = typeof e.message === 'string' ? e.message : String(error);
  const headers = e.response?.headers ?? {};
  const retryAfterHeader = Number(headers['retry-after']);
  const retryAfter = Number.isFinite(retryAfterHeader) && retryAfterHeader >= 0 ? retryAfterHeader : undefined;
  const limited = status === 429 || (status === 403 && (/rate limit/i.test(message) || String(headers['x-ratelimit-remaining']) === '0'));
  const kind: FailureKind = limited ? 'rate-limited'
    : status === 403 ? 'forbidden'
      : status === 404 ? 'not-found'
        : status === 422 ? 'unprocessable'
          : status === undefined || status >= 500 ? 'transient'
            : 'other';
  return { kind, status, message: firstLine(message), retryAfter };
}

/** True for a refusal that will not change on retry: the token cannot write here. */
export function isPermissionRefusal(failure: Failure): boolean {
  return failure.kind === 'forbidden' || failure.kind === 'not-found';
}

export class PermissionRefused extends Error {
  constructor(readonly failure: Failure, readonly operation: string) {
    super(`${operation}: HTTP ${failure.status ?? '?'} ${failure.message}`);
    this.name = 'PermissionRefused';
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.slice(0, 300) ?? '';
}
