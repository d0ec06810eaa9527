/**
 * Loads the manifests of one mesh once its inputs are materialised (plain
 * files read, Kustomize roots and charts rendered): each group of files with
 * the namespace its input gives objects that set none, and, for Flux's
 * targetNamespace, the namespace it sets on all of them.
 */
import { loadSources, mergeLoadResults } from '../load/load-sources.js';
import type { LoadResult, SourceFile } from '../model.js';

export interface MeshSourceGroup {
  files: SourceFile[];
  defaultNamespace: string;
  targetNamespace?: string;
  /**
   * Set when the files are a renderer's output, aligned to the repository files they came from:
   * which tool and input rendered them, and those repository files as written (what a fix edits).
   */
  rendered?: { by: 'kustomize' | 'helm'; input: string; sources: SourceFile[] };
}

export function loadMeshSources(groups: readonly MeshSourceGroup[]): LoadResult {
  return mergeLoadResults(groups.map((group) => {
    const loaded = loadSources(group.files, { defaultNamespace: group.targetNamespace ?? group.defaultNamespace });
    const target = group.targetNamespace;
    if (target) {
      for (const e of loaded.entries) Object.assign(e, { namespace: target, namespaceExplicit: true, ref: `${target}/${e.name}` });
      for (const s of loaded.sidecars) s.namespace = target;
    }
    return loaded;
  }));
}
