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
