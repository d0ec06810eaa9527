/**
 * The settings one mesh is analysed with, and where each came from. What a
 * person states (the repository config file, a CLI flag, an action input)
 * wins; then what the mesh's own manifests say (IstioOperator, the istio
 * ConfigMap, Helm values, ProxyConfig, proxy.istio.io/config on workloads);
 * then the Istio version's defaults. Pure: the manifests are already read.
 */
import { DEFAULT_MESH_OPTIONS, type Diagnostic, type MeshOptions, type SourceFile } from '../model.js';
import type { MeshSettings } from '../repository/mesh-plan.js';
import { DEFAULT_ISTIO_VERSION, istioProfile } from './istio-version.js';
import { describeServiceEntryVisibility, meshSettingsFromManifests, type MeshSettingSource } from './mesh-settings-from-manifests.js';

/** One setting the analysis used, its value, and who said so: a reader can check each. */
export interface SettingOrigin {
  setting: string;
  value: string;
  /** A config file place, `command line or action input`, a manifest path, or `default`. */
  source: string;
}

export interface ResolvedMeshSettings {
  settings: MeshSettings;
  origins: SettingOrigin[];
  diagnostics: Diagnostic[];
}

const STATED = 'command line or action input';
/** Settings a report lists even when nobody set them, so the defaults it assumed are visible. */
const LISTED: ReadonlyArray<keyof MeshOptions> = ['istioVersion', 'outboundTrafficPolicy', 'dnsCapture', 'ipAutoAllocate', 'autoAllocate', 'autoAllocatePrefix', 'defaultExportTo', 'rootNamespace'];

export function resolveMeshSettings(stated: MeshSettings, files: readonly SourceFile[]): ResolvedMeshSettings {
  const explicit = stated.mesh;
  let found = meshSettingsFromManifests(files, explicit.rootNamespace ?? DEFAULT_MESH_OPTIONS.rootNamespace);
  // A root namespace the manifests set decides which ProxyConfig is mesh-wide: read once more with it.
  if (explicit.rootNamespace === undefined && found.settings.rootNamespace !== undefined && found.settings.rootNamespace !== DEFAULT_MESH_OPTIONS.rootNamespace) {
    found = meshSettingsFromManifests(files, found.settings.rootNamespace);
  }
  const fromManifests = found.settings;
  const mesh: Partial<MeshOptions> = { ...fromManifests, ...explicit };
  // Per namespace, the manifests' word stands unless the stated settings name that namespace too.
  if (fromManifests.dnsCaptureByNamespace || explicit.dnsCaptureByNamespace) {
    mesh.dnsCaptureByNamespace = { ...fromManifests.dnsCaptureByNamespace, ...explicit.dnsCaptureByNamespace };
  }

  const manifestSource = new Map<string, MeshSettingSource>();
  for (const s of found.sources) if (s.setting !== 'dnsCaptureByNamespace') manifestSource.set(s.setting, s);
  const profile = istioProfile(mesh.istioVersion);
  const origins: SettingOrigin[] = [];
  for (const key of LISTED) {
    const value = mesh[key];
    const source = key in explicit && explicit[key] !== undefined
      ? stated.origins?.[key] ?? STATED
      : manifestSource.get(key)?.path ?? 'default';
    origins.push({ setting: key, value: value === undefined ? defaultValue(key, profile.label) : show(value), source });
  }
  if (mesh.serviceEntryVisibility) {
    const stating = explicit.serviceEntryVisibility !== undefined;
    const inert = profile.serviceEntryVisibility ? '' : ` (no effect on sidecars before Istio 1.31; analysed as Istio ${profile.label})`;
    origins.push({
      setting: 'serviceEntryVisibility',
      value: `${describeServiceEntryVisibility(mesh.serviceEntryVisibility)}${inert}`,
      source: stating ? stated.origins?.serviceEntryVisibility ?? STATED : manifestSource.get('serviceEntryVisibility')?.path ?? 'default',
    });
  }
  for (const [ns, capture] of Object.entries(mesh.dnsCaptureByNamespace ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    const stating = explicit.dnsCaptureByNamespace?.[ns] !== undefined;
    const where = stating ? STATED : found.sources.filter((s) => s.setting === 'dnsCaptureByNamespace' && s.namespace === ns).map((s) => s.path);
    const mixed = found.mixedDnsCapture.includes(ns) && !stating;
    origins.push({
      setting: `dnsCapture[${ns}]`,
      value: mixed ? 'false (its workloads disagree; analysed as without, so no collision is hidden)' : show(capture),
      source: typeof where === 'string' ? where : [...new Set(where)].join(', '),
    });
  }
  return { settings: { ...stated, mesh }, origins, diagnostics: found.diagnostics };
}

/** The manifests of a materialized mesh: plain files and rendered groups alike. */
export function meshManifestFiles(files: readonly SourceFile[], groups: ReadonlyArray<{ files: readonly SourceFile[] }> | undefined): SourceFile[] {
  return groups && groups.length > 0 ? [...files, ...groups.flatMap((g) => g.files)] : [...files];
}

/**
 * Lines for logs, one per mesh whose settings someone or something set, each with its
 * source; defaults are left out (the JSON report's `meshes[].settings` lists them too).
 */
export function settingLines(meshes: ReadonlyArray<{ name: string; settings?: readonly SettingOrigin[] }> | undefined): string[] {
  const lines: string[] = [];
  for (const mesh of meshes ?? []) {
    const set = (mesh.settings ?? []).filter((o) => o.source !== 'default');
    if (set.length > 0) lines.push(`Mesh ${mesh.name} settings: ${set.map((o) => `${o.setting}=${o.value} (${o.source})`).join('; ')}.`);
  }
  return lines;
}

function defaultValue(key: keyof MeshOptions, version: string): string {
  switch (key) {
    case 'istioVersion': return DEFAULT_ISTIO_VERSION;
    case 'outboundTrafficPolicy': return 'ALLOW_ANY';
    case 'dnsCapture': return 'false';
    case 'ipAutoAllocate': return `${istioProfile(version).allocationOnByDefault} (Istio ${version} default)`;
    case 'autoAllocatePrefix': return '240.240.0.0/16';
    default: return show(DEFAULT_MESH_OPTIONS[key]);
  }
}

function show(value: unknown): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}
