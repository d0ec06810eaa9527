/**
 * The seam between a mesh plan and the files the analysis reads. Plain
 * `files` inputs are taken from the side's selected files; Kustomize roots
 * and Helm charts are rendered by the renderers in src/adapters/render/ and
 * until one handles an input it is named in a diagnostic, never skipped silently.
 */
import type { Diagnostic, SourceFile } from '../core/model.js';
import type { MeshInput, MeshPlan } from '../core/repository/mesh-plan.js';

/** One side of the repository (a checkout, or a commit of a pull request) as the plan sees it. */
export interface RepositoryTree {
  /** The side's selected files by repository-relative path (what plans name); each keeps the path it is reported under. */
  files: ReadonlyMap<string, SourceFile>;
  /** A folder holding this side's files, for renderers that run a tool; absent when there is none. */
  directory?: string;
}

export type MaterializeMesh = (plan: MeshPlan, tree: RepositoryTree) => Promise<{ files: SourceFile[]; diagnostics: Diagnostic[] }>;

/** Builds a tree from files whose report paths are already repository-relative. */
export function treeOf(files: readonly SourceFile[], directory?: string): RepositoryTree {
  return { files: new Map(files.map((f) => [f.path, f])), ...(directory !== undefined ? { directory } : {}) };
}

export const materializeMesh: MaterializeMesh = async (plan, tree) => {
  const files = new Map<string, SourceFile>();
  const diagnostics: Diagnostic[] = [];
  for (const input of plan.inputs) {
    switch (input.kind) {
      case 'files':
        for (const path of input.paths) {
          const file = tree.files.get(path);
          // A planned path that was not read was reported by the reader (too large, symlink out of the tree).
          if (file) files.set(file.path, file);
        }
        break;
      case 'kustomize':
      case 'helm':
        diagnostics.push(notRendered(plan, input));
        break;
    }
  }
  return { files: [...files.values()], diagnostics };
};

function notRendered(plan: MeshPlan, input: Exclude<MeshInput, { kind: 'files' }>): Diagnostic {
  const root = input.kind === 'kustomize' ? input.root : input.chart;
  return {
    severity: 'warning',
    code: 'not-rendered',
    message: `not rendered: ${root} (${input.kind === 'kustomize' ? 'Kustomize root' : 'Helm chart'} of mesh ${plan.name}); its ServiceEntries are not analysed`,
    location: { path: root, line: 1, column: 1 },
  };
}
