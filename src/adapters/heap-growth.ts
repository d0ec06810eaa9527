import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 may grow the heap past what the last full collection kept, in percent.
 *
 * Left alone, V8 sets the next collection's limit at up to four times the live heap when
 * collections are cheap next to the program's own work (they are here: one pass over mostly
 * new objects), so a 100k-entry `check` whose live heap stays under ~200 MB peaked at
 * 510–590 MB of RSS, most of it garbage no collection had yet been asked for. A CI runner
 * shares its memory with the build it checks, and the budget (≤ 400 MB at 100k entries) is
 * about what the tool needs, not V8's appetite. Each cap costs more full collections, whose
 * marking is proportional to the live heap (measured on 2 cores, 100k entries, /usr/bin/time):
 *  - `check` at 25%: 350–380 MB for 8–12% more CPU time (50% stayed near 400 MB);
 *  - a review (`diff`, the action) holds two sides and their fix checks, so its live heap is
 *    larger and the same cap costs more: at 25% the one-port review took 17–24% more CPU
 *    (835–866 → 527–550 MB), at 50% 7% more (612–627 MB). Reviews take 50%.
 */
export const CHECK_HEAP_GROWING_PERCENT = 25;
export const REVIEW_HEAP_GROWING_PERCENT = 50;
/**
 * `check` while it loads: nearly everything allocated then stays alive until the files' texts are let go,
 * so collections find little to free, and their marking competes with the load workers for the cores. It
 * switches to CHECK_HEAP_GROWING_PERCENT before the collection that follows the load (collect-loading-garbage),
 * which sizes the heap for the analysis. Alternated runs at 100k, JSON, 2 cores (medians of three):
 * realistic 6.85 -> 6.76 s, one-port 6.80 -> 6.61 s, 300 Sidecars 7.90 -> 7.55 s, peak RSS alike
 * (372-383 MB for the Sidecars shape). 50% throughout was faster still (6.47, 6.39 s) but took the
 * Sidecars shape to 430-436 MB.
 */
export const CHECK_LOAD_HEAP_GROWING_PERCENT = 50;

const FLAG = '--heap-growing-percent';
/** V8 reads `_` and `-` in flag names alike. */
const SPELLINGS = [FLAG, '--heap_growing_percent'];

/**
 * Called first by the CLI and the action. A process started with its own factor
 * (`node --heap-growing-percent=N`) keeps it: explicit wins.
 */
export function limitHeapGrowth(percent: number, execArgv: readonly string[] = process.execArgv, setFlags: (flags: string) => void = setFlagsFromString): void {
  if (execArgv.some((arg) => SPELLINGS.some((spelling) => arg.startsWith(spelling)))) return;
  setFlags(`${FLAG}=${percent}`);
}
