import { classifyFailure, type Failure } from './failures.js';

export interface PostOnceOptions<T> {
  /** The create request, sent with automatic retries off. */
  attempt: () => Promise<T>;
  /** Looks for what the attempt would have created; GitHub may have done it before the response got lost. */
  findExisting: () => Promise<T | undefined>;
  what: string;
  log: (message: string) => void;
  sleep?: (ms: number) => Promise<void>;
  /** Wait before checking when GitHub gave no retry-after. */
  defaultDelayMs?: number;
}

export interface PostOutcome<T> {
  result: T;
  /** The first attempt failed but had in fact landed. */
  recovered: boolean;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends a non-idempotent POST at most twice, and the second time only after
 * checking that the first did not land: a 5xx or a dropped connection says
 * nothing about whether GitHub created the comment. Refusals that a retry
 * cannot fix (403, 404, 422) are thrown to the caller at once.
 */
export async function postOnce<T>(options: PostOnceOptions<T>): Promise<PostOutcome<T>> {
  const sleep = options.sleep ?? sleepFor;
  try {
    return { result: await options.attempt(), recovered: false };
  } catch (error) {
    const failure = classifyFailure(error);
    if (failure.kind !== 'transient' && failure.kind !== 'rate-limited') throw error;
    await sleep(delayMs(failure, options.defaultDelayMs ?? 2000));
    const existing = await options.findExisting();
    if (existing !== undefined) {
      options.log(`${options.what}: the request failed (${describe(failure)}) but GitHub had carried it out; not sending it again.`);
      return { result: existing, recovered: true };
    }
    options.log(`${options.what}: the request failed (${describe(failure)}) and nothing was created; sending it once more.`);
    return { result: await options.attempt(), recovered: false };
  }
}

function delayMs(failure: Failure, fallback: number): number {
  // A long retry-after on a review is not worth holding the job for: give up on the second try instead.
  return failure.retryAfter !== undefined ? Math.min(failure.retryAfter, 120) * 1000 : fallback;
}

function describe(failure: Failure): string {
  return failure.status === undefined ? failure.message : `HTTP ${failure.status}`;
}
