import { limitHeapGrowth, REVIEW_HEAP_GROWING_PERCENT } from '../adapters/heap-growth.js';
import { actionsCoreIo } from './io.js';
import { loadWorkerScript } from '../adapters/load/parallel-load.js';
import { run } from './run.js';

// Before any real work: the growing factor applies from the next full collection on. Every run is a review.
limitHeapGrowth(REVIEW_HEAP_GROWING_PERCENT);

try {
  const result = await run({ env: process.env, io: actionsCoreIo, loadWorkerScript: loadWorkerScript(import.meta.url) });
  process.exitCode = result.exitCode;
} catch (error) {
  // Anything unexpected still fails the check, with a message and no stack full of context.
  actionsCoreIo.setFailed(`ServiceEntry Guard stopped: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
