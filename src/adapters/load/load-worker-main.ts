/**
 * Entry point of dist/load-worker.js, the bundle load workers run: only the
 * loader and its YAML parser, so a worker starts in milliseconds instead of
 * compiling the whole CLI or action first.
 */
import { isMainThread } from 'node:worker_threads';
import { runLoadWorker } from './load-worker.js';

if (isMainThread) {
  process.stderr.write('load-worker.js is started by serviceentry-guard as a worker thread, not run on its own\n');
  process.exitCode = 2;
} else {
  runLoadWorker();
}
