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
  const base = await mkdtemp(join(tmpdir(), 'serviceentry-guard-render-'));
  const dir = join(base, 'repo');
  const home = join(base, 'home');
  await mkdir(dir);
  await mkdir(home);
  const realRoot = await realpath(repoDir);
  const kustomizations: SourceFile[] = [];
  const paths = new Set<string>();
  const walk = async (from: string): Promise<void> => {
    for (const child of await readdir(from, { withFileTypes: true })) {
      if (SKIPPED.has(child.name)) continue;
      const source = join(from, child.name);
      const rel = relative(realRoot, source);
      if (child.isDirectory()) {
        await walk(source);
        continue;
      }
      let real = source;
      if (child.isSymbolicLink()) {
        const target = await realpath(source).catch(() => undefined);
        if (!target || relative(realRoot, target).startsWith('..')) continue; // leads outside the repository
        real = target;
      }
      const info = await stat(real).catch(() => undefined);
      if (!info?.isFile() || info.size > MAX_FILE_BYTES) continue;
      const bytes = await readFile(real);
      const destination = join(dir, rel);
      await mkdir(dirname(destination), { recursive: true });
      await writeFile(destination, bytes);
      paths.add(rel.split(sep).join('/'));
      if (/^kustomization\.ya?ml$/.test(child.name)) kustomizations.push({ path: rel.split(sep).join('/'), text: bytes.toString('utf8') });
    }
  };
  const rootInfo = await lstat(realRoot);
  if (rootInfo.isDirectory()) await walk(realRoot);
  return {
    dir, home, kustomizations, paths, allowRemote: options.allowRemote ?? false,
    dispose: () => rm(base, { recursive: true, force: true }),
  };
}
