/**
 * Does loading files in worker threads pay on this machine? Loads every file
 * of a repository (read + parse + read ServiceEntries, as `check` does) on the
 * main thread (0 workers) or split over N workers whose results are posted
 * back (structured clone), and prints wall clock, CPU time (all threads) and
 * peak RSS as one JSON line:
 *
 *   node --import tsx bench/parse-in-workers.ts .bench/one-port-100000 2
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { loadSourceFile } from '../src/core/load/load-sources.js';
import type { LoadResult } from '../src/core/model.js';

const dir = process.argv[2]!;
const workers = Number(process.argv[3] ?? 0);
const paths: string[] = [];
const walk = (at: string): void => {
  for (const child of readdirSync(at, { withFileTypes: true })) {
    if (child.isDirectory()) {
      if (child.name !== '.git') walk(join(at, child.name));
    } else if (/\.ya?ml$/.test(child.name)) paths.push(join(at, child.name));
  }
};
walk(dir);

const started = performance.now();
const cpuStart = process.cpuUsage();
let entries = 0;
if (workers === 0) {
  for (const path of paths) entries += loadSourceFile({ path, text: readFileSync(path, 'utf8') }, { defaultNamespace: 'default' }).entries.length;
} else {
  const parts = await Promise.all(Array.from({ length: workers }, (_, w) => new Promise<LoadResult[]>((done, fail) => {
    const worker = new Worker(new URL('./workers/parse-part.mjs', import.meta.url), { workerData: { paths: paths.filter((_, i) => i % workers === w) } });
    worker.once('message', done);
    worker.once('error', fail);
  })));
  for (const part of parts) for (const result of part) entries += result.entries.length;
}
const cpu = process.cpuUsage(cpuStart);
console.log(JSON.stringify({ workers, files: paths.length, entries, wallMs: Math.round(performance.now() - started), cpuMs: Math.round((cpu.user + cpu.system) / 1000), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
