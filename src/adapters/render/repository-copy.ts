/**
 * A temporary copy of only the repository's own files: regular files under
 * the repository root (symlinks are copied only when they stay inside it, as
 * the files they point at), no .git. Renderers run there, so whatever a
 * kustomization or chart names outside the repository simply does not exist.
 */
import { lstat, mkdir, mkdtemp, readdir, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative, sep } from 'node:path';
import type { SourceFile } from '../../core/model.js';
import type { MeshInput } from '../../core/repository/mesh-plan.js';
import { dirOf, field, isUnder, repoPath, strings, yamlObjects } from '../../core/repository/yaml-objects.js';

export interface RepositoryCopy {
  /** Root of the copy; repository-relative paths resolve under it. */
  dir: string;
  /** HOME for the tools: an empty folder beside the copy. */
  home: string;
  /** Every kustomization file of the repository, for checking what a root references before building it. */
  kustomizations: SourceFile[];
  /** Every repository-relative path copied. */
  paths: Set<string>;
  /** Whether remote bases/charts may be fetched (a config choice; off by default). */
  allowRemote: boolean;
  /** Makes sure what this input's render can read is in the copy (a copy made whole already has it). */
  include?(input: MeshInput): Promise<void>;
  /**
   * Kustomize roots this run builds once and no other build of the run
   * includes: their kustomization may be edited in the copy for the build
   * (cheaper than building through a kustomization of ours). Absent: none.
   */
  exclusiveRoots?: ReadonlySet<string>;
  dispose(): Promise<void>;
}

const SKIPPED = new Set(['.git', 'node_modules']);
const MAX_FILE_BYTES = 16 * 1024 * 1024;

/**
 * A folder this process wrote itself from known files (a pull request's side,
 * see side-folder), used as the copy without copying it again: it already
 * holds only those regular files, at repository-relative paths.
 */
export async function folderAsCopy(dir: string, files: readonly SourceFile[], options: { allowRemote?: boolean } = {}): Promise<RepositoryCopy> {
  const home = await mkdtemp(join(tmpdir(), 'serviceentry-guard-home-'));
  const normalized = files.map((f) => ({ path: posix.normalize(f.path), text: f.text }));
  const paths = new Set(normalized.map((f) => f.path));
  const kustomizations = normalized.filter((f) => /(^|\/)kustomization\.ya?ml$/.test(f.path));
  return { dir, home, kustomizations, paths, allowRemote: options.allowRemote ?? false, dispose: () => rm(home, { recursive: true, force: true }) };
}

export async function copyRepository(repoDir: string, options: { allowRemote?: boolean } = {}): Promise<RepositoryCopy> {
  const copy = await CopyOnDemand.create(repoDir, options);
  await copy.include({ kind: 'files', paths: [] }, '');
  return copy;
}

/**
 * A copy that starts empty and takes in, before each render, only what that
 * render can read: a Kustomize root's folder and, following its
 * `resources`/`bases`/`components` (and the patch files it lists), the
 * folders of every kustomization it includes (the load restrictor keeps each
 * to its own folder); a chart's folder and its values files. A repository
 * with 10,000 plain manifests and one overlay copies that overlay and its
 * bases, not the 10,000 files. The same rules hold for each file copied: no
 * symbolic link that leads outside the repository, no folder reached through
 * a link, no `.git`, nothing over 16 MB.
 */
export async function copyOnDemand(repoDir: string, options: { allowRemote?: boolean } = {}): Promise<RepositoryCopy> {
  return CopyOnDemand.create(repoDir, options);
}

const KUSTOMIZATION_NAME = /^(kustomization\.ya?ml|Kustomization)$/;

class CopyOnDemand implements RepositoryCopy {
  readonly kustomizations: SourceFile[] = [];
  exclusiveRoots: ReadonlySet<string> | undefined;
  readonly paths = new Set<string>();
  private readonly walked: string[] = [];
  private readonly pending = new Map<string, Promise<SourceFile[]>>();

  private constructor(readonly dir: string, readonly home: string, private readonly base: string, private readonly realRoot: string, readonly allowRemote: boolean) {}

  static async create(repoDir: string, options: { allowRemote?: boolean }): Promise<CopyOnDemand> {
    const base = await mkdtemp(join(tmpdir(), 'serviceentry-guard-render-'));
    await mkdir(join(base, 'repo'));
    await mkdir(join(base, 'home'));
    return new CopyOnDemand(join(base, 'repo'), join(base, 'home'), base, await realpath(repoDir), options.allowRemote ?? false);
  }

  dispose(): Promise<void> {
    return rm(this.base, { recursive: true, force: true });
  }

  /** `everything` (a path, '' for the whole repository) copies that folder whatever the input. */
  async include(input: MeshInput, everything?: string): Promise<void> {
    if (everything !== undefined) {
      await this.copyPath(everything);
      return;
    }
    if (input.kind === 'helm') {
      await Promise.all([input.chart, ...input.valueFiles].map((p) => this.copyPath(p)));
      return;
    }
    if (input.kind !== 'kustomize') return;
    const queued = new Set<string>([input.root]);
    let wave = [input.root];
    while (wave.length > 0) {
      const copied = (await Promise.all(wave.map((p) => this.copyPath(p)))).flat();
      wave = [];
      for (const k of copied) {
        for (const ref of localReferences(k)) {
          if (queued.has(ref)) continue;
          queued.add(ref);
          wave.push(ref);
        }
      }
    }
  }

  /** Copies a file, or a folder with everything under it, once; returns the kustomizations found there. */
  private copyPath(rel: string): Promise<SourceFile[]> {
    if (this.walked.some((w) => isUnder(rel, w))) {
      // Inside a folder already copied (or being copied): what it holds is known once that walk ends.
      return Promise.all([...this.pending.values()]).then(() => this.kustomizations.filter((k) => isUnder(k.path, rel)));
    }
    let running = this.pending.get(rel);
    if (!running) {
      running = this.copyFrom(rel);
      this.pending.set(rel, running);
    }
    return running;
  }

  private async copyFrom(rel: string): Promise<SourceFile[]> {
    const source = join(this.realRoot, rel);
    const info = await lstat(source).catch(() => undefined);
    if (!info) return [];
    // A folder reached through a link is never followed (the full walk never follows one either).
    const realParent = await realpath(dirname(source)).catch(() => undefined);
    if (realParent === undefined || (rel !== '' && realParent !== dirname(source))) return [];
    if (info.isDirectory()) {
      this.walked.push(rel);
      const found: SourceFile[] = [];
      await this.walk(source, found);
      return found;
    }
    const found: SourceFile[] = [];
    await this.copyFile(source, posix.basename(rel), info.isSymbolicLink(), found);
    return found;
  }

  private async walk(from: string, found: SourceFile[]): Promise<void> {
    for (const child of await readdir(from, { withFileTypes: true })) {
      if (SKIPPED.has(child.name)) continue;
      const source = join(from, child.name);
      if (child.isDirectory()) await this.walk(source, found);
      else await this.copyFile(source, child.name, child.isSymbolicLink(), found);
    }
  }

  private async copyFile(source: string, name: string, isLink: boolean, found: SourceFile[]): Promise<void> {
    const rel = relative(this.realRoot, source).split(sep).join('/');
    if (this.paths.has(rel)) return;
    let real = source;
    if (isLink) {
      const target = await realpath(source).catch(() => undefined);
      if (!target || relative(this.realRoot, target).startsWith('..')) return; // leads outside the repository
      real = target;
    }
    const info = await stat(real).catch(() => undefined);
    if (!info?.isFile() || info.size > MAX_FILE_BYTES || this.paths.has(rel)) return;
    this.paths.add(rel);
    const bytes = await readFile(real);
    const destination = join(this.dir, rel);
    await mkdir(dirname(destination), { recursive: true });
    await writeFile(destination, bytes);
    if (KUSTOMIZATION_NAME.test(name)) {
      const k = { path: rel, text: bytes.toString('utf8') };
      this.kustomizations.push(k);
      found.push(k);
    }
  }
}

/** Repository paths a kustomization names: what it includes, and the patch files it lists. */
function localReferences(k: SourceFile): string[] {
  const doc = yamlObjects(k)[0];
  const dir = dirOf(k.path);
  const named = [...strings(field(doc, 'resources')), ...strings(field(doc, 'bases')), ...strings(field(doc, 'components')), ...strings(field(doc, 'patchesStrategicMerge'))];
  for (const key of ['patches', 'patchesJson6902']) {
    const list = field(doc, key);
    if (Array.isArray(list)) for (const p of list) named.push(...strings([field(p, 'path')]));
  }
  return named.filter((ref) => !ref.includes('://') && !ref.includes('\n')).map((ref) => repoPath(dir, ref)).filter((p): p is string => p !== undefined);
}
