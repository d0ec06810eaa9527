/**
 * `node --import tsx bench/render-overlays.ts`: a Kustomize base of 1,000
 * ServiceEntries and 10 overlays (each sets its own namespace), measured in
 * one run, repeats interleaved:
 *   - plain: `check` end to end on the same 10,000 entries laid out as plain files;
 *   - ours: `check` end to end on the Kustomize repository (real kustomize via kubectl);
 *   - kubectl alone, sequential and concurrent: `kubectl kustomize` of the 10
 *     overlays with the flags and origin annotations the tool uses, and nothing
 *     else: the floor any tool that renders with kustomize pays;
 *   - a pull request editing one overlay, and one editing the base (reviewByMesh).
 * Wall clock and CPU time (user+sys of this process and of the kustomize
 * processes it waited for) are medians; CPU time is the steadier figure on a
 * shared machine. Then one sequential pass says where the CPU time of a
 * build goes. Prints figures; asserts nothing.
 * BENCH_REPEATS (default 3), BENCH_OVERLAYS (10), BENCH_ENTRIES (1000).
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pLimit from 'p-limit';
import { readManifestFiles } from '../src/adapters/fs/read-manifests.js';
import { defaultRenderers } from '../src/adapters/materialize-mesh.js';
import { KUSTOMIZE_SAFE_FLAGS } from '../src/adapters/render/kustomize-renderer.js';
import { alignedToSource, analysedDocuments, kustomizeDocuments, SourceIndex } from '../src/adapters/render/source-mapping.js';
import { reviewByMesh } from '../src/adapters/review-by-mesh.js';
import { checkRepository } from '../src/cli/repository-check.js';
import { analyze } from '../src/core/analysis/analyze.js';
import type { SourceFile } from '../src/core/model.js';
import { DEFAULT_PATH_GLOBS, makePathFilter } from '../src/core/paths.js';
import { inferRepositoryPlan } from '../src/core/repository/infer-meshes.js';
import { loadMeshSources } from '../src/core/repository/load-mesh.js';
import type { ChangedFile } from '../src/core/review/apply-changes.js';

const repeats = Number(process.env['BENCH_REPEATS'] ?? 3);
const overlays = Number(process.env['BENCH_OVERLAYS'] ?? 10);
const entries = Number(process.env['BENCH_ENTRIES'] ?? 1000);
const perFile = 10;
const KUBECTL = '/usr/bin/kubectl';

function entry(i: number, namespace?: string): string {
  return `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: dep-${i}
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
  hosts:
    - dep-${i}.example.com
  addresses:
    - 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}
  location: MESH_EXTERNAL
  resolution: DNS
  ports:
    - number: ${[443, 5432, 6379, 9092][i % 4]}
      name: tcp-${i % 4}
      protocol: TCP
`;
}

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

const overlayKustomization = (o: number) => `namespace: team-${o}\nresources:\n  - ../../base\n`;

function kustomizeRepo(root: string): void {
  const files: string[] = [];
  for (let f = 0; f * perFile < entries; f++) {
    const docs: string[] = [];
    for (let i = f * perFile; i < Math.min(entries, (f + 1) * perFile); i++) docs.push(entry(i));
    write(root, `base/egress-${f}.yaml`, docs.join('---\n'));
    files.push(`egress-${f}.yaml`);
  }
  write(root, 'base/kustomization.yaml', `resources:\n${files.map((f) => `  - ${f}\n`).join('')}`);
  for (let o = 0; o < overlays; o++) write(root, `overlays/o${o}/kustomization.yaml`, overlayKustomization(o));
}

function plainRepo(root: string): void {
  for (let o = 0; o < overlays; o++) {
    for (let f = 0; f * perFile < entries; f++) {
      const docs: string[] = [];
      for (let i = f * perFile; i < Math.min(entries, (f + 1) * perFile); i++) docs.push(entry(i, `team-${o}`));
      write(root, `overlays/o${o}/egress-${f}.yaml`, docs.join('---\n'));
    }
  }
}

const select = makePathFilter(DEFAULT_PATH_GLOBS);
const fallback = { defaultNamespace: 'default', mesh: {} };

/** CPU milliseconds of the kustomize processes this process has waited for (Linux; 0 elsewhere). */
function childrenCpuMs(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // After "pid (comm) ": state is field 3, so cutime (16) and cstime (17) are at indexes 13 and 14.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return 0;
  }
}

interface Sample { wallMs: number; cpuMs: number }

async function measured(run: () => Promise<unknown>): Promise<Sample> {
  const cpu0 = process.cpuUsage();
  const kids0 = childrenCpuMs();
  const t0 = performance.now();
  await run();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 + childrenCpuMs() - kids0 };
}

async function check(repoDir: string): Promise<void> {
  const checked = await checkRepository({ paths: [], cwd: repoDir, select, configPath: undefined, fallback });
  if (!checked.ok) throw new Error('the synthetic repository has no config, so it cannot have config errors');
  if (checked.analysis.entryCount !== overlays * entries) throw new Error(`expected ${overlays * entries} entries, analysed ${checked.analysis.entryCount}`);
}

function kubectlKustomize(dir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(KUBECTL, ['kustomize', ...KUSTOMIZE_SAFE_FLAGS, '.'], { cwd: dir, maxBuffer: 256 * 1024 * 1024 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
}

const overlayDirs = (root: string) => Array.from({ length: overlays }, (_, o) => join(root, `overlays/o${o}`));

async function kubectlSequential(root: string): Promise<void> {
  for (const dir of overlayDirs(root)) await kubectlKustomize(dir);
}

async function kubectlConcurrent(root: string): Promise<void> {
  const limit = pLimit(availableParallelism());
  await Promise.all(overlayDirs(root).map((dir) => limit(() => kubectlKustomize(dir))));
}

async function pullRequest(baseFiles: SourceFile[], changes: ChangedFile[]): Promise<void> {
  const reviewed = await reviewByMesh({ baseFiles, changes, baseConfig: undefined, headConfig: undefined, fallback, renderers: defaultRenderers(baseFiles) });
  if (!reviewed.ok) throw new Error('no config, so no config errors');
}

/** One sequential pass over the steps of a build, each timed on its own. */
async function whereTheTimeGoes(root: string, withOrigins: string): Promise<Array<[string, number]>> {
  // CPU time (this process, plus the kustomize processes it waited for): on a shared machine the wall clock
  // of each step mostly measures the other processes.
  const cpuNow = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000 + childrenCpuMs();
  };
  const t = new Map<string, number>();
  let at = cpuNow();
  const lap = (name: string) => {
    const now = cpuNow();
    t.set(name, (t.get(name) ?? 0) + now - at);
    at = now;
  };
  const read = await readManifestFiles(['.'], { filter: select, cwd: root });
  lap('read files');
  const plan = inferRepositoryPlan(read.files, fallback);
  lap('infer meshes');
  let generalMs = 0;
  for (const dir of overlayDirs(withOrigins)) {
    const output = await kubectlKustomize(dir);
    lap(`kubectl kustomize (${overlays} builds, one at a time)`);
    const docs = kustomizeDocuments(output);
    lap('read the build output (loader\'s parser)');
    const sources = new Map<string, SourceIndex>();
    const files = docs.map((d) => {
      const path = d.originPath!.replace(/^(\.\.\/)+/, '');
      if (!sources.has(path)) sources.set(path, new SourceIndex(readFileSync(join(root, path), 'utf8')));
      return alignedToSource(d, path, sources.get(path));
    });
    lap('map entries to source lines');
    const loaded = loadMeshSources([{ files, defaultNamespace: 'default' }]);
    lap('load entries');
    analyze(loaded, { mesh: {} });
    lap('analyse');
    const g0 = cpuNow();
    analysedDocuments(output);
    generalMs += cpuNow() - g0;
    at = cpuNow();
  }
  return [...t.entries(), [`(for comparison, not in the run) the yaml editing parser on the same outputs`, generalMs], ['(meshes inferred)', plan.meshes.length]];
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
const fmt = (s: Sample) => `${(s.wallMs / 1000).toFixed(2)} s wall, ${(s.cpuMs / 1000).toFixed(2)} s CPU`;

const kRoot = mkdtempSync(join(tmpdir(), 'seg-bench-kustomize-'));
const kMeta = mkdtempSync(join(tmpdir(), 'seg-bench-kustomize-origins-'));
const pRoot = mkdtempSync(join(tmpdir(), 'seg-bench-plain-'));
try {
  kustomizeRepo(kRoot);
  plainRepo(pRoot);
  // What the tool builds: the same overlays with origin annotations asked for.
  cpSync(kRoot, kMeta, { recursive: true });
  for (let o = 0; o < overlays; o++) write(kMeta, `overlays/o${o}/kustomization.yaml`, `${overlayKustomization(o)}buildMetadata: [originAnnotations]\n`);
  const baseFiles = (await readManifestFiles(['.'], { filter: select, cwd: kRoot })).files;
  const oneOverlay: ChangedFile[] = [{ path: 'overlays/o0/kustomization.yaml', status: 'modified', headText: overlayKustomization(0).replace('team-0', 'team-0b') }];
  const baseChange: ChangedFile[] = [{ path: 'base/egress-0.yaml', status: 'modified', headText: entry(0).replace('dep-0.example.com', 'dep-0b.example.com') }];

  const modes: Array<[string, () => Promise<unknown>]> = [
    ['plain files, check end to end', () => check(pRoot)],
    ['kustomize repository, check end to end', () => check(kRoot)],
    ['kubectl kustomize alone, sequential', () => kubectlSequential(kMeta)],
    [`kubectl kustomize alone, ${availableParallelism()} at a time`, () => kubectlConcurrent(kMeta)],
    ['pull request editing one overlay (review)', () => pullRequest(baseFiles, oneOverlay)],
    ['pull request editing the base (review)', () => pullRequest(baseFiles, baseChange)],
  ];
  const samples = new Map<string, Sample[]>(modes.map(([name]) => [name, []]));
  const load0 = loadavg();
  for (let r = 0; r < repeats; r++) {
    // Rotated each repeat, so no mode always runs right after the same neighbour.
    for (let m = 0; m < modes.length; m++) {
      const [name, run] = modes[(m + r) % modes.length]!;
      const sample = await measured(run);
      samples.get(name)!.push(sample);
      process.stderr.write(`repeat ${r + 1}/${repeats}: ${name}: ${fmt(sample)}\n`);
    }
  }
  const load1 = loadavg();
  const med = new Map([...samples].map(([name, s]) => [name, { wallMs: median(s.map((x) => x.wallMs)), cpuMs: median(s.map((x) => x.cpuMs)) }]));
  const kubectlVersion = execFileSync(KUBECTL, ['version', '--client'], { encoding: 'utf8' }).split('\n').filter(Boolean).join(', ');
  console.log(`${entries} entries in a base + ${overlays} overlays (${overlays * entries} entries analysed), medians of ${repeats} interleaved runs`);
  console.log(`conditions: node ${process.version}, ${cpus().length} cores (availableParallelism ${availableParallelism()}), ${kubectlVersion}; load average ${load0.map((l) => l.toFixed(1)).join(' ')} at the start, ${load1.map((l) => l.toFixed(1)).join(' ')} at the end`);
  for (const [name, s] of med) console.log(`  ${name}: ${fmt(s)}`);
  const ours = med.get('kustomize repository, check end to end')!;
  const ratio = (other: string) => {
    const o = med.get(other)!;
    return `${(ours.wallMs / o.wallMs).toFixed(2)}x wall, ${(ours.cpuMs / o.cpuMs).toFixed(2)}x CPU`;
  };
  console.log('  kustomize repository end to end against:');
  console.log(`    the same entries as plain files: ${ratio('plain files, check end to end')}`);
  console.log(`    kubectl kustomize alone, sequential: ${ratio('kubectl kustomize alone, sequential')}`);
  console.log(`    kubectl kustomize alone, ${availableParallelism()} at a time: ${ratio(`kubectl kustomize alone, ${availableParallelism()} at a time`)}`);
  console.log('  where the CPU time of the kustomize run goes (one sequential pass):');
  const phases = await whereTheTimeGoes(kRoot, kMeta);
  const total = phases.filter(([name]) => !name.startsWith('(')).reduce((a, [, ms]) => a + ms, 0);
  for (const [name, ms] of phases) {
    if (name === '(meshes inferred)') console.log(`    ${name}: ${ms}`);
    else console.log(`    ${name}: ${ms.toFixed(0)} ms${name.startsWith('(') ? '' : ` (${((100 * ms) / total).toFixed(0)}%)`}`);
  }
} finally {
  for (const dir of [kRoot, kMeta, pRoot]) rmSync(dir, { recursive: true, force: true });
}
