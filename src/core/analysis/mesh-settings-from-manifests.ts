import { parseAllDocuments } from 'yaml';
import type { Diagnostic, LabelSelector, MeshOptions, ServiceEntryVisibility, ServiceVisibility, SourceFile } from '../model.js';
import { parseMinor } from './istio-version.js';
import { MAY_HOLD_MESH_SETTINGS, MAY_HOLD_NAMESPACE } from '../repository/settings-files.js';

/** Where one setting was read, so a report can say why the analysis assumed it. */
export interface MeshSettingSource {
  setting: keyof MeshOptions | 'dnsCaptureByNamespace';
  value: string;
  path: string;
  /** The namespace a per-namespace setting applies to. */
  namespace?: string;
}

export interface MeshSettingsFromManifests {
  settings: Partial<MeshOptions>;
  sources: MeshSettingSource[];
  /**
   * Namespaces whose workloads disagree on DNS capture: analysed as without it, since a
   * collision still reaches the workloads that have none (never hide a finding).
   */
  mixedDnsCapture: string[];
  /** Settings written where Istio does not read them (e.g. proxy.istio.io/config on a Namespace). */
  diagnostics: Diagnostic[];
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod', 'Rollout']);
const PROXY_CONFIG_ANNOTATION = 'proxy.istio.io/config';
type Doc = Record<string, unknown>;

/**
 * Reads the mesh settings that change listeners from manifests a repository
 * holds for one mesh: MeshConfig (IstioOperator `spec.meshConfig`, the `istio`
 * ConfigMap's `mesh` key, Helm values `meshConfig`), istiod's environment
 * (`PILOT_ENABLE_IP_AUTOALLOCATE`, `PILOT_IP_AUTOALLOCATE_IPV4_PREFIX`), the
 * proxies' DNS capture (`defaultConfig.proxyMetadata.ISTIO_META_DNS_CAPTURE`,
 * ProxyConfig resources, and per workload the `proxy.istio.io/config`
 * annotation), and the Istio version a tag names. Pure: texts in, settings out;
 * what cannot be parsed is skipped, since the manifest loader reports it.
 */
export function meshSettingsFromManifests(files: readonly SourceFile[], rootNamespace = 'istio-system'): MeshSettingsFromManifests {
  const settings: Partial<MeshOptions> = {};
  const sources: MeshSettingSource[] = [];
  const byNamespace = new Map<string, Set<boolean | undefined>>();
  const explicitNamespace = new Map<string, boolean>();
  const set = <K extends keyof MeshOptions>(key: K, value: MeshOptions[K], path: string) => {
    settings[key] = value;
    sources.push({ setting: key, value: Array.isArray(value) ? value.join(',') : String(value), path });
  };

  const diagnostics: Diagnostic[] = [];
  const namespaceLabels: Record<string, Record<string, string>> = {};
  // serviceEntryVisibility selects namespaces by their labels.
  const recordLabels = (doc: Doc) => {
    const name = text(get(doc, 'metadata', 'name'));
    const labels = get(doc, 'metadata', 'labels');
    if (name) namespaceLabels[name] = isDoc(labels) ? stringValues(labels) : {};
  };
  const readMeshConfig = (mesh: unknown, path: string) => {
    if (!isDoc(mesh)) return;
    const mode = text(get(mesh, 'outboundTrafficPolicy', 'mode'))?.toUpperCase();
    if (mode === 'ALLOW_ANY' || mode === 'REGISTRY_ONLY') set('outboundTrafficPolicy', mode, path);
    const exportTo = get(mesh, 'defaultServiceExportTo');
    if (Array.isArray(exportTo) && exportTo.every((v) => typeof v === 'string') && exportTo.length > 0) set('defaultExportTo', exportTo as string[], path);
    const root = text(get(mesh, 'rootNamespace'));
    if (root) set('rootNamespace', root, path);
    const capture = flag(get(mesh, 'defaultConfig', 'proxyMetadata', 'ISTIO_META_DNS_CAPTURE'));
    if (capture !== undefined) set('dnsCapture', capture, path);
    // Before istiod's allocation controller (and still honoured, deprecated, from 1.25): the proxy-side
    // switch; with DNS capture it gives every eligible entry a VIP in every Istio version.
    const legacyAllocation = flag(get(mesh, 'defaultConfig', 'proxyMetadata', 'ISTIO_META_DNS_AUTO_ALLOCATE'));
    if (legacyAllocation === true && capture === true) set('autoAllocate', true, path);
    const visibility = readServiceEntryVisibility(get(mesh, 'serviceEntryVisibility'));
    if (visibility) {
      settings.serviceEntryVisibility = visibility;
      sources.push({ setting: 'serviceEntryVisibility', value: describeServiceEntryVisibility(visibility), path });
    }
  };
  const readIstiodEnv = (env: unknown, path: string) => {
    const pairs: Array<[string, unknown]> = Array.isArray(env)
      ? env.filter(isDoc).map((e) => [String(e['name']), e['value']])
      : isDoc(env) ? Object.entries(env) : [];
    for (const [name, value] of pairs) {
      if (name === 'PILOT_ENABLE_IP_AUTOALLOCATE') {
        const on = flag(value);
        if (on !== undefined) set('ipAutoAllocate', on, path);
      } else if (name === 'PILOT_IP_AUTOALLOCATE_IPV4_PREFIX' && text(value)) {
        set('autoAllocatePrefix', text(value)!, path);
      }
    }
  };
  const readTag = (tag: unknown, path: string) => {
    const value = text(tag);
    if (value && parseMinor(value) !== undefined) set('istioVersion', `1.${parseMinor(value)}`, path);
  };

  for (const file of files) {
    // Checked on the raw text, so the thousands of files holding only ServiceEntries are never parsed a second time.
    if (!MAY_HOLD_MESH_SETTINGS.test(file.text)) continue;
    for (const { doc, line } of documentsWithLines(file.text)) {
      const kind = text(doc['kind']);
      const metadata = isDoc(doc['metadata']) ? doc['metadata'] : {};
      const namespace = text(metadata['namespace']);
      if (kind === 'IstioOperator') {
        readMeshConfig(get(doc, 'spec', 'meshConfig'), file.path);
        readIstiodEnv(get(doc, 'spec', 'values', 'pilot', 'env'), file.path);
        readIstiodEnv(get(doc, 'spec', 'components', 'pilot', 'k8s', 'env'), file.path);
        readTag(get(doc, 'spec', 'tag'), file.path);
      } else if (kind === 'ConfigMap' && /^istio(-.+)?$/.test(text(metadata['name']) ?? '')) {
        const mesh = text(get(doc, 'data', 'mesh'));
        if (mesh) readMeshConfig(documents(mesh)[0], file.path);
      } else if (kind === 'ProxyConfig') {
        const capture = flag(get(doc, 'spec', 'environmentVariables', 'ISTIO_META_DNS_CAPTURE'));
        if (capture === undefined || get(doc, 'spec', 'selector') !== undefined) continue;
        if (!namespace || namespace === rootNamespace) set('dnsCapture', capture, file.path);
        else {
          explicitNamespace.set(namespace, capture);
          sources.push({ setting: 'dnsCaptureByNamespace', value: String(capture), path: file.path, namespace });
        }
      } else if (kind === 'Namespace') {
        recordLabels(doc);
        const annotations = get(doc, 'metadata', 'annotations');
        if (isDoc(annotations) && annotations[PROXY_CONFIG_ANNOTATION] !== undefined) {
          diagnostics.push({
            severity: 'warning',
            code: 'proxy-config-on-namespace',
            message: `proxy.istio.io/config on Namespace ${text(metadata['name']) ?? ''} has no effect: Istio reads that annotation from each pod (EffectiveProxyConfig, and the injector), not from its namespace. Put it in the pod template of each workload, or use a ProxyConfig resource in the namespace; the analysis ignores it.`,
            location: { path: file.path, line, column: 1 },
          });
        }
      } else if (kind && WORKLOAD_KINDS.has(kind)) {
        const annotations = podAnnotations(doc, kind);
        const config = annotations ? text(annotations[PROXY_CONFIG_ANNOTATION]) : undefined;
        const capture = config ? flag(get(documents(config)[0] ?? {}, 'proxyMetadata', 'ISTIO_META_DNS_CAPTURE')) : undefined;
        const ns = namespace ?? 'default';
        let seen = byNamespace.get(ns);
        if (!seen) byNamespace.set(ns, seen = new Set());
        seen.add(capture);
        if (capture !== undefined) sources.push({ setting: 'dnsCaptureByNamespace', value: String(capture), path: file.path, namespace: ns });
      } else if (!kind && !doc['apiVersion']) {
        // Helm values of the istiod chart, or of an umbrella chart that nests it.
        for (const values of [doc, get(doc, 'istiod')]) {
          if (!isDoc(values)) continue;
          readMeshConfig(values['meshConfig'], file.path);
          readIstiodEnv(get(values, 'pilot', 'env'), file.path);
          readTag(get(values, 'global', 'tag'), file.path);
        }
      }
    }
  }

  // Namespace objects in files holding no setting are parsed only when their labels can matter.
  if (settings.serviceEntryVisibility?.applyToSidecars) {
    for (const file of files) {
      if (MAY_HOLD_MESH_SETTINGS.test(file.text) || !MAY_HOLD_NAMESPACE.test(file.text)) continue;
      for (const { doc } of documentsWithLines(file.text)) if (text(doc['kind']) === 'Namespace') recordLabels(doc);
    }
  }

  const mixedDnsCapture: string[] = [];
  const dnsCaptureByNamespace: Record<string, boolean> = {};
  for (const [ns, values] of byNamespace) {
    const known = [...values].filter((v) => v !== undefined);
    if (known.length === 0) continue;
    // A workload without the annotation gets the mesh-wide value: only a namespace that agrees throughout is one consumer class.
    const all = [...values].map((v) => v ?? settings.dnsCapture ?? false);
    if (all.every((v) => v === all[0])) dnsCaptureByNamespace[ns] = all[0]!;
    else {
      mixedDnsCapture.push(ns);
      dnsCaptureByNamespace[ns] = false;
    }
  }
  for (const [ns, capture] of explicitNamespace) if (!(ns in dnsCaptureByNamespace)) dnsCaptureByNamespace[ns] = capture;
  if (Object.keys(dnsCaptureByNamespace).length > 0) settings.dnsCaptureByNamespace = dnsCaptureByNamespace;
  if (Object.keys(namespaceLabels).length > 0) settings.namespaceLabels = namespaceLabels;
  return { settings, sources, mixedDnsCapture: mixedDnsCapture.sort(), diagnostics };
}

const VISIBILITIES = new Set<ServiceVisibility>(['PUBLIC', 'NAMESPACE', 'NONE']);

/** MeshConfig.serviceEntryVisibility as Istio compiles it: UNSPECIFIED (or anything unknown) is PUBLIC. */
function readServiceEntryVisibility(value: unknown): ServiceEntryVisibility | undefined {
  if (!isDoc(value)) return undefined;
  const visibility = (v: unknown): ServiceVisibility => {
    const name = text(v)?.toUpperCase() as ServiceVisibility | undefined;
    return name && VISIBILITIES.has(name) ? name : 'PUBLIC';
  };
  const policies = Array.isArray(value['policies']) ? value['policies'].filter(isDoc) : [];
  return {
    applyToSidecars: flag(value['applyToSidecars']) === true,
    defaultVisibility: visibility(value['defaultVisibility']),
    policies: policies.map((policy) => ({
      visibility: visibility(policy['visibility']),
      // Only namespaceSelector rules exist; any other rule never matches, as in Istio.
      namespaceSelectors: (Array.isArray(policy['matchingRules']) ? policy['matchingRules'] : []).map((rule) => labelSelector(get(rule, 'namespaceSelector'))),
    })),
  };
}

function labelSelector(value: unknown): LabelSelector | undefined {
  if (!isDoc(value)) return undefined;
  const matchLabels = isDoc(value['matchLabels']) ? stringValues(value['matchLabels']) : undefined;
  const expressions = Array.isArray(value['matchExpressions']) ? value['matchExpressions'].filter(isDoc) : [];
  return {
    ...(matchLabels ? { matchLabels } : {}),
    matchExpressions: expressions.map((e) => ({ key: String(e['key'] ?? ''), operator: String(e['operator'] ?? ''), values: Array.isArray(e['values']) ? e['values'].map(String) : [] })),
  };
}

export function describeServiceEntryVisibility(v: ServiceEntryVisibility): string {
  const policies = v.policies.length === 1 ? '1 policy' : `${v.policies.length} policies`;
  return `default ${v.defaultVisibility}, ${policies}, ${v.applyToSidecars ? 'applyToSidecars' : 'not applied to sidecars'}`;
}

function stringValues(doc: Doc): Record<string, string> {
  return Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, String(v)]));
}

function podAnnotations(doc: Doc, kind: string): Doc | undefined {
  const template = kind === 'Pod' ? doc
    : kind === 'CronJob' ? get(doc, 'spec', 'jobTemplate', 'spec', 'template')
      : get(doc, 'spec', 'template');
  const annotations = get(template, 'metadata', 'annotations');
  return isDoc(annotations) ? annotations : undefined;
}

/** Each readable document with the line it starts on, for diagnostics. */
function documentsWithLines(source: string): Array<{ doc: Doc; line: number }> {
  try {
    return parseAllDocuments(source, { uniqueKeys: false })
      .filter((d) => d.errors.length === 0)
      .map((d) => ({ doc: d.toJS({ maxAliasCount: 100 }) as unknown, line: lineAt(source, d.range[0]) }))
      .filter((d): d is { doc: Doc; line: number } => isDoc(d.doc));
  } catch {
    return [];
  }
}

function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) line++;
  return line;
}

function documents(source: string): Doc[] {
  try {
    return parseAllDocuments(source, { uniqueKeys: false })
      .filter((d) => d.errors.length === 0)
      .map((d) => d.toJS({ maxAliasCount: 100 }) as unknown)
      .filter(isDoc);
  } catch {
    return [];
  }
}

function get(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isDoc(current)) return undefined;
    current = current[key];
  }
  return current;
}

function isDoc(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** Istio reads these as strings ("true"); YAML may give a boolean. */
function flag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const t = text(value)?.trim().toLowerCase();
  return t === 'true' ? true : t === 'false' ? false : undefined;
}
