import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { DEFAULT_MAX_FILE_BYTES } from '../../core/load/load-sources.js';
import type { Diagnostic, SourceFile } from '../../core/model.js';
import { decodeText, tooLarge } from '../git/file-read.js';

export interface ReadOptions {
  /** Which paths under a directory argument count as manifests (files named explicitly always do). */
  filter: (relativePath: string) => boolean;
  cwd: string;
  maxFileBytes?: number;
}

export interface ReadResult {
  files: SourceFile[];
  diagnostics: Diagnostic[];
}

const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);

/**
 * Collects manifest files from files and directories. Symlinks are not
 * followed out of the tree they sit in, and files over the size limit are
 * reported without being read, so a hostile checkout cannot make us read
 * /etc/passwd or a 10 GB blob.
 *
 * The calls are synchronous on purpose: reads are local and small, nothing
 * else runs meanwhile, and awaiting a promise per call costs several times
 * the read itself when a repository holds thousands of files.
 */
export async function readManifestFiles(paths: readonly string[], options: ReadOptions): Promise<ReadResult> {
  const result: ReadResult = { files: [], diagnostics: [] };
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  for (const path of paths) {
    const absolute = resolve(options.cwd, path);
    const info = lstatSync(absolute, { throwIfNoEntry: false });
    if (!info) throw new Error(`${path}: no such file or directory`);
    if (info.isDirectory()) walk(absolute, absolute, '', displayPrefix(options.cwd, absolute), options, maxBytes, result);
    else readOne(absolute, absolute, displayOf(options.cwd, absolute), options, maxBytes, result, true);
  }
  result.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return result;
}

/**
 * `under` is the directory's path below the walked root and `shown` the root as reports show it (relative to
 * the working directory, `/`-separated): a child's paths are those with its name appended, not computed again
 * per file by path.relative, which resolves both of its arguments (a tenth of the read of 10k files).
 */
function walk(root: string, dir: string, under: string, shown: string, options: ReadOptions, maxBytes: number, result: ReadResult): void {
  const children = readdirSync(dir, { withFileTypes: true });
  for (const child of children) {
    const absolute = join(dir, child.name);
    const path = under === '' ? child.name : `${under}/${child.name}`;
    if (child.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(child.name)) walk(root, absolute, path, shown, options, maxBytes, result);
    } else if ((child.isFile() || child.isSymbolicLink()) && options.filter(path)) {
      const display = shown === '' ? path : `${shown}/${path}`;
      if (child.isFile()) readRegularFile(root, absolute, display, options, maxBytes, result);
      else readOne(root, absolute, display, options, maxBytes, result, false);
    }
  }
}

/** The walked root as reports show a path below it; '' when it is the working directory itself. */
function displayPrefix(cwd: string, root: string): string {
  return toPosix(relative(cwd, root));
}

function displayOf(cwd: string, absolute: string): string {
  return toPosix(relative(cwd, absolute)) || absolute;
}

/**
 * A file the directory listing says is a regular file: opened without following a symlink (one put there since
 * the listing is then read the careful way, below), and sized from the open file, with no lstat by path first.
 */
function readRegularFile(root: string, absolute: string, display: string, options: ReadOptions, maxBytes: number, result: ReadResult): void {
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO put there since the listing must not hold the read up (fstat then tells it is no file).
    fd = openSync(absolute, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch {
    readOne(root, absolute, display, options, maxBytes, result, false);
    return;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return;
    if (info.size > maxBytes) {
      result.diagnostics.push(tooLarge(display, info.size, maxBytes));
      return;
    }
    result.files.push({ path: display, text: decodeText(readFileSync(fd)) });
  } finally {
    closeSync(fd);
  }
}

function readOne(root: string, absolute: string, display: string, options: ReadOptions, maxBytes: number, result: ReadResult, explicit: boolean): void {
  const at = { path: display, line: 1, column: 1 };
  const link = lstatSync(absolute);
  if (link.isSymbolicLink()) {
    const target = realpathOrUndefined(absolute);
    const realRoot = realpathSync(explicit ? options.cwd : root);
    if (!target || !isInside(realRoot, target)) {
      result.diagnostics.push({ severity: 'warning', code: 'symlink-outside', message: 'is a symbolic link that leads outside the analysed tree (or nowhere); not read', location: at });
      return;
    }
  }
  // Only a symlink needs a second stat: for anything else lstat already described the file.
  const info = link.isSymbolicLink() ? statSync(absolute) : link;
  if (!info.isFile()) return;
  if (info.size > maxBytes) {
    result.diagnostics.push(tooLarge(display, info.size, maxBytes));
    return;
  }
  const bytes = readFileSync(absolute);
  result.files.push({ path: display, text: decodeText(bytes) });
}

function realpathOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith(`..${sep}`));
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
