/**
 * Two builds side by side, alternated, so the machine's drift falls on both alike:
 *   node bench/compare-builds.mjs <a> <b> check|diff <repository> [format] [pairs]
 * <a> and <b> are git revisions (their committed dist/ is used; dist/ always equals a fresh
 * build, CI checks it) or `.` for this working tree's dist/. Each pair runs both builds once,
 * in alternating order, through bench/measure.mjs (a fresh process each), and the summary gives
 * medians and ranges of wall clock, CPU time and peak RSS, and whether the reports have the
 * same size. A diff repository is one of the bench's git repositories (see bench/run.ts).
 * Prints figures only; nothing here passes or fails.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [a, b, mode, repository, format = 'json', pairsArg = '4'] = process.argv.slice(2);
if (!a || !b || (mode !== 'check' && mode !== 'diff') || !repository) {
  process.stderr.write('usage: node bench/compare-builds.mjs <rev|.> <rev|.> check|diff <repository> [format] [pairs]\n');
  process.exit(2);
}
const pairs = Number(pairsArg);

/**
 * The CLI of a build: this tree's, or a revision's committed bundles in a folder of their own. A build from before
 * dist/cli-main.js starts node once, whatever node it runs on (no relaunch, see src/adapters/node-relaunch.ts), so
 * measure.mjs is told not to start that way for it.
 */
function cliOf(revision, scratch) {
  if (revision === '.') return { cli: join(root, 'dist/cli.js'), env: {} };
  const dir = mkdtempSync(join(scratch, 'build-'));
  // Builds since the launcher split have dist/cli-main.js beside dist/cli.js; earlier ones do not.
  for (const bundle of ['cli.js', 'cli-main.js', 'load-worker.js']) {
    const spec = `${revision}:dist/${bundle}`;
    try {
      execFileSync('git', ['cat-file', '-e', spec], { cwd: root, stdio: 'ignore' });
    } catch {
      continue;
    }
    writeFileSync(join(dir, bundle), execFileSync('git', ['show', spec], { cwd: root, maxBuffer: 1 << 28 }));
  }
  const launcher = existsSync(join(dir, 'cli-main.js'));
  return { cli: join(dir, 'cli.js'), env: launcher ? {} : { SERVICEENTRY_GUARD_RELAUNCH: '0' } };
}

function run({ cli, env }) {
  const out = execFileSync(process.execPath, [join(root, 'bench/measure.mjs'), mode, resolve(repository), format], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env, BENCH_CLI: cli },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return JSON.parse(out.trim().split('\n').pop());
}

const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
const range = (values) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;

const scratch = mkdtempSync(join(tmpdir(), 'seg-compare-'));
try {
  const builds = [a, b].map((revision) => ({ revision, start: cliOf(revision, scratch), runs: [] }));
  for (let pair = 0; pair < pairs; pair++) {
    for (const build of pair % 2 === 0 ? builds : [...builds].reverse()) {
      const result = run(build.start);
      build.runs.push(result);
      process.stdout.write(`${build.revision}\t${result.ms.toFixed(0)} ms\t${result.cpuMs.toFixed(0)} ms CPU\t${result.peakRssMb.toFixed(0)} MB\t${result.reportBytes} bytes\texit ${result.exitCode}\n`);
    }
  }
  for (const { revision, runs } of builds) {
    const ms = runs.map((r) => r.ms);
    const cpu = runs.map((r) => r.cpuMs);
    const rss = runs.map((r) => r.peakRssMb);
    process.stdout.write(`${revision}: wall median ${median(ms).toFixed(0)} ms (${range(ms)}), CPU median ${median(cpu).toFixed(0)} ms (${range(cpu)}), peak RSS ${range(rss)} MB\n`);
  }
  const sizes = new Set(builds.flatMap((build) => build.runs.map((r) => r.reportBytes)));
  process.stdout.write(sizes.size === 1 ? 'reports: same size in every run\n' : `reports: sizes differ (${[...sizes].join(', ')} bytes)\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
