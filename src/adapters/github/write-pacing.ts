/**
 * The throttling plugin spaces every write 1 s apart and every
 * notification-raising write 3 s apart, from the first one on. GitHub asks
 * for that pause when an integration makes *a large number* of mutative
 * requests; a review run makes two or three (one review, one summary
 * comment, a few resolved threads), and paying 3–4 s of pauses for them
 * made a one-comment pull request wait for nothing. So the first few writes
 * go at once and only a run that keeps writing is paced.
 *
 * Shaped like the Bottleneck.Group the plugin expects (`key(id).schedule(options, job)`),
 * which is all it calls on its write and notifications limiters.
 */
export class WritePacer {
  private sent = 0;
  private last = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly freeWrites: number, private readonly gapMs: number, private readonly now: () => number = Date.now) {}

  key(): { schedule<T>(options: unknown, job: () => Promise<T>): Promise<T> } {
    return { schedule: (_options, job) => this.schedule(job) };
  }

  private schedule<T>(job: () => Promise<T>): Promise<T> {
    // One at a time, like the plugin's own write limiter (maxConcurrent 1).
    const turn = this.queue.then(async () => {
      if (this.sent >= this.freeWrites) {
        const wait = this.last + this.gapMs - this.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
      this.sent++;
      this.last = this.now();
    });
    this.queue = turn.catch(() => undefined);
    return turn.then(job);
  }
}

/** Writes (and GraphQL calls, which the plugin counts as writes) free for the first few, then GitHub's 1 s apart. */
export const pacedWrites = () => new WritePacer(4, 1000);
/** Comments and reviews raise notifications: free for the first few, then the plugin's 3 s apart. */
export const pacedNotifications = () => new WritePacer(3, 3000);
