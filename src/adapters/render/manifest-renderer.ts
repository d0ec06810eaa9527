/**
 * One small seam for everything that turns a mesh input into manifests:
 * Kustomize builds and Helm charts today. Renderers run in a temporary copy of
 * the repository (see repository-copy), never in the checkout itself.
 */
import type { Diagnostic, SourceFile } from '../../core/model.js';
import type { MeshInput } from '../../core/repository/mesh-plan.js';
import type { RepositoryCopy } from './repository-copy.js';

export interface RenderResult {
  /** One file per rendered ServiceEntry/Sidecar document, named after the source file it came from. */
  files: SourceFile[];
  diagnostics: Diagnostic[];
  /** ServiceEntries the input holds that could not be rendered (e.g. helm missing). */
  unrenderedServiceEntries?: number;
}

export interface ManifestRenderer {
  /** Which input kind it renders. */
  readonly kind: 'kustomize' | 'helm';
  render(input: MeshInput, copy: RepositoryCopy): Promise<RenderResult>;
}

/** How long one kustomize build or helm template may take before it is stopped and reported. */
export const DEFAULT_RENDER_TIMEOUT_MS = 60_000;
