/**
 * The seam between a mesh plan and the manifests the analysis reads. Plain
 * `files` inputs are taken from the side's selected files; Kustomize roots
 * and Helm charts are rendered by the renderers in src/adapters/render/, in
 * one temporary copy of the repository shared by every mesh of a run. An
 * input that cannot be rendered is named in a diagnostic, never skipped
 * silently. Each input's namespace rules travel with its files.
 */
import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import type { ManifestRenderer, RenderResult } from './render/manifest-renderer.js';
import { copyOnDemand, folderAsCopy, type RepositoryCopy } from './render/repository-copy.js';
import { helmRenderer } from './render/helm-renderer.js';
import { kustomizeRenderer } from './render/kustomize-renderer.js';
import { writeSideFolder } from './render/side-folder.js';
import { closureOf, readKustomizeTree } from '../core/repository/kustomize-tree.js';
import { isUnder } from '../core/repository/yaml-objects.js';
import type { MaterializedMesh } from '../core/analysis/analyze-meshes.js';
import type { Diagnostic, SourceFile } from '../core/model.js';
import type { MeshSourceGroup } from '../core/repository/load-mesh.js';
import type { MeshInput, MeshPlan, RepositoryPlan } from '../core/repository/mesh-plan.js';

/** One side of the repository (a checkout, or a commit of a pull request) as the plan sees it. */
export interface RepositoryTree {
  /** The side's selected files by repository-relative path (what plans name); each keeps the path it is reported under. */
  files: ReadonlyMap<string, SourceFile>;
  /** A folder holding this side's files, for renderers that run a tool; absent when there is none. */
  directory?: string;
}

export interface Renderers {
  kustomize: ManifestRenderer;
  helm: ManifestRenderer;
  /** Let kustomize fetch remote bases (config `render.allowRemote`); off by default. */
  allowRemote?: boolean;
}

export interface MaterializedInputs {
  /** Files read with the mesh's own default namespace. */
  files: SourceFile[];
  /** Files whose input sets its own namespace rules (rendered output, Flux targetNamespace, Argo CD destination). */
  groups: MeshSourceGroup[];
  diagnostics: Diagnostic[];
  /** ServiceEntries seen only in charts or templates that could not be rendered. */
  unrenderedServiceEntries: number;
}

/** Builds a tree from files whose report paths are already repository-relative. */
export function treeOf(files: readonly SourceFile[], directory?: string): RepositoryTree {
  return { files: new Map(files.map((f) => [f.path, f])), ...(directory !== undefined ? { directory } : {}) };
}

/**
 * One temporary copy for a whole run, made on first need (holding only what
 * the run's renders read, see copyOnDemand) and removed by dispose(). Renders in it run concurrently, at most `concurrency` at a time
 * (default: the machine's available parallelism): each is a kustomize or helm
 * process, and independent roots need not wait for each other.
 */
export class RenderWorkspace {
  private copy: Promise<RepositoryCopy> | undefined;
  private readonly limit: pLimit.Limit;

  constructor(private readonly repoDir: string, private readonly allowRemote = false, options: { concurrency?: number; files?: readonly SourceFile[] } = {}) {
    this.limit = pLimit(Math.max(1, options.concurrency ?? availableParallelism()));
    this.files = options.files;
  }

  /** When set, repoDir is a folder this process wrote from these files (a pull request's side): it is used as it is. */
  private readonly files: readonly SourceFile[] | undefined;

  /** Roots the run builds once that no other build includes (see exclusiveRoots); set before the first render. */
  private exclusiveRoots: ReadonlySet<string> = new Set();

  get(): Promise<RepositoryCopy> {
    this.copy ??= (this.files ? folderAsCopy(this.repoDir, this.files, { allowRemote: this.allowRemote }) : copyOnDemand(this.repoDir, { allowRemote: this.allowRemote }))
      .then((copy) => Object.assign(copy, { exclusiveRoots: this.exclusiveRoots }));
    return this.copy;
  }

  /** Says which Kustomize roots the whole run builds, so a root only its own build reads can be built in place. */
  plan(plans: readonly MeshPlan[], files: Iterable<SourceFile>): void {
    if (this.copy) return; // too late: builds may already read the copy
    this.exclusiveRoots = exclusiveRoots(plans, files);
  }

  /** Runs one render when a slot is free. */
  render(renderer: ManifestRenderer, input: MeshInput): Promise<RenderResult> {
    return this.limit(async () => {
      const copy = await this.get();
      await copy.include?.(input);
      return renderer.render(input, copy);
    });
  }

  async dispose(): Promise<void> {
    if (this.copy) await (await this.copy).dispose();
  }
}

export interface RenderContext {
  renderers: Renderers;
  workspace: RenderWorkspace;
  /** Rendered files carry repository-relative paths; this gives them the path they are reported under. */
  display?: (file: SourceFile) => SourceFile;
}

export async function materializeMesh(plan: MeshPlan, tree: RepositoryTree, render?: RenderContext): Promise<MaterializedInputs> {
  const result: MaterializedInputs = { files: [], groups: [], diagnostics: [], unrenderedServiceEntries: 0 };
  // Renders start at once (the workspace bounds how many run); their results are taken in input order.
  const renders = plan.inputs.map((input) => (input.kind !== 'files' && render && tree.directory !== undefined
    ? render.workspace.render(input.kind === 'kustomize' ? render.renderers.kustomize : render.renderers.helm, input)
    : undefined));
  // Awaited in order below; until then a failed render must not count as an unhandled rejection.
  for (const pending of renders) pending?.catch(() => undefined);
  const seen = new Set<string>();
  for (const [i, input] of plan.inputs.entries()) {
    switch (input.kind) {
      case 'files': {
        const files: SourceFile[] = [];
        for (const path of input.paths) {
          const file = tree.files.get(path);
          // A planned path that was not read was reported by the reader (too large, symlink out of the tree).
          if (file && !seen.has(file.path)) {
            seen.add(file.path);
            files.push(file);
          }
        }
        if (input.defaultNamespace === undefined && input.targetNamespace === undefined) result.files.push(...files);
        else result.groups.push({ files, defaultNamespace: input.defaultNamespace ?? plan.settings.defaultNamespace, ...(input.targetNamespace ? { targetNamespace: input.targetNamespace } : {}) });
        break;
      }
      case 'kustomize':
      case 'helm': {
        const pending = renders[i];
        if (!render || !pending) {
          result.diagnostics.push(notRendered(plan, input));
          break;
        }
        const rendered = await pending;
        result.diagnostics.push(...rendered.diagnostics);
        result.unrenderedServiceEntries += rendered.unrenderedServiceEntries ?? 0;
        // kustomize already applied targetNamespace in the build (as Flux does), helm its --namespace.
        const defaultNamespace = (input.kind === 'helm' ? input.namespace : input.defaultNamespace) ?? plan.settings.defaultNamespace;
        // The repository files the documents came from, as written: a fix edits those, not the render.
        const sources = [...new Set(rendered.files.map((f) => f.path))].map((p) => tree.files.get(p)).filter((f): f is SourceFile => f !== undefined);
        const shown = (files: SourceFile[]) => (render.display ? files.map(render.display) : files);
        result.groups.push({ files: shown(rendered.files), defaultNamespace, rendered: { by: input.kind, input: input.kind === 'kustomize' ? input.root : input.chart, sources: shown(sources) } });
        break;
      }
    }
  }
  return result;
}

/** Every mesh of a plan, rendered concurrently through one workspace; results in plan order. */
export function materializeMeshes(plans: readonly MeshPlan[], tree: RepositoryTree, render?: RenderContext): Promise<MaterializedInputs[]> {
  render?.workspace.plan(plans, [...tree.files].map(([path, file]) => ({ path, text: file.text })));
  return Promise.all(plans.map((plan) => materializeMesh(plan, tree, render)));
}

function notRendered(plan: MeshPlan, input: Exclude<MeshInput, { kind: 'files' }>): Diagnostic {
  const root = input.kind === 'kustomize' ? input.root : input.chart;
  return {
    severity: 'warning',
    code: 'not-rendered',
    message: `not rendered: ${root} (${input.kind === 'kustomize' ? 'Kustomize root' : 'Helm chart'} of mesh ${plan.name}) has no checkout to render from here; its ServiceEntries are not analysed`,
    location: { path: root, line: 1, column: 1 },
  };
}

/**
 * Every mesh of one side known only by its files (a pull request's base or
 * head, a tree read from git objects or the API). When a mesh renders, the
 * side's files are written to a temporary folder first, so a change to a
 * kustomization or values file changes what that side renders.
 */
export async function materializeSide(plan: RepositoryPlan, files: readonly SourceFile[], renderers: Renderers | undefined): Promise<MaterializedMesh[]> {
  const toMesh = (mesh: MeshPlan, inputs: MaterializedInputs): MaterializedMesh => ({ plan: mesh, files: inputs.files, groups: inputs.groups, diagnostics: inputs.diagnostics });
  const renders = plan.meshes.some((m) => m.inputs.some((i) => i.kind !== 'files'));
  if (!renders || !renderers) return Promise.all(plan.meshes.map(async (mesh) => toMesh(mesh, await materializeMesh(mesh, treeOf(files)))));
  const side = await writeSideFolder(files);
  // The side folder holds only the side's own files, at their repository paths: renderers run in it directly.
  const workspace = new RenderWorkspace(side.dir, renderers.allowRemote, { files: side.files });
  try {
    const tree: RepositoryTree = { ...treeOf(files), directory: side.dir };
    const inputs = await materializeMeshes(plan.meshes, tree, { renderers, workspace });
    return plan.meshes.map((mesh, i) => toMesh(mesh, inputs[i]!));
  } finally {
    await workspace.dispose();
    await side.dispose();
  }
}

/** The real tools from PATH: kustomize (or kubectl kustomize) and helm. */
export function defaultRenderers(files: readonly SourceFile[]): Renderers {
  return {
    kustomize: kustomizeRenderer(),
    helm: helmRenderer({ chartFiles: (chart) => files.filter((f) => isUnder(f.path, chart)) }),
  };
}

/**
 * Kustomize roots built by exactly one input of the run and included by no
 * other root's build (as far as the repository's kustomization files show):
 * editing such a root's kustomization in the copy affects only its own build.
 */
function exclusiveRoots(plans: readonly MeshPlan[], files: Iterable<SourceFile>): Set<string> {
  const roots = plans.flatMap((p) => p.inputs).flatMap((i) => (i.kind === 'kustomize' ? [i.root] : []));
  const tree = readKustomizeTree([...files].filter((f) => /(^|\/)kustomization\.ya?ml$/.test(f.path)));
  const includedByOthers = new Set<string>();
  for (const root of new Set(roots)) {
    const k = tree.byDir.get(root);
    if (k) for (const c of closureOf(k, tree).kustomizations) if (c.dir !== root) includedByOthers.add(c.dir);
  }
  return new Set(roots.filter((r, i) => roots.indexOf(r) === i && roots.lastIndexOf(r) === i && !includedByOthers.has(r)));
}
