/**
 * Inference builds meshes from the files that hold ServiceEntries and
 * Sidecars; the files that say how the mesh runs (IstioOperator, the istio
 * ConfigMap, Helm values, ProxyConfig, workloads with proxy.istio.io/config)
 * usually sit elsewhere. This gives each inferred mesh the settings files
 * that belong to it, so its analysis reads them: with one mesh, all of them;
 * with several, those under a folder named after the mesh. A config file's
 * meshes select their own files and are left as they are.
 */
import type { SourceFile } from '../model.js';
import type { RepositoryPlan } from './mesh-plan.js';

/** The cheap test the settings reader applies too: a file that names none of these holds no mesh setting. */
export const MAY_HOLD_MESH_SETTINGS = /IstioOperator|ProxyConfig|proxy\.istio\.io\/config|meshConfig|PILOT_(?:ENABLE_IP_AUTOALLOCATE|IP_AUTOALLOCATE_IPV4_PREFIX)|\bmesh\s*:/;
/**
 * Namespace objects: their labels matter only to MeshConfig serviceEntryVisibility, so the settings
 * reader parses these files only when a mesh sets it; inference still hands them to the mesh.
 */
export const MAY_HOLD_NAMESPACE = /kind:\s*["']?Namespace\b/;

export function withSettingsFiles(plan: RepositoryPlan, files: readonly SourceFile[]): RepositoryPlan {
  if (plan.origin === 'config' || plan.meshes.length === 0) return plan;
  const inputs = new Set(plan.meshes.flatMap((m) => m.inputs.flatMap((i) => (i.kind === 'files' ? i.paths : []))));
  // Rendered inputs already carry their own files; a file of ours belongs to inference, which placed it.
  const rendered = plan.meshes.flatMap((m) => m.inputs.flatMap((i) => (i.kind === 'kustomize' ? [i.root] : i.kind === 'helm' ? [i.chart] : [])));
  const candidates = files.filter((f) => !inputs.has(f.path)
    && !rendered.some((dir) => dir === '' || f.path.startsWith(`${dir}/`))
    && !f.text.includes('ServiceEntry') && !f.text.includes('Sidecar')
    && (MAY_HOLD_MESH_SETTINGS.test(f.text) || MAY_HOLD_NAMESPACE.test(f.text))).map((f) => f.path);
  if (candidates.length === 0) return plan;
  const meshes = plan.meshes.map((mesh) => {
    const own = plan.meshes.length === 1 ? candidates : candidates.filter((p) => p.split('/').slice(0, -1).includes(mesh.name));
    return own.length === 0 ? mesh : { ...mesh, inputs: [...mesh.inputs, { kind: 'files' as const, paths: own }] };
  });
  return { ...plan, meshes };
}
