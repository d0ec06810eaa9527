/**
 * One measurement in a fresh process, so peak memory is this mode's alone:
 *   bare: the floor, the fastest honest read + parse we can write: a synchronous
 *         walk, readFileSync and js-yaml loadAll of every manifest (a file over 64 KB
 *         in pieces, see parseInPieces), nothing more;
 *   bare-threads: the same split over one thread per core (ours parses in worker
 *         threads too when a repository is large and there are cores to spare);
 *   check FORMAT: the CLI's `check` (read, load, analyse, write the report to a file);
 *   diff FORMAT: the CLI's `diff --base main --head pr` in a git repository, fixes included.
 * Ours is the built CLI, dist/cli.js, exactly as users run it (build after changing src/).
 * Plain JavaScript run by plain node, so neither side carries a TypeScript loader's thread
 * and heap. Prints one JSON line: { mode, ms, cpuMs, peakRssMb, exitCode, reportBytes }.
 * cpuMs is the process's CPU time (all threads): on a machine busy with other work it
 * stays near what an idle machine's wall clock would show, where the wall clock does not.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import * as jsYaml from 'js-yaml';

// A thread of the `bare-threads` floor: parses its share of the files and says how many it did.
// Ours runs as dist/cli.js starts it: under Node 24 and later it starts node again with a 16 MB semi-space
// (src/adapters/node-relaunch.ts). Imported in-process below it would replace this measuring process, so the
// measurement starts that way itself first, and the CLI then finds the flag and runs on (its 20–30 ms second
// start is left out of `ms`). The rule repeats src/adapters/node-relaunch.ts's, which plain node cannot import.
/** The size of the pieces a large file is parsed in (see parseInPieces). */
const PIECE = 64 * 1024;
const [measuredMode] = process.argv.slice(2);
if (isMainThread && (measuredMode === 'check' || measuredMode === 'diff') && typeof process.execve === 'function'
  && Number(process.versions.node.split('.')[0]) >= 24 && process.env.SERVICEENTRY_GUARD_RELAUNCH !== '0'
  && !/--max[-_](?:semi[-_]space[-_]size|heap[-_]size)/.test([...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' '))) {
  process.execve(process.execPath, [process.execPath, '--max-semi-space-size=16', ...process.execArgv, ...process.argv.slice(1)], process.env);
}

if (!isMainThread) {
  for (const path of workerData.paths) parseInPieces(readFileSync(path, 'utf8'));
  for (const path of workerData.large) parseInPieces(readFileSync(path, 'utf8'), workerData.thread, workerData.threads);
  parentPort.postMessage(workerData.paths.length);
} else {
  await measure();
}

/**
 * js-yaml's loadAll of a file, a large one in pieces of about 64 KB cut before lines at the left edge (a document
 * marker, a top-level key, an item of a List whose items start there), which the bench's files parse the same
 * way in. One long parse costs more per character the longer its text (what it builds lives until it ends, and
 * every young-generation collection copies it again): the loader reads large files in parts of 64 KB for that,
 * and the floor does no less. Files under 64 KB, every file of the bench's other shapes, are one piece.
 */
function parseInPieces(text, thread = 0, threads = 1) {
  if (text.length <= PIECE) return void jsYaml.loadAll(text);
  let start = 0;
  let piece = 0;
  // Of a large file's pieces, each of `threads` threads parses every `threads`-th (bare-threads).
  const parse = (end) => {
    if (piece++ % threads === thread) jsYaml.loadAll(text.slice(start, end));
    start = end;
  };
  for (let at = text.indexOf('\n'); at >= 0 && at + 1 < text.length; at = text.indexOf('\n', at + 1)) {
    const next = text.charCodeAt(at + 1);
    const leftEdge = next !== 0x20 && next !== 0x23 && next !== 0x0a && next !== 0x0d && next !== 0x09;
    if (leftEdge && at + 1 - start >= PIECE) parse(at + 1);
  }
  parse(text.length);
}

async function measure() {
  const [mode, dir, format = 'json'] = process.argv.slice(2);
  const report = join(tmpdir(), `seg-bench-${process.pid}.out`);
  // BENCH_CLI: another build's bundle (bench/compare-builds.mjs); its load worker must sit beside it.
  const CLI = process.env.BENCH_CLI ?? fileURLToPath(new URL('../dist/cli.js', import.meta.url));
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  let exitCode = 0;
  if (mode === 'bare') {
    // The files the tool reads by default (**/*.yaml, **/*.yml), skipping .git as it does (a diff run's repository has one).
    const walk = (at) => {
      for (const child of readdirSync(at, { withFileTypes: true })) {
        if (child.isDirectory()) {
          if (child.name !== '.git') walk(join(at, child.name));
        } else if (child.name.endsWith('.yaml') || child.name.endsWith('.yml')) {
          parseInPieces(readFileSync(join(at, child.name), 'utf8'));
        }
      }
    };
    walk(dir);
  } else if (mode === 'bare-threads') {
    // The same floor spread over every core: this thread and one worker per other core each parse a share of
    // the files and keep nothing, so no result travels between threads. The floor for a tool that parses in threads.
    // A file over a piece (a cluster's export) is read by every thread, each parsing a share of its pieces, as ours
    // shares a large file's parts.
    const paths = [];
    const large = [];
    const walk = (at) => {
      for (const child of readdirSync(at, { withFileTypes: true })) {
        if (child.isDirectory()) {
          if (child.name !== '.git') walk(join(at, child.name));
        } else if (child.name.endsWith('.yaml') || child.name.endsWith('.yml')) {
          const path = join(at, child.name);
          (statSync(path).size > PIECE ? large : paths).push(path);
        }
      }
    };
    walk(dir);
    const threads = availableParallelism();
    const share = (t) => paths.filter((_, i) => i % threads === t);
    const workers = Array.from({ length: threads - 1 }, (_, w) => new Promise((resolve, reject) => {
      const worker = new Worker(new URL(import.meta.url), { workerData: { paths: share(w + 1), large, thread: w + 1, threads } });
      worker.once('message', () => resolve(worker.terminate()));
      worker.once('error', reject);
    }));
    for (const path of share(0)) parseInPieces(readFileSync(path, 'utf8'));
    for (const path of large) parseInPieces(readFileSync(path, 'utf8'), 0, threads);
    await Promise.all(workers);
  } else {
    // Importing the CLI runs the command to the end: its entry point first sets the process up (the heap growth cap among others).
    const args = mode === 'check'
      ? ['check', dir, '--format', format, '--output', report]
      : ['diff', '--base', 'main', '--head', 'pr', '--format', format, '--output', report];
    if (mode === 'diff') process.chdir(dir);
    process.argv = [process.argv[0], CLI, ...args];
    await import(CLI);
    exitCode = Number(process.exitCode ?? 0);
    // The measurement itself succeeded whatever the CLI's verdict: the exit code travels in the JSON line.
    process.exitCode = 0;
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  let reportBytes = 0;
  try {
    reportBytes = statSync(report).size;
    rmSync(report);
  } catch {
    // bare writes no report
  }
  process.stdout.write(`${JSON.stringify({ mode, ms, cpuMs: (cpu.user + cpu.system) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024, exitCode, reportBytes })}\n`);
}
