import { CHECK_LOAD_HEAP_GROWING_PERCENT, limitHeapGrowth, REVIEW_HEAP_GROWING_PERCENT } from '../adapters/heap-growth.js';
import { loadWorkerScript } from '../adapters/load/parallel-load.js';
import { timingsFromEnvironment } from './phase-timings.js';
import { EXIT_USAGE, runCli } from './run-cli.js';

// Before any real work: the growing factor applies from the next full collection on. A review holds two sides;
// a check loads at this cap and analyses at a tighter one (see checkRepository). The command is usually the first
// word; when an option's value comes first the check's loading cap applies, the same as a review's.
const reviews = process.argv.slice(2).find((arg) => !arg.startsWith('-')) === 'diff';
limitHeapGrowth(reviews ? REVIEW_HEAP_GROWING_PERCENT : CHECK_LOAD_HEAP_GROWING_PERCENT);

// Exit 1 means "findings"; a crash must never look like one, so anything unexpected exits 2.
function crash(error: unknown): never {
  process.stderr.write(`serviceentry-guard: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(EXIT_USAGE);
}
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

// A reader that stops early (`| head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  crash(error);
});

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    loadWorkerScript: loadWorkerScript(import.meta.url),
    timings: timingsFromEnvironment(process.env),
  });
} catch (error) {
  crash(error);
}
