import { limitHeapGrowth, REVIEW_HEAP_GROWING_PERCENT } from '../adapters/heap-growth.js';
import { isLoadWorker, runLoadWorker } from '../adapters/load/load-worker.js';
import { actionsCoreIo } from './io.js';
import { run } from './run.js';

// The load workers of a large repository run this same file (see src/adapters/load/parallel-load.ts).
if (isLoadWorker()) runLoadWorker();
else await main();

async function main(): Promise<void> {
  // Before any real work: the growing factor applies from the next full collection on. Every run is a review.
  limitHeapGrowth(REVIEW_HEAP_GROWING_PERCENT);
  try {
    const result = await run({ env: process.env, io: actionsCoreIo, loadWorkerScript: new URL(import.meta.url) });
    process.exitCode = result.exitCode;
  } catch (error) {
    // Anything unexpected still fails the check, with a message and no stack full of context.
    actionsCoreIo.setFailed(`ServiceEntry Guard stopped: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
