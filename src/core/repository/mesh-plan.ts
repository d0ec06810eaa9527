/**
 * How a repository is split into meshes before anything is analysed. A plan
 * says, per mesh, which inputs form it (plain manifest files, Kustomize roots,
 * Helm charts) and which Istio settings apply; it comes from the repository's
 * config file or is inferred from what the repository itself declares (Argo CD,
 * Flux, kustomizations, folder conventions). Entries of different meshes never
 * collide. Pure data: rendering the inputs is an adapter's job.
 */
import type { Diagnostic, MeshOptions } from '../model.js';
import type { HelmValuesLayer } from './helm-values.js';

/** One source of manifests for a mesh, named by repository-relative paths. */
export type MeshInput =
  /** Plain manifest files, read as they are. */
  | { kind: 'files'; paths: string[]; defaultNamespace?: string; targetNamespace?: string }
  /** A folder holding a kustomization that is built, not read file by file. */
  | { kind: 'kustomize'; root: string; defaultNamespace?: string; targetNamespace?: string }
  /** A chart rendered with `helm template`. */
  | { kind: 'helm'; chart: string; valueFiles: string[]; releaseName: string; namespace: string; values?: HelmValuesLayer[] };

/*
 * Optional on 'files' and 'kustomize' inputs (added for inference from Argo CD / Flux):
 * `defaultNamespace` is the namespace of this input's objects that set none, overriding the
 * mesh's (Argo CD destination.namespace); `targetNamespace` is set on every object of the
 * input, as Flux's Kustomization spec.targetNamespace does.
 */

/** The Istio settings of one mesh: what the CLI flags and action inputs set, per mesh. */
export interface MeshSettings {
  /** Namespace of manifests that set none (what `kubectl apply -n` or Argo CD's destination gives them). */
  defaultNamespace: string;
  mesh: Partial<MeshOptions>;
  /** Where each value of `mesh` was set, when not by a CLI flag or action input (e.g. `.serviceentry-guard.yaml defaults`). */
  origins?: Partial<Record<keyof MeshOptions, string>>;
}

export interface MeshPlan {
  name: string;
  inputs: MeshInput[];
  settings: MeshSettings;
  /** One clause saying why this mesh exists, e.g. `Argo CD Application apps/prod.yaml`. */
  why: string;
}

export interface RepositoryPlan {
  meshes: MeshPlan[];
  /** Where the split came from: the config file, inference from the repository, or one mesh of everything. */
  origin: 'config' | 'inferred' | 'single';
  /** The one line printed to say what was inferred and why. */
  summary: string;
  diagnostics: Diagnostic[];
  /** Absent means DEFAULT_RENDER_POLICY (nothing remote). */
  render?: RenderPolicy;
}

export const DEFAULT_MESH_NAME = 'default';

/** The plan when nothing divides the repository: every selected file in one mesh. */
export function singleMeshPlan(paths: readonly string[], settings: MeshSettings): RepositoryPlan {
  return {
    meshes: [{ name: DEFAULT_MESH_NAME, inputs: [{ kind: 'files', paths: [...paths] }], settings, why: 'no config file and nothing in the repository that divides it' }],
    origin: 'single',
    summary: `One mesh: ${paths.length} manifest file${paths.length === 1 ? '' : 's'}, nothing in the repository divides them.`,
    diagnostics: [],
  };
}

/** How inputs that need rendering are rendered; a config file sets it, inference keeps the default. */
export interface RenderPolicy {
  /** Let kustomize fetch remote bases and helm remote charts. Off unless the config file allows it. */
  allowRemote: boolean;
}

export const DEFAULT_RENDER_POLICY: RenderPolicy = { allowRemote: false };
