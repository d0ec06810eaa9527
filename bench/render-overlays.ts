/**
 * `node --import tsx bench/render-overlays.ts`: a Kustomize base of 1,000
 * ServiceEntries and 10 overlays (each sets its own namespace), checked end to
 * end with the real kustomize (kubectl), against the same 10,000 rendered
 * entries laid out as plain files in 10 cluster folders. Prints the medians
 * and where the time of the Kustomize run goes; asserts nothing.
 * BENCH_REPEATS (default 3), BENCH_OVERLAYS (10), BENCH_ENTRIES (1000).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readManifestFiles } from '../src/adapters/fs/read-manifests.js';
import { materializeMesh, RenderWorkspace } from '../src/adapters/materialize-mesh.js';
import { helmRenderer } from '../src/adapters/render/helm-renderer.js';
import { kustomizeRenderer } from '../src/adapters/render/kustomize-renderer.js';
import { checkRepository } from '../src/cli/repository-check.js';
import { analyze } from '../src/core/analysis/analyze.js';
import { DEFAULT_PATH_GLOBS, makePathFilter } from '../src/core/paths.js';
import { inferRepositoryPlan } from '../src/core/repository/infer-meshes.js';
import { loadMeshSources } from '../src/core/repository/load-mesh.js';

const repeats = Number(process.env['BENCH_REPEATS'] ?? 3);
const overlays = Number(process.env['BENCH_OVERLAYS'] ?? 10);
const entries = Number(process.env['BENCH_ENTRIES'] ?? 1000);
const perFile = 10;

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

function kustomizeRepo(root: string): void {
  const files: string[] = [];
  for (let f = 0; f * perFile < entries; f++) {
    const docs: string[] = [];
    for (let i = f * perFile; i < Math.min(entries, (f + 1) * perFile); i++) docs.push(entry(i));
    write(root, `base/egress-${f}.yaml`, docs.join('---\n'));
    files.push(`egress-${f}.yaml`);
  }
  write(root, 'base/kustomization.yaml', `resources:\n${files.map((f) => `  - ${f}\n`).join('')}`);
  for (let o = 0; o < overlays; o++) write(root, `overlays/o${o}/kustomization.yaml`, `namespace: team-${o}\nresources:\n  - ../../base\n`);
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
const options = (repoDir: string) => ({ paths: [], cwd: repoDir, select, configPath: undefined, fallback: { defaultNamespace: 'default', mesh: {} } });

async function endToEnd(repoDir: string): Promise<{ ms: number; entries: number; findings: number }> {
  const started = performance.now();
  const checked = await checkRepository(options(repoDir));
  if (!checked.ok) throw new Error('the synthetic repository has no config, so it cannot have config errors');
  return { ms: performance.now() - started, entries: checked.analysis.entryCount, findings: checked.analysis.findings.length };
}

/** The Kustomize run, step by step. */
async function phases(repoDir: string): Promise<Record<string, number>> {
  const t: Record<string, number> = {};
  let at = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    t[name] = (t[name] ?? 0) + now - at;
    at = now;
  };
  const read = await readManifestFiles(['.'], { filter: select, cwd: repoDir });
  lap('read files');
  const plan = inferRepositoryPlan(read.files, { defaultNamespace: 'default', mesh: {} });
  lap('infer meshes');
  const workspace = new RenderWorkspace(repoDir);
  await workspace.get();
  lap('copy repository to temp');
  const renderers = { kustomize: kustomizeRenderer(), helm: helmRenderer() };
  for (const mesh of plan.meshes) {
    const m = await materializeMesh(mesh, { files: new Map(read.files.map((f) => [f.path, f])), directory: repoDir }, { renderers, workspace });
    lap('kustomize build + map to source (10 meshes)');
    const loaded = loadMeshSources([{ files: m.files, defaultNamespace: 'default' }, ...m.groups]);
    lap('load (parse rendered docs)');
    analyze(loaded, { mesh: {} });
    lap('analyze');
  }
  await workspace.dispose();
  lap('remove temp copy');
  return t;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

const kRoot = mkdtempSync(join(tmpdir(), 'seg-bench-kustomize-'));
const pRoot = mkdtempSync(join(tmpdir(), 'seg-bench-plain-'));
try {
  kustomizeRepo(kRoot);
  plainRepo(pRoot);
  const k: number[] = [];
  const p: number[] = [];
  let kLast = { entries: 0, findings: 0 };
  let pLast = { entries: 0, findings: 0 };
  for (let r = 0; r < repeats; r++) {
    const a = await endToEnd(kRoot);
    const b = await endToEnd(pRoot);
    k.push(a.ms);
    p.push(b.ms);
    kLast = a;
    pLast = b;
  }
  console.log(`base of ${entries} entries + ${overlays} overlays (kustomize via ${process.env['PATH']?.includes('kustomize') ? 'kustomize' : 'kubectl'}), median of ${repeats}:`);
  console.log(`  kustomize repository: ${median(k).toFixed(0)} ms end to end, ${kLast.entries} entries analysed, ${kLast.findings} findings`);
  console.log(`  same entries as plain files: ${median(p).toFixed(0)} ms end to end, ${pLast.entries} entries analysed, ${pLast.findings} findings`);
  console.log(`  ratio: ${(median(k) / median(p)).toFixed(2)}x`);
  const t = await phases(kRoot);
  const total = Object.values(t).reduce((a, b) => a + b, 0);
  console.log('  where the kustomize run goes (one run):');
  for (const [name, ms] of Object.entries(t)) console.log(`    ${name}: ${ms.toFixed(0)} ms (${((100 * ms) / total).toFixed(0)}%)`);
} finally {
  rmSync(kRoot, { recursive: true, force: true });
  rmSync(pRoot, { recursive: true, force: true });
}
