// `node --import` hook for tests of the built CLI: counts the worker threads the process starts and prints
// the count on stderr at exit, so a test can tell work done in workers from work done on the main thread.
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  const threads = createRequire(import.meta.url)('node:worker_threads');
  const Original = threads.Worker;
  let started = 0;
  threads.Worker = class CountedWorker extends Original {
    constructor(...args) {
      super(...args);
      started++;
    }
  };
  syncBuiltinESMExports();
  process.on('exit', () => process.stderr.write(`worker threads started: ${started}\n`));
}
