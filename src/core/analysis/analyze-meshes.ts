/**
 * Analysis of a repository mesh by mesh. Each mesh is analysed on its own,
 * with its own settings, so entries of different meshes never collide; a
 * file in several meshes (a shared base) is analysed in each, and its
 * findings name the mesh they happen in.
 */
import { analyze } from './analyze.js';
import { compareFindings } from './findings.js';
import { loadSourceFile, mergeLoadResults } from '../load/load-sources.js';
import type { AnalysisResult, Diagnostic, LoadResult, SourceFile } from '../model.js';
import { loadMeshSources, type MeshSourceGroup } from '../repository/load-mesh.js';
import type { MeshPlan } from '../repository/mesh-plan.js';
import { suppressionsFromEntries } from '../suppressions/from-annotations.js';
import { suppressionKey, type Suppression } from '../suppressions/suppression.js';
import { meshManifestFiles, resolveMeshSettings, type ResolvedMeshSettings, type SettingOrigin } from './resolve-mesh-settings.js';

/** A mesh with its inputs already read or rendered into files. */
export interface MaterializedMesh {
  plan: MeshPlan;
  /** Files read with the mesh's default namespace. */
  files: SourceFile[];
  /** Files whose input sets its own namespace rules (rendered output, Flux targetNamespace). */
  groups?: MeshSourceGroup[];
  /** Inputs that could not be read or rendered. */
  diagnostics: Diagnostic[];
}

/** What a report says about each mesh. */
export interface MeshSummary {
  name: string;
  why: string;
  entryCount: number;
  /** The Istio settings the mesh was analysed with, each with where it came from. */
  settings?: SettingOrigin[];
}

export interface RepositoryAnalysis extends AnalysisResult {
  meshes: MeshSummary[];
  /** `serviceentry-guard.io/ignore` annotations of the analysed entries, each decision once. */
  annotationSuppressions: Suppression[];
}

export interface MeshAnalysisOptions {
  maxFileBytes?: number;
  /** A loader that already read some files (planning the meshes did), so nothing is parsed twice. */
  loader?: SharedLoader;
}

export interface SharedLoader {
  (files: readonly SourceFile[], defaultNamespace: string): LoadResult;
  /**
   * One file's load as cached, not a copy: the same object for every caller that asks for the same path, text
   * and default namespace (both sides of a review, for a file the change leaves alone), so per-file work keyed
   * by it is shared too. Read it, never change it.
   */
  one(file: SourceFile, defaultNamespace: string): LoadResult;
}

/** A mesh whose inputs are parsed: all its analysis needs, without the files' texts. */
export interface LoadedMesh {
  plan: MeshPlan;
  loaded: LoadResult;
  settings: ResolvedMeshSettings;
  /** Inputs that could not be read or rendered. */
  diagnostics: Diagnostic[];
}

/**
 * Loads and analyses every mesh. Parsing is shared: a file read by several
 * meshes with the same default namespace is parsed once. Diagnostics about
 * one place in one file are reported once, however many meshes read it.
 */
export function analyzeMeshes(meshes: readonly MaterializedMesh[], options: MeshAnalysisOptions = {}): RepositoryAnalysis {
  return analyzeLoadedMeshes(loadMeshes(meshes, options));
}

/**
 * Parses every mesh's inputs and resolves its settings. Kept apart from the analysis so a caller can
 * let the files' texts go first: a large repository's texts are a fifth of what its analysis holds.
 */
export function loadMeshes(meshes: readonly MaterializedMesh[], options: MeshAnalysisOptions = {}): LoadedMesh[] {
  const loader = options.loader ?? sharedLoader(options.maxFileBytes);
  return meshes.map((mesh) => {
    const settings = resolveMeshSettings(mesh.plan.settings, meshManifestFiles(mesh.files, mesh.groups));
    return { plan: mesh.plan, loaded: withGroups(loader(mesh.files, settings.settings.defaultNamespace), mesh.groups), settings, diagnostics: mesh.diagnostics };
  });
}

/** Analyses each loaded mesh with its own settings (see analyzeMeshes). */
export function analyzeLoadedMeshes(meshes: readonly LoadedMesh[]): RepositoryAnalysis {
  const findings: AnalysisResult['findings'] = [];
  const diagnostics = new DiagnosticSet();
  const summaries: MeshSummary[] = [];
  const suppressions = new Map<string, Suppression>();
  let entryCount = 0;
  for (const mesh of meshes) {
    diagnostics.addAll(mesh.diagnostics);
    const resolved = mesh.settings;
    const result = analyze(mesh.loaded, { mesh: resolved.settings.mesh, meshName: mesh.plan.name });
    findings.push(...result.findings);
    diagnostics.addAll(resolved.diagnostics);
    diagnostics.addAll(result.diagnostics);
    for (const s of suppressionsFromEntries(mesh.loaded.entries)) suppressions.set(suppressionKey(s), s);
    summaries.push({ name: mesh.plan.name, why: mesh.plan.why, entryCount: result.entryCount, settings: resolved.origins });
    entryCount += result.entryCount;
  }
  return { findings: findings.sort(compareFindings), diagnostics: diagnostics.list(), entryCount, meshes: summaries, annotationSuppressions: [...suppressions.values()] };
}

/** Adds the groups' manifests to what was loaded with the mesh's default namespace. */
export function withGroups(loaded: LoadResult, groups: readonly MeshSourceGroup[] | undefined): LoadResult {
  if (!groups || groups.length === 0) return loaded;
  return mergeLoadResults([loaded, loadMeshSources(groups)]);
}

/**
 * One file's load done ahead of time, as `loadSourceFile(file, { defaultNamespace, maxFileBytes })` with the
 * loader's own limit would do it (an adapter may have loaded many in other threads while this one was busy).
 */
export interface PreloadedFile {
  file: SourceFile;
  defaultNamespace: string;
  part: LoadResult;
}

/**
 * Loads files, parsing each (path, text, default namespace) once across meshes and sides of a review.
 * A preloaded file is taken as loaded only while a caller asks for the same path, text and default namespace.
 */
export function sharedLoader(maxFileBytes: number | undefined, preloaded: Iterable<PreloadedFile> = []): SharedLoader {
  const cache = new Map<string, { text: string; part: LoadResult }>();
  const keyOf = (path: string, defaultNamespace: string) => `${defaultNamespace}\u0000${path}`;
  for (const { file, defaultNamespace, part } of preloaded) cache.set(keyOf(file.path, defaultNamespace), { text: file.text, part });
  const one = (file: SourceFile, defaultNamespace: string): LoadResult => {
    const key = keyOf(file.path, defaultNamespace);
    const cached = cache.get(key);
    if (cached && cached.text === file.text) return cached.part;
    const part = loadSourceFile(file, { defaultNamespace, maxFileBytes });
    if (!cached) cache.set(key, { text: file.text, part });
    return part;
  };
  return Object.assign((files: readonly SourceFile[], defaultNamespace: string) => mergeLoadResults(files.map((file) => one(file, defaultNamespace))), { one });
}

/** Diagnostics in first-seen order, each (code, place, message) once. */
export class DiagnosticSet {
  private readonly seen = new Set<string>();
  private readonly items: Diagnostic[] = [];

  addAll(diagnostics: readonly Diagnostic[]): void {
    for (const d of diagnostics) {
      const key = `${d.code}\u0000${d.location.path}\u0000${d.location.line}\u0000${d.location.column}\u0000${d.message}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      this.items.push(d);
    }
  }

  list(): Diagnostic[] {
    return [...this.items];
  }
}
