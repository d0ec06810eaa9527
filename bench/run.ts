/**
 * `npm run bench`: synthetic GitOps repositories of 1k, 10k and 100k
 * ServiceEntries (realistic, and the adversarial case of every entry on one
 * port), each timed end to end beside a bare js-yaml parse of the same files
 * in the same run, with each side's peak memory. Prints figures; asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticRepo, type Shape } from './synthetic-repo.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, '.bench');
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const shapes: Shape[] = ['realistic', 'one-port'];
const repeats = Number(process.env.BENCH_REPEATS ?? 3);

interface Sample { ms: number; peakRssMb: number; findings: number }

function measure(mode: 'bare' | 'ours', dir: string): Sample {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'bench/measure.ts'), mode, dir], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as Sample;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const rows: Array<{ shape: Shape; size: number; bare: number; ours: number; ratio: number; bareMb: number; oursMb: number; findings: number; mb: number }> = [];
for (const shape of shapes) {
  for (const size of sizes) {
    const dir = join(work, `${shape}-${size}`);
    rmSync(dir, { recursive: true, force: true });
    let bytes = 0;
    for (const file of syntheticRepo(size, shape)) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), file.text);
      bytes += file.text.length;
    }
    const bare: Sample[] = [];
    const ours: Sample[] = [];
    for (let i = 0; i < repeats; i++) {
      bare.push(measure('bare', dir));
      ours.push(measure('ours', dir));
    }
    const row = {
      shape, size,
      bare: median(bare.map((s) => s.ms)), ours: median(ours.map((s) => s.ms)),
      ratio: 0,
      bareMb: Math.max(...bare.map((s) => s.peakRssMb)), oursMb: Math.max(...ours.map((s) => s.peakRssMb)),
      findings: ours[0]!.findings, mb: bytes / 1e6,
    };
    row.ratio = row.ours / row.bare;
    rows.push(row);
    console.log(`${shape.padEnd(9)} ${String(size).padStart(6)} entries ${row.mb.toFixed(1).padStart(5)} MB  js-yaml ${row.bare.toFixed(0).padStart(6)} ms  ours ${row.ours.toFixed(0).padStart(6)} ms  ratio ${row.ratio.toFixed(2)}  peak RSS js-yaml ${row.bareMb.toFixed(0)} MB, ours ${row.oursMb.toFixed(0)} MB  findings ${row.findings}`);
  }
}
for (const shape of shapes) {
  const at = (n: number) => rows.find((r) => r.shape === shape && r.size === n);
  const big = at(100000);
  const mid = at(10000);
  if (big && mid) console.log(`${shape}: 100k/10k time ratio ${(big.ours / mid.ours).toFixed(2)}`);
}
console.log(`node ${process.version}, ${repeats} runs each, median time, max peak RSS; Linux maxRSS of the measuring process.`);
