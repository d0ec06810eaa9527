/**
 * `npm run bench`: synthetic GitOps repositories, each run timed end to end
 * beside the floor (a synchronous walk + readFileSync + js-yaml loadAll of the
 * same files, in the same process model: plain node, one fresh process per run), interleaved.
 * Prints a Markdown table (the README's); asserts nothing.
 *
 *   BENCH_SIZES   sizes of the realistic and one-port check runs (default 1000,10000,100000,300000)
 *   BENCH_REPEATS runs per side (default 3; the table shows medians and the largest peak RSS)
 *   BENCH_ONLY    comma-separated scenario labels to run (e.g. `check one-port 100000 json`)
 *   BENCH_TIMEOUT seconds before a run is abandoned (default 300)
 *   BENCH_DIFF_SIZE size of the repositories the diff runs use (default 100000)
 *   SERVICEENTRY_GUARD_LOAD_WORKERS load workers of ours (0: everything on the main thread); passed through
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../src/core/model.js';
import { entryCount, pullRequestFile, syntheticRepo, type Shape } from './synthetic-repo.js';
import { LOAD_WORKERS_ENV } from '../src/adapters/load/parallel-load.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, '.bench');
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000,300000').split(',').map(Number);
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const timeoutMs = Number(process.env.BENCH_TIMEOUT ?? 300) * 1000;
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());

interface Scenario { mode: 'check' | 'diff'; shape: Shape; size: number; format: string; findings?: number }
interface Sample { ms: number; cpuMs: number; peakRssMb: number; exitCode: number; reportBytes: number }

const scenarios: Scenario[] = [];
for (const shape of ['realistic', 'one-port'] as const) for (const size of sizes) scenarios.push({ mode: 'check', shape, size, format: 'json' });
for (const shape of ['realistic', 'one-port'] as const) for (const format of ['text', 'markdown']) scenarios.push({ mode: 'check', shape, size: 100_000, format });
// The same number of public entries as each wide shape below, for the "within 3×" comparison.
for (const size of [11_000, 20_000]) scenarios.push({ mode: 'check', shape: 'one-port', size, format: 'json' });
for (const size of [1_000, 10_000]) scenarios.push({ mode: 'check', shape: 'k-namespaces', size, format: 'json' });
scenarios.push({ mode: 'check', shape: 'n-namespaces', size: 10_000, format: 'json' });
scenarios.push({ mode: 'check', shape: 'sidecars', size: 100_000, format: 'json' });
// A cluster's export is one file holding one List, which the loader reads a run of items at a time; 100k entries are 33 MB.
for (const size of [30_000, 100_000]) scenarios.push({ mode: 'check', shape: 'cluster-export', size, format: 'json' });
const diffSize = Number(process.env.BENCH_DIFF_SIZE ?? 100_000);
for (const findings of [1, 5]) scenarios.push({ mode: 'diff', shape: 'realistic', size: diffSize, format: 'json', findings });
scenarios.push({ mode: 'diff', shape: 'one-port', size: diffSize, format: 'json', findings: 1 });

const label = (s: Scenario) => `${s.mode} ${s.shape} ${s.size} ${s.format}${s.findings ? ` F=${s.findings}` : ''}`;

function writeFiles(dir: string, files: readonly SourceFile[]): number {
  let bytes = 0;
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.text);
    bytes += file.text.length;
  }
  return bytes;
}

const prepared = new Map<string, number>();
function prepare(s: Scenario): { dir: string; mb: number } {
  const dir = join(work, s.mode === 'diff' ? `git-${s.shape}-${s.size}-${s.findings}` : `${s.shape}-${s.size}`);
  if (!prepared.has(dir)) {
    rmSync(dir, { recursive: true, force: true });
    let bytes = writeFiles(dir, syntheticRepo(s.size, s.shape));
    if (s.mode === 'diff') {
      const git = (...args: string[]) => execFileSync('git', ['-c', 'gc.auto=0', ...args], { cwd: dir, stdio: 'ignore' });
      git('init', '-q', '-b', 'main');
      git('add', '.');
      git('-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit', '-q', '-m', 'base');
      git('checkout', '-q', '-b', 'pr');
      bytes += writeFiles(dir, [pullRequestFile(s.findings!)]);
      git('add', '.');
      git('-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit', '-q', '-m', 'pr');
      // Packed, as a checkout on a runner is (a fetch that large keeps its pack): git inflates 10k loose objects
      // several times slower, which the floor (reading the working tree) never pays.
      git('repack', '-a', '-d', '-q');
    }
    prepared.set(dir, bytes);
  }
  return { dir, mb: prepared.get(dir)! / 1e6 };
}

function measure(args: string[]): Sample | undefined {
  try {
    const out = execFileSync(process.execPath, [join(root, 'bench/measure.mjs'), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20, timeout: timeoutMs, stdio: ['ignore', 'pipe', 'inherit'] });
    return JSON.parse(out.trim().split('\n').pop()!) as Sample;
  } catch (error) {
    process.stderr.write(`  run failed or timed out: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    return undefined;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const lines: string[] = [
  '| run | entries | size | floor (read + parse), CPU | ServiceEntry Guard, CPU | CPU ratio | wall clock: floor / threaded floor / ours | wall ratio to floor / threaded floor | peak RSS floor / ours | report |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];
// The runs the targets are about first, so an interrupted run still has them; the table keeps the order above.
const first = (s: Scenario) => (s.size === 100_000 && s.format === 'json') || s.shape === 'k-namespaces' || s.shape === 'n-namespaces' ? 0 : s.size === 300_000 ? 2 : 1;
const rows = new Map<Scenario, string>();
for (const s of [...scenarios].sort((a, b) => first(a) - first(b))) {
  if (only && !only.includes(label(s))) continue;
  if (s.mode === 'diff' && !existsSync(join(work))) mkdirSync(work, { recursive: true });
  const { dir, mb } = prepare(s);
  const bare: Sample[] = [];
  const threaded: Sample[] = [];
  const ours: Sample[] = [];
  for (let i = 0; i < repeats; i++) {
    const b = measure(['bare', dir]);
    if (b) bare.push(b);
    const t = measure(['bare-threads', dir]);
    if (t) threaded.push(t);
    const o = measure([s.mode, dir, s.format]);
    if (o) ours.push(o);
    if (!o) break;
  }
  const floor = median(bare.map((x) => x.cpuMs));
  const run = ours.length > 0 ? median(ours.map((x) => x.cpuMs)) : NaN;
  const floorWall = median(bare.map((x) => x.ms));
  const threadedWall = median(threaded.map((x) => x.ms));
  const ourWall = ours.length > 0 ? median(ours.map((x) => x.ms)) : NaN;
  const wall = `${fmt(floorWall)} / ${fmt(threadedWall)} / ${ours.length > 0 ? fmt(ourWall) : `> ${timeoutMs / 1000} s`}`;
  const wallRatios = ours.length > 0 ? `${(ourWall / floorWall).toFixed(2)} / ${(ourWall / threadedWall).toFixed(2)}` : '–';
  const name = `${s.mode} ${s.shape}${s.mode === 'check' ? ` --format ${s.format}` : `, ${s.findings} new finding${s.findings! > 1 ? 's' : ''}`}`;
  const row = `| ${name} | ${fmt(entryCount(s.shape, s.size))} | ${mb.toFixed(1)} MB | ${fmt(floor)} ms | ${ours.length > 0 ? `${fmt(run)} ms` : '–'} | ${ours.length > 0 ? (run / floor).toFixed(2) : '–'} | ${wall} ms | ${wallRatios} | ${fmt(Math.max(...bare.map((x) => x.peakRssMb)))} / ${ours.length > 0 ? fmt(Math.max(...ours.map((x) => x.peakRssMb))) : '–'} MB | ${ours.length > 0 ? `${(ours[0]!.reportBytes / 1e6).toFixed(1)} MB, exit ${ours[0]!.exitCode}` : '–'} |`;
  process.stderr.write(`${label(s)}: ${row}\n`);
  rows.set(s, row);
}
for (const s of scenarios) if (rows.has(s)) lines.push(rows.get(s)!);
console.log(lines.join('\n'));
console.log(`\nnode ${process.version}, ${availableParallelism()} cores, ${repeats} interleaved run(s) per side; CPU time (user + system, all threads) and wall clock are medians, peak RSS the largest (Linux maxRSS of the measuring process). The threaded floor parses the same files in one thread per core; ours loads large repositories in ${process.env[LOAD_WORKERS_ENV] ?? 'one worker per spare core (at most 3) besides its main thread'}${process.env[LOAD_WORKERS_ENV] !== undefined ? ` load worker(s) (${LOAD_WORKERS_ENV})` : ''}.`);
