/**
 * Folder names GitOps repositories use for one cluster or environment each:
 * `clusters/<name>/`, `environments/<name>/`, `envs/<name>/`, `overlays/<name>/`.
 * The outermost one in a path names the mesh its manifests belong to.
 */
const CONVENTIONS = new Set(['clusters', 'environments', 'envs', 'overlays']);

export interface FolderConvention {
  /** The mesh name the folder gives, e.g. `prod`. */
  name: string;
  /** The folder itself, e.g. `clusters/prod`. */
  folder: string;
}

/** The outermost convention folder a path (file or folder) lies in. */
export function folderConvention(path: string, isDirectory = false): FolderConvention | undefined {
  const parts = path.split('/');
  // A file's own name is not a folder: `clusters/prod.yaml` says nothing.
  const folders = isDirectory ? parts.length : parts.length - 1;
  for (let i = 0; i + 1 < folders; i++) {
    if (CONVENTIONS.has(parts[i]!)) return { name: parts[i + 1]!, folder: parts.slice(0, i + 2).join('/') };
  }
  return undefined;
}

/*
 * Sibling folders named like clusters (`east/` and `west/`,
 * `cluster1/` and `cluster2/`, `us-east-1/` and `eu-west-1/`) are how multi-cluster and
 * federation setups keep one folder per cluster. It takes two such siblings that both
 * hold ServiceEntries or Sidecars: one folder named `east/` says nothing, and team or
 * app folders (`billing/`, `checkout/`) never match, so they stay one mesh.
 */
// Not `primary`/`secondary`/`remote`: one cluster's repository may well hold `databases/primary/` and
// `databases/secondary/`, and splitting those would hide a real collision between them.
const CLUSTER_LIKE = [
  /^(east|west|north|south)$/,
  /^(cluster|mesh|dc)[-_]?([0-9]+|[a-z])$/,
  /^[a-z0-9]+[-_](cluster|mesh)$/,
  /^[a-z]{2}-[a-z]+-[0-9]+$/, // cloud regions: us-east-1, europe-west-4
];

export function isClusterLikeName(name: string): boolean {
  const lower = name.toLowerCase();
  return CLUSTER_LIKE.some((re) => re.test(lower));
}

/**
 * The folders (of those holding our kinds, and their ancestors) that have a cluster-like name
 * and at least one cluster-like sibling.
 */
export function siblingClusterFolders(foldersWithOurKinds: readonly string[]): Map<string, FolderConvention & { siblings: string[] }> {
  const candidates = new Set<string>();
  for (const folder of foldersWithOurKinds) {
    const parts = folder.split('/');
    for (let i = 0; i < parts.length; i++) if (isClusterLikeName(parts[i]!)) candidates.add(parts.slice(0, i + 1).join('/'));
  }
  const byParent = new Map<string, string[]>();
  for (const folder of candidates) {
    const parent = folder.includes('/') ? folder.slice(0, folder.lastIndexOf('/')) : '';
    byParent.set(parent, [...(byParent.get(parent) ?? []), folder]);
  }
  const out = new Map<string, FolderConvention & { siblings: string[] }>();
  for (const group of byParent.values()) {
    if (group.length < 2) continue;
    const names = group.map((f) => f.split('/').pop()!).sort();
    // Named with the parent too: two samples that each hold cluster1/ and cluster2/ are four clusters, not two.
    for (const folder of group) out.set(folder, { name: folder.split('/').slice(-2).join('-'), folder, siblings: names });
  }
  return out;
}

/** The outermost sibling-cluster folder a file lies in. */
export function siblingClusterOf(path: string, folders: ReadonlyMap<string, FolderConvention & { siblings: string[] }>): (FolderConvention & { siblings: string[] }) | undefined {
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) {
    const found = folders.get(parts.slice(0, i).join('/'));
    if (found) return found;
  }
  return undefined;
}
