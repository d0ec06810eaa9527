import type { MeshOptions } from '../model.js';

/**
 * The newest GA Istio minor this engine was checked against (ISTIO-SEMANTICS.md
 * compares master with the 1.29 and 1.30 tags; 1.31 was still a release
 * candidate). Used when the mesh names no version.
 */
export const DEFAULT_ISTIO_VERSION = '1.30';

/** One version per distinct profile below, oldest first: checking these covers every behaviour the engine models. */
export const PROFILE_VERSIONS: readonly string[] = ['1.22', '1.23', '1.24', '1.25', '1.31'];

/** What changes between Istio minors for listener building (ISTIO-SEMANTICS.md §10). */
export interface IstioProfile {
  /** Minor version number, e.g. 30 for 1.30. */
  minor: number;
  label: string;
  /** ≤1.22 broke creationTimestamp ties on the string `host.namespace`; 1.23+ on host, then namespace. */
  legacyTieBreak: boolean;
  /** 1.24+ unified sidecar scoping: a consumer prefers its own namespace's copy of a hostname. */
  ownNamespaceHostFirst: boolean;
  /** 1.25+: istiod allocates VIPs by default, and sidecars use them only with DNS capture. */
  allocationOnByDefault: boolean;
  /** 1.31+: a Sidecar whose egress hosts are all exact and namespaced keeps plain creation order. */
  exactHostsCreationOrder: boolean;
  /** 1.31+: MeshConfig.serviceEntryVisibility exists (PushContext.serviceExportTo caps exportTo with applyToSidecars). */
  serviceEntryVisibility: boolean;
}

/** Parses `1.30`, `v1.30.2`, `1.30-rc` into a profile; anything unreadable gets the default's. */
export function istioProfile(version: string | undefined): IstioProfile {
  const minor = parseMinor(version) ?? parseMinor(DEFAULT_ISTIO_VERSION)!;
  return {
    minor,
    label: `1.${minor}`,
    legacyTieBreak: minor <= 22,
    ownNamespaceHostFirst: minor >= 24,
    allocationOnByDefault: minor >= 25,
    exactHostsCreationOrder: minor >= 31,
    serviceEntryVisibility: minor >= 31,
  };
}

export function parseMinor(version: string | undefined): number | undefined {
  const match = /^v?1\.(\d{1,3})(?:[.\-+].*)?$/.exec((version ?? '').trim());
  return match ? Number(match[1]) : undefined;
}

export function isValidIstioVersion(version: string): boolean {
  return parseMinor(version) !== undefined;
}

/**
 * Whether a consumer namespace's sidecars use auto-allocated VIPs. The legacy
 * `autoAllocate` switch says both halves are on everywhere; otherwise the
 * proxy needs DNS capture (per namespace where known) and istiod must allocate
 * (on by default from 1.25; before, ISTIO_META_DNS_AUTO_ALLOCATE, which the
 * `autoAllocate` switch stands for).
 */
export function usesAllocatedVips(mesh: MeshOptions, consumerNamespace: string | undefined): boolean {
  // A namespace whose workloads turn DNS capture off (proxy.istio.io/config) gets no VIPs even so: only DNS capture hands them out.
  if (mesh.autoAllocate) return consumerNamespace === undefined || mesh.dnsCaptureByNamespace?.[consumerNamespace] !== false;
  const profile = istioProfile(mesh.istioVersion);
  // 1.24+: the allocation controller's VIPs follow each proxy's DNS capture; it is on by default from 1.25.
  const allocation = profile.ownNamespaceHostFirst && (mesh.ipAutoAllocate ?? profile.allocationOnByDefault);
  return allocation && dnsCaptureFor(mesh, consumerNamespace);
}

export function dnsCaptureFor(mesh: MeshOptions, consumerNamespace: string | undefined): boolean {
  const own = consumerNamespace === undefined ? undefined : mesh.dnsCaptureByNamespace?.[consumerNamespace];
  return own ?? mesh.dnsCapture ?? false;
}
