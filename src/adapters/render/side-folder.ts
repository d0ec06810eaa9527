/**
 * A pull request's side exists only as git objects or API reads: to render
 * its Kustomize roots and charts, its files are written to a temporary folder
 * first. Only the side's own repository-relative paths are written (no `..`,
 * no absolute path), so a renderer there sees nothing but that side.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, sep } from 'node:path';
import type { SourceFile } from '../../core/model.js';

export interface SideFolder {
  dir: string;
  /** The files written, by repository-relative path. */
  files: SourceFile[];
  dispose(): Promise<void>;
}

export async function writeSideFolder(files: Iterable<SourceFile>): Promise<SideFolder> {
  const dir = await mkdtemp(join(tmpdir(), 'serviceentry-guard-side-'));
  const written: SourceFile[] = [];
  for (const file of files) {
    const rel = normalize(file.path);
    if (rel.startsWith('..') || rel.startsWith(sep) || rel.split(sep).includes('..')) continue;
    const target = join(dir, rel);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.text);
    written.push(file);
  }
  return { dir, files: written, dispose: () => rm(dir, { recursive: true, force: true }) };
}
