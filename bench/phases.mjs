/**
 * Where a run of ours spends its wall clock, step by step, beside the floor of the same files:
 *   node bench/phases.mjs check|diff <repository> [runs]
 * Alternates the floor (bench/measure.mjs bare: a synchronous walk, readFileSync and js-yaml
 * loadAll, nothing else) with the built CLI (bench/measure.mjs check|diff, JSON report to a file)
 * run with SERVICEENTRY_GUARD_TIMINGS=1, which prints how long each step took; each in a fresh
 * process, `runs` times each (default 5; with an even count a median is the upper middle run).
 * Prints a Markdown table of each step's median and range and its size next to the floor's
 * median, then the floor and our wall clock.
 * A diff repository is one of the bench's git repositories (see bench/run.ts).
 * Prints figures only; nothing here passes or fails.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [mode, repository, runsArg = '5'] = process.argv.slice(2);
if ((mode !== 'check' && mode !== 'diff') || !repository) {
  process.stderr.write('usage: node bench/phases.mjs check|diff <repository> [runs]\n');
  process.exit(2);
}
const runs = Number(runsArg);

function measure(args, env = {}) {
  const run = spawnSync(process.execPath, [join(root, 'bench/measure.mjs'), ...args], {
    cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 24,
  });
  if (run.status !== 0) throw new Error(`bench/measure.mjs ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return { result: JSON.parse(run.stdout.trim().split('\n').pop()), stderr: run.stderr };
}

/** The steps of a timings line (`name N ms, ...`), in order. */
function stepsOf(stderr) {
  const line = stderr.split('\n').find((l) => l.includes('serviceentry-guard: timings: '));
  if (!line) throw new Error(`no timings line on stderr:\n${stderr}`);
  const steps = line.slice(line.indexOf('timings: ') + 'timings: '.length, line.indexOf('; total'));
  return steps.split(', ').map((step) => {
    const [, name, ms] = /^(.*) (\d+) ms$/.exec(step);
    return { name, ms: Number(ms) };
  });
}

const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
const range = (values) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;

const floors = [];
const walls = [];
const byStep = new Map();
for (let i = 0; i < runs; i++) {
  // Alternated, so the machine's drift falls on both sides alike.
  const order = i % 2 === 0 ? ['floor', 'ours'] : ['ours', 'floor'];
  for (const side of order) {
    if (side === 'floor') {
      floors.push(measure(['bare', resolve(repository)]).result.ms);
      continue;
    }
    const { result, stderr } = measure([mode, resolve(repository), 'json'], { SERVICEENTRY_GUARD_TIMINGS: '1' });
    walls.push(result.ms);
    for (const { name, ms } of stepsOf(stderr)) byStep.set(name, [...(byStep.get(name) ?? []), ms]);
  }
  process.stderr.write(`run ${i + 1}/${runs}: floor ${floors.at(-1).toFixed(0)} ms, ours ${walls.at(-1).toFixed(0)} ms\n`);
}

const floor = median(floors);
const ratio = (ms) => (ms / floor).toFixed(2);
const lines = [
  `${mode} ${repository}, ${runs} runs each, alternated (Node ${process.versions.node})`,
  '',
  '| step | median | range | × floor |',
  '| --- | ---: | ---: | ---: |',
  ...[...byStep].map(([name, values]) => `| ${name} | ${median(values).toFixed(0)} ms | ${range(values)} ms | ${ratio(median(values))} |`),
  '',
  `floor (read + parse, one thread): median ${floor.toFixed(0)} ms (${range(floors)})`,
  `ours, wall clock as the bench's table counts it: median ${median(walls).toFixed(0)} ms (${range(walls)}), ${ratio(median(walls))} × the floor`,
  // The steps run from the process's start; the bench's wall clock starts once its measuring script has loaded.
  'Steps are timed from the process\'s start, so "startup" also holds node\'s own start and the measuring script\'s loading, which the wall clock above leaves out.',
];
process.stdout.write(`${lines.join('\n')}\n`);
