/**
 * One measurement in a fresh process, so peak memory is this mode's alone:
 *   bare: the floor, the fastest honest read + parse we can write: a synchronous
 *         walk, readFileSync and js-yaml loadAll of every manifest, nothing more;
 *   check FORMAT: the CLI's `check` (read, load, analyse, write the report to a file);
 *   diff FORMAT: the CLI's `diff --base main --head pr` in a git repository, fixes included.
 * Ours is the built CLI, dist/cli.js, exactly as users run it (build after changing src/).
 * Plain JavaScript run by plain node, so neither side carries a TypeScript loader's thread
 * and heap. Prints one JSON line: { mode, ms, cpuMs, peakRssMb, exitCode, reportBytes }.
 * cpuMs is the process's CPU time (all threads): on a machine busy with other work it
 * stays near what an idle machine's wall clock would show, where the wall clock does not.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as jsYaml from 'js-yaml';

const [mode, dir, format = 'json'] = process.argv.slice(2);
const report = join(tmpdir(), `seg-bench-${process.pid}.out`);
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
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
        jsYaml.loadAll(readFileSync(join(at, child.name), 'utf8'));
      }
    }
  };
  walk(dir);
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
