import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Called between loading a repository and analysing it, once nothing the
 * analysis reads holds the files' texts any more: lets the event loop turn,
 * then asks V8 for one full collection.
 *
 * - The turn: after a load with workers, 38 MB more stays reachable until the
 *   event loop turns once. At 100k entries the live heap at the start of the
 *   analysis was 133 MB without the turn, 95 MB with it; without load workers it
 *   was 95 MB either way. What holds it was not pinned down: removing the
 *   workers' listeners did not release it, the turn did.
 * - The collection: V8 sizes the next collection's limit from the live heap the
 *   last one found, and the last one ran while the texts were still alive, so
 *   the analysis could fill the heap far past what it needs. One-port `check`
 *   at 100k, JSON and Markdown, alternated runs on 2 cores, peak RSS: 381–399 MB
 *   with neither, 354–401 MB with the turn alone, 373–388 MB with the collection
 *   alone, 323–365 MB with both. The collection takes about 75 ms there.
 */
export async function collectLoadingGarbage(meshes: ReadonlyArray<{ loaded: { entries: readonly unknown[] } }>): Promise<void> {
  // A small repository's heap stays far below any budget, and there the collection (and the context made to ask for
  // it) is a good part of the run: 8-14 ms of a two-entry `check` that takes 150-250 ms, 19 ms at 10k entries.
  if (meshes.reduce((sum, mesh) => sum + mesh.loaded.entries.length, 0) < COLLECT_MIN_ENTRIES) return;
  await new Promise<void>((resolve) => setImmediate(resolve));
  fullCollection()?.();
}

/** Fewer entries than this are analysed without the collection: at 10k, peak RSS was 119-121 MB with it, 125-129 MB without. */
export const COLLECT_MIN_ENTRIES = 10_000;

let collector: (() => void) | undefined | null = null;

/**
 * V8's `gc()`: the global one when node was started with --expose-gc, otherwise one from a fresh
 * context after turning the flag on (a context gets `gc` when it is created under the flag, the way
 * jest's leak detector gets it). Undefined where neither works; the analysis then just runs.
 */
function fullCollection(): (() => void) | undefined {
  if (collector !== null) return collector;
  const global = (globalThis as { gc?: unknown }).gc;
  if (typeof global === 'function') return (collector = global as () => void);
  try {
    setFlagsFromString('--expose-gc');
    const exposed: unknown = runInNewContext('gc');
    collector = typeof exposed === 'function' ? (exposed as () => void) : undefined;
  } catch {
    collector = undefined;
  }
  return collector;
}
