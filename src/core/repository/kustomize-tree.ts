/**
 * The kustomizations of a repository and how they reference each other.
 * A root is a kustomization no other one references through `resources`,
 * `bases` or `components` (an overlay); bases and components are built only
 * as part of the roots that use them, never on their own.
 */
import type { SourceFile } from '../model.js';
import { dirOf, field, isUnder, repoPath, strings, text, yamlObjects } from './yaml-objects.js';

const KUSTOMIZATION_FILE = /(^|\/)kustomization\.ya?ml$/;

export interface Kustomization {
  /** The folder holding the kustomization file. */
  dir: string;
  file: string;
  isComponent: boolean;
  /** Folders of other kustomizations this one builds on. */
  children: string[];
  /** Local files it reads (resources, patches): they are part of its build, not plain manifests. */
  files: string[];
  /** `namespace:` it sets on everything it builds. */
  namespace: string | undefined;
  /** Remote resources (URLs, git references): kustomize would fetch them over the network. */
  remote: string[];
  /**
   * References that leave the repository (`../` past its root, or an absolute path). The load
   * restrictor keeps *files* inside each kustomization's folder, but a kustomization folder named in
   * `resources`/`bases`/`components`/`generators`/`transformers`/`validators` may be anywhere on disk:
   * building such a root could read the runner's own files, so it is not built.
   */
  outside: string[];
}

export interface KustomizeTree {
  byDir: Map<string, Kustomization>;
  roots: Kustomization[];
}

/** `files`: at least every kustomization file; `allPaths`: every file of the repository, when files holds fewer. */
export function readKustomizeTree(files: readonly SourceFile[], allPaths?: ReadonlySet<string>): KustomizeTree {
  const paths = allPaths ?? new Set(files.map((f) => f.path));
  const kustomizationDirs = new Set(files.filter((f) => KUSTOMIZATION_FILE.test(f.path)).map((f) => dirOf(f.path)));
  const byDir = new Map<string, Kustomization>();
  for (const file of files) {
    if (!KUSTOMIZATION_FILE.test(file.path)) continue;
    const dir = dirOf(file.path);
    if (byDir.has(dir)) continue; // kustomize itself refuses two; the first is enough to place it
    const doc = yamlObjects(file)[0];
    const k: Kustomization = {
      dir, file: file.path, isComponent: text(field(doc, 'kind')) === 'Component', children: [], files: [],
      namespace: text(field(doc, 'namespace')), remote: [], outside: [],
    };
    const references = [...strings(field(doc, 'resources')), ...strings(field(doc, 'bases')), ...strings(field(doc, 'components'))];
    for (const ref of references) {
      if (isRemote(ref)) {
        k.remote.push(ref);
        continue;
      }
      const target = ref.startsWith('/') ? undefined : repoPath(dir, ref);
      if (target === undefined) {
        k.outside.push(ref);
        continue;
      }
      if (kustomizationDirs.has(target)) k.children.push(target);
      else if (paths.has(target)) k.files.push(target);
    }
    // Generators, transformers and validators may name kustomization folders too (their configs are files,
    // which the load restrictor already keeps inside the folder); only a folder outside matters here.
    for (const ref of [...strings(field(doc, 'generators')), ...strings(field(doc, 'transformers')), ...strings(field(doc, 'validators'))]) {
      if (!isRemote(ref) && !ref.includes('\n') && (ref.startsWith('/') || repoPath(dir, ref) === undefined)) k.outside.push(ref);
    }
    for (const ref of patchFiles(doc)) {
      const target = repoPath(dir, ref);
      if (target !== undefined && paths.has(target)) k.files.push(target);
    }
    byDir.set(dir, k);
  }
  const referenced = new Set([...byDir.values()].flatMap((k) => k.children));
  const roots = [...byDir.values()].filter((k) => !k.isComponent && !referenced.has(k.dir)).sort((a, b) => a.dir.localeCompare(b.dir));
  return { byDir, roots };
}

/** Every kustomization a root builds, itself included, and the files they read. */
export function closureOf(root: Kustomization, tree: KustomizeTree): { kustomizations: Kustomization[]; files: string[] } {
  const seen = new Map<string, Kustomization>();
  const stack = [root];
  while (stack.length > 0) {
    const k = stack.pop()!;
    if (seen.has(k.dir)) continue;
    seen.set(k.dir, k);
    for (const child of k.children) {
      const c = tree.byDir.get(child);
      if (c) stack.push(c);
    }
  }
  const kustomizations = [...seen.values()];
  return { kustomizations, files: [...new Set(kustomizations.flatMap((k) => [k.file, ...k.files]))] };
}

/** Whether a path is read by some kustomization (or sits beside one): not a plain manifest then. */
export function ownedByKustomize(path: string, tree: KustomizeTree, readFiles: ReadonlySet<string>): boolean {
  return readFiles.has(path) || tree.byDir.has(dirOf(path));
}

export function allReadFiles(tree: KustomizeTree): Set<string> {
  return new Set([...tree.byDir.values()].flatMap((k) => [k.file, ...k.files]));
}

export function rootsUnder(dir: string, tree: KustomizeTree): Kustomization[] {
  return tree.roots.filter((k) => isUnder(k.dir, dir));
}

function isRemote(ref: string): boolean {
  return ref.includes('://') || ref.startsWith('git@') || ref.startsWith('github.com/') || ref.includes('?ref=') || /^[a-z0-9.-]+\.[a-z]{2,}\/[^/]+\/[^/]+/i.test(ref) && !ref.startsWith('.');
}

function patchFiles(doc: unknown): string[] {
  const out = [...strings(field(doc, 'patchesStrategicMerge'))];
  for (const key of ['patches', 'patchesJson6902']) {
    const list = field(doc, key);
    if (Array.isArray(list)) for (const p of list) {
      const path = text(field(p, 'path'));
      if (path) out.push(path);
    }
  }
  return out.filter((p) => !p.includes('\n'));
}
