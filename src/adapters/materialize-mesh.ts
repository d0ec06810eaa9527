/**
 * Turns a mesh of the repository plan into the manifests it is analysed from:
 * plain files are read from the checkout; Kustomize roots and Helm charts are
 * rendered (in one temporary copy of the repository shared by every mesh of a
 * run). Each input's namespace rules travel with its files.
 */
import { readManifestFiles } from './fs/read-manifests.js';
import type { ManifestRenderer } from './render/manifest-renderer.js';
import { copyRepository, type RepositoryCopy } from './render/repository-copy.js';
import type { Diagnostic } from '../core/model.js';
import type { MeshPlan } from '../core/repository/mesh-plan.js';
import type { MeshSourceGroup } from '../core/repository/load-mesh.js';

export interface Renderers {
  kustomize: ManifestRenderer;
  helm: ManifestRenderer;
  /** Let kustomize fetch remote bases (config `render.allowRemote`); off by default. */
  allowRemote?: boolean;
}

export interface MaterializedMesh {
  mesh: MeshPlan;
  groups: MeshSourceGroup[];
  diagnostics: Diagnostic[];
  unrenderedServiceEntries: number;
}

/** One temporary copy for a whole run, made on first need and removed by dispose(). */
export class RenderWorkspace {
  private copy: Promise<RepositoryCopy> | undefined;

  constructor(private readonly repoDir: string, private readonly allowRemote = false) {}

  get(): Promise<RepositoryCopy> {
    this.copy ??= copyRepository(this.repoDir, { allowRemote: this.allowRemote });
    return this.copy;
  }

  async dispose(): Promise<void> {
    if (this.copy) await (await this.copy).dispose();
  }
}

export async function materializeMesh(plan: MeshPlan, repoDir: string, renderers: Renderers, workspace = new RenderWorkspace(repoDir, renderers.allowRemote)): Promise<MaterializedMesh> {
  const result: MaterializedMesh = { mesh: plan, groups: [], diagnostics: [], unrenderedServiceEntries: 0 };
  for (const input of plan.inputs) {
    const defaultNamespace = (input.kind === 'helm' ? input.namespace : input.defaultNamespace) ?? plan.settings.defaultNamespace;
    const targetNamespace = input.kind === 'helm' ? undefined : input.targetNamespace;
    switch (input.kind) {
      case 'files': {
        const read = await readManifestFiles(input.paths, { filter: () => true, cwd: repoDir });
        result.diagnostics.push(...read.diagnostics);
        result.groups.push({ files: read.files, defaultNamespace, ...(targetNamespace ? { targetNamespace } : {}) });
        break;
      }
      case 'kustomize':
      case 'helm': {
        const renderer = input.kind === 'kustomize' ? renderers.kustomize : renderers.helm;
        const rendered = await renderer.render(input, await workspace.get());
        result.diagnostics.push(...rendered.diagnostics);
        result.unrenderedServiceEntries += rendered.unrenderedServiceEntries ?? 0;
        // kustomize already applied targetNamespace in the build (as Flux does), helm its --namespace.
        result.groups.push({ files: rendered.files, defaultNamespace });
        break;
      }
    }
  }
  return result;
}
