/**
 * The data the pure core passes around. Nothing here does I/O: adapters hand
 * the core file texts, the core hands back entries, findings and diagnostics.
 */

/** A place in a source file, 1-based, as shown to people (`path:line`). */
export interface SourceLocation {
  path: string;
  line: number;
  column: number;
}

/** A file as read by an adapter (filesystem, git objects, GitHub API). */
export interface SourceFile {
  path: string;
  text: string;
}

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/** Something wrong with the input that is not a collision: it never stops the analysis. */
export interface Diagnostic {
  severity: Severity;
  code: string;
  message: string;
  location: SourceLocation;
}

export type ProtocolClass = 'HTTP' | 'TLS' | 'TCP' | 'AUTO' | 'UDP';

export type Resolution = 'NONE' | 'STATIC' | 'DNS' | 'DNS_ROUND_ROBIN' | 'DYNAMIC_DNS';

export interface PortSpec {
  number: number;
  /** Protocol as written, upper-cased; '' when unset. */
  protocol: string;
  protocolClass: ProtocolClass;
  name: string;
  location: SourceLocation;
}

/** One ServiceEntry, reduced to what decides its listeners, with where each part was written. */
export interface ServiceEntry {
  kind: 'ServiceEntry';
  /** `namespace/name`: the object's identity in the cluster. */
  ref: string;
  apiVersion: string;
  name: string;
  namespace: string;
  /** True when the namespace came from the manifest, false when it is the default input. */
  namespaceExplicit: boolean;
  hosts: string[];
  addresses: string[];
  ports: PortSpec[];
  resolution: Resolution;
  /** Effective exportTo as written (spec.exportTo, or legacy configScope); undefined means mesh default. */
  exportTo: string[] | undefined;
  hasWorkloadSelector: boolean;
  endpointCount: number;
  labels: Record<string, string>;
  /** metadata.creationTimestamp in epoch seconds when the manifest carries one (exported from a cluster). */
  creationTimestamp: number | undefined;
  location: SourceLocation;
  hostsLocation: SourceLocation;
  /** metadata.annotations["serviceentry-guard.io/ignore"] as written, for src/core/suppressions to parse. */
  ignoreAnnotation?: AnnotationValue;
  /** spec.location; undefined means unset, which Istio treats as MESH_EXTERNAL. */
  meshLocation?: 'MESH_EXTERNAL' | 'MESH_INTERNAL';
  /** status.addresses written by istiod's IP auto-allocation controller (cluster exports carry them). */
  statusAddresses?: string[];
}

/** An annotation's text and where it was written, so a bad one is reported at its line. */
export interface AnnotationValue {
  value: string;
  location: SourceLocation;
}

export interface SidecarEgress {
  /** `ns/dnsName` strings exactly as written. */
  hosts: string[];
  port: number | undefined;
  /** The egress port's protocol, upper-cased ('' when unset): Istio builds this port's listener with it. */
  protocol?: string;
}

export interface Sidecar {
  kind: 'Sidecar';
  name: string;
  namespace: string;
  hasWorkloadSelector: boolean;
  egress: SidecarEgress[];
  location: SourceLocation;
}

export interface LoadResult {
  entries: ServiceEntry[];
  sidecars: Sidecar[];
  diagnostics: Diagnostic[];
  /** ServiceEntry documents seen only as unrendered templates (Helm `{{ }}`, ytt `#@`, or a chart helm could not render). */
  unrenderedServiceEntries?: number;
}

/** The mesh settings that change how listeners come out. */
export interface MeshOptions {
  /** MeshConfig.defaultServiceExportTo; Istio's default is ["*"]. */
  defaultExportTo: string[];
  /** Sidecars in this namespace without a selector are the mesh-wide default. */
  rootNamespace: string;
  /** Consumers run DNS capture with IP auto-allocation, so eligible entries get their own VIP. */
  autoAllocate: boolean;
  /**
   * Settings the fidelity work reads (see ISTIO-SEMANTICS §4, §5, §5b, §10). Optional until each
   * is honoured; the config file and flags set them under these names.
   */
  /** Istio minor version the mesh runs, e.g. `1.30`; verdicts that differ by version follow it. */
  istioVersion?: string;
  /** MeshConfig outboundTrafficPolicy.mode. */
  outboundTrafficPolicy?: 'ALLOW_ANY' | 'REGISTRY_ONLY';
  /** Sidecars run Istio DNS capture (ISTIO_META_DNS_CAPTURE) mesh-wide. */
  dnsCapture?: boolean;
  /** PILOT_IP_AUTOALLOCATE_IPV4_PREFIX: where istiod allocates VIPs; suggested VIPs stay outside it. */
  autoAllocatePrefix?: string;
  /** A controller (e.g. Aeraki) writes spec.addresses VIPs for entries without addresses. */
  controllerManagedAddresses?: boolean;
  /** Why `controllerManagedAddresses` was inferred (no config set it), for the findings' wording. */
  controllerManagedAddressesReason?: string;
  /** istiod PILOT_ENABLE_IP_AUTOALLOCATE; unset means the version's default (on from 1.25). */
  ipAutoAllocate?: boolean;
  /** DNS capture where a namespace (or all its workloads, via proxy.istio.io/config) differs from `dnsCapture`. */
  dnsCaptureByNamespace?: Record<string, boolean>;
  /** MeshConfig.serviceEntryVisibility (Istio 1.31+): with `applyToSidecars`, caps each entry's exportTo by its namespace's visibility. */
  serviceEntryVisibility?: ServiceEntryVisibility;
  /** Labels of the Namespace objects the mesh's manifests hold, for serviceEntryVisibility's namespace selectors. */
  namespaceLabels?: Record<string, Record<string, string>>;
}

/** What a mesh administrator lets ServiceEntries of a namespace reach: everyone, their own namespace, or no one. */
export type ServiceVisibility = 'PUBLIC' | 'NAMESPACE' | 'NONE';

/** A Kubernetes label selector, as MeshConfig writes one. */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

/** MeshConfig.serviceEntryVisibility: the first policy whose rules all match an entry's namespace decides, else the default. */
export interface ServiceEntryVisibility {
  applyToSidecars: boolean;
  defaultVisibility: ServiceVisibility;
  policies: Array<{ visibility: ServiceVisibility; namespaceSelectors: Array<LabelSelector | undefined> }>;
}

export const DEFAULT_MESH_OPTIONS: MeshOptions = {
  defaultExportTo: ['*'],
  rootNamespace: 'istio-system',
  autoAllocate: false,
};

/** How a finding's rule is named in output and configuration. */
export type RuleCode =
  | 'tcp-shadowed'
  | 'tls-shadowed'
  | 'tcp-captures-tls-port'
  | 'http-tcp-sniffing'
  | 'well-known-port-protocol'
  | 'cidr-overlap'
  | 'same-host'
  | 'multi-host-tcp'
  | 'tcp-captures-port'
  | 'host-split';

export type EntryRole = 'winner' | 'shadowed' | 'undetermined';

/** An entry as it takes part in one finding. */
export interface FindingEntry {
  ref: string;
  name: string;
  namespace: string;
  hosts: readonly string[];
  protocol: string;
  /** What every namespace no manifest names (`*`) sees; for an entry only named namespaces see, the worst of its outcomes. */
  role: EntryRole;
  /** When outcomes differ by namespace: where this entry's chain is the one Envoy keeps. */
  winsFor: string[];
  /** When outcomes differ by namespace: where this entry's traffic goes elsewhere. */
  losesFor: string[];
  location: SourceLocation;
  portLocation: SourceLocation;
}

export interface Finding {
  /** Stable across line moves and membership changes: rule + listener + what the collision is about (+ the mesh, outside the default one). */
  id: string;
  /** The mesh (cluster) whose sidecars see this collision; entries of different meshes never collide. */
  mesh: string;
  /** Changes when the set of colliding entries changes. */
  membersFingerprint: string;
  rule: RuleCode;
  severity: Severity;
  listener: string;
  port: number;
  protocols: string[];
  /** Consumer namespaces whose sidecars see the collision; '*' stands for every other namespace. */
  namespaces: string[];
  entries: FindingEntry[];
  title: string;
  /** Which entry wins, why, and what happens to the traffic. */
  explanation: string;
  /** What each cure costs, best first. */
  fixes: string[];
}

export interface AnalysisResult {
  findings: Finding[];
  diagnostics: Diagnostic[];
  entryCount: number;
}

/** `namespace/name`; entries carry it precomputed, since large collisions ask on every comparison. */
export function entryRef(e: { namespace: string; name: string; ref?: string }): string {
  return e.ref ?? `${e.namespace}/${e.name}`;
}

export function formatLocation(l: SourceLocation): string {
  return `${l.path}:${l.line}`;
}
