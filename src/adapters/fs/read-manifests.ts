import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
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
    if (info.isDirectory()) walk(absolute, absolute, options, maxBytes, result);
    else readOne(absolute, absolute, options, maxBytes, result, true);
  }
  result.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return result;
}

function walk(root: string, dir: string, options: ReadOptions, maxBytes: number, result: ReadResult): void {
  const children = readdirSync(dir, { withFileTypes: true });
  for (const child of children) {
    const absolute = join(dir, child.name);
    if (child.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(child.name)) walk(root, absolute, options, maxBytes, result);
    } else if ((child.isFile() || child.isSymbolicLink()) && options.filter(toPosix(relative(root, absolute)))) {
      readOne(root, absolute, options, maxBytes, result, false);
    }
  }
}

function readOne(root: string, absolute: string, options: ReadOptions, maxBytes: number, result: ReadResult, explicit: boolean): void {
  const display = toPosix(relative(options.cwd, absolute)) || absolute;
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
