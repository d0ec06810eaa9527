import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 may grow the heap past what the last full collection kept, in percent.
 *
 * Left alone, V8 sets the next collection's limit at up to four times the live heap when
 * collections are cheap next to the program's own work (they are here: one pass over mostly
 * new objects), so a 100k-entry check whose live heap stays under ~230 MB reached 515–630 MB
 * of RSS, most of it garbage no collection had yet been asked for. A CI runner shares its
 * memory with the build it checks, and the budget (≤ 400 MB at 100k entries) is about what
 * the tool needs, not V8's appetite. At 25% the same runs peaked at 380–410 MB for a few
 * more full collections, whose marking runs mostly on a helper thread; `npm run bench`
 * prints what that costs in time.
 */
export const HEAP_GROWING_PERCENT = 25;

const FLAG = '--heap-growing-percent';
/** V8 reads `_` and `-` in flag names alike. */
const SPELLINGS = [FLAG, '--heap_growing_percent'];

/**
 * Called first by the CLI and the action. A process started with its own factor
 * (`node --heap-growing-percent=N`) keeps it: explicit wins.
 */
export function limitHeapGrowth(execArgv: readonly string[] = process.execArgv, setFlags: (flags: string) => void = setFlagsFromString): void {
  if (execArgv.some((arg) => SPELLINGS.some((spelling) => arg.startsWith(spelling)))) return;
  setFlags(`${FLAG}=${HEAP_GROWING_PERCENT}`);
}
