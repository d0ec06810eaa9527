/**
 * `check` on a repository folder without a config file: infer its meshes,
 * render each mesh's Kustomize roots and charts, and analyse each mesh on its
 * own, so entries of different meshes never collide.
 *
 * Until the per-mesh analysis of the config work lands, each mesh goes through
 * the existing `analyze` and its findings are tagged with the mesh name in
 * their title (only when there is more than one mesh).
 */
import { relative, sep } from 'node:path';
import { readManifestFiles } from '../adapters/fs/read-manifests.js';
import { materializeMesh, RenderWorkspace, type Renderers } from '../adapters/materialize-mesh.js';
import { helmRenderer } from '../adapters/render/helm-renderer.js';
import { kustomizeRenderer } from '../adapters/render/kustomize-renderer.js';
import { analyze } from '../core/analysis/analyze.js';
import type { AnalysisResult, Diagnostic, MeshOptions, SourceFile } from '../core/model.js';
import { inferRepositoryPlan } from '../core/repository/infer-meshes.js';
import { loadMeshSources } from '../core/repository/load-mesh.js';
import type { RepositoryPlan } from '../core/repository/mesh-plan.js';
import { isUnder } from '../core/repository/yaml-objects.js';

export interface RepositoryCheckOptions {
  repoDir: string;
  cwd: string;
  select: (path: string) => boolean;
  defaultNamespace: string;
  mesh: Partial<MeshOptions>;
  /** Default: real kustomize/kubectl and helm from PATH. */
  renderers?: Renderers;
}

export interface RepositoryCheck {
  plan: RepositoryPlan;
  result: AnalysisResult;
  /** ServiceEntries seen only as templates or in charts that could not be rendered. */
  unrenderedServiceEntries: number;
  /** Per mesh, for callers (and the per-mesh outputs to come). */
  meshes: Array<{ name: string; result: AnalysisResult }>;
}

export async function checkRepository(options: RepositoryCheckOptions): Promise<RepositoryCheck> {
  const read = await readManifestFiles(['.'], { filter: options.select, cwd: options.repoDir });
  const plan = inferRepositoryPlan(read.files, { defaultNamespace: options.defaultNamespace, mesh: options.mesh });
  const renderers = options.renderers ?? defaultRenderers(read.files);
  const workspace = new RenderWorkspace(options.repoDir, renderers.allowRemote);
  const prefix = toPosix(relative(options.cwd, options.repoDir));
  const display = (f: SourceFile): SourceFile => (prefix ? { path: `${prefix}/${f.path}`, text: f.text } : f);
  const displayDiagnostic = (d: Diagnostic): Diagnostic => (prefix ? { ...d, location: { ...d.location, path: `${prefix}/${d.location.path}` } } : d);

  const meshes: RepositoryCheck['meshes'] = [];
  let unrendered = 0;
  const diagnostics: Diagnostic[] = [...read.diagnostics, ...plan.diagnostics].map(displayDiagnostic);
  try {
    for (const mesh of plan.meshes) {
      const materialized = await materializeMesh(mesh, options.repoDir, renderers, workspace);
      const loaded = loadMeshSources(materialized.groups.map((g) => ({ ...g, files: g.files.map(display) })));
      loaded.diagnostics.unshift(...materialized.diagnostics.map(displayDiagnostic));
      unrendered += materialized.unrenderedServiceEntries + (loaded.unrenderedServiceEntries ?? 0);
      const result = analyze(loaded, { mesh: { ...options.mesh, ...mesh.settings.mesh } });
      meshes.push({ name: mesh.name, result });
    }
  } finally {
    await workspace.dispose();
  }
  const tagged = plan.meshes.length > 1;
  const findings = meshes.flatMap((m) => m.result.findings.map((f) => (tagged ? { ...f, title: `[mesh ${m.name}] ${f.title}` } : f)));
  for (const m of meshes) diagnostics.push(...m.result.diagnostics);
  return {
    plan, meshes, unrenderedServiceEntries: unrendered,
    result: { findings, diagnostics: dedupe(diagnostics), entryCount: meshes.reduce((n, m) => n + m.result.entryCount, 0) },
  };
}

function defaultRenderers(files: readonly SourceFile[]): Renderers {
  return {
    kustomize: kustomizeRenderer(),
    helm: helmRenderer({ chartFiles: (chart) => files.filter((f) => isUnder(f.path, chart)) }),
  };
}

/** A file shared by several meshes reports its problems once. */
function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}\u0000${d.location.path}\u0000${d.location.line}\u0000${d.location.column}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
