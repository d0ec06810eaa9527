/**
 * The YAML objects of a repository file as plain values, for reading what the
 * repository declares about itself (kustomizations, charts, Argo CD and Flux
 * objects). Templates and documents that do not parse are skipped: they
 * declare nothing we can trust.
 */
import { posix } from 'node:path';
import type { SourceFile } from '../model.js';
import { blankSpans, documentSpans, looksLikeTemplate, mayHoldTemplates } from '../load/templates.js';
import { parseYamlDocuments } from '../load/yaml-documents.js';

export type YamlObject = Record<string, unknown>;

/** `keepTemplates`: for objects whose own syntax uses `{{ }}` (Argo CD ApplicationSet templates). */
export function yamlObjects(file: SourceFile, keepTemplates = false): YamlObject[] {
  let text = file.text;
  if (!keepTemplates && mayHoldTemplates(text)) text = blankSpans(text, documentSpans(text).filter((s) => looksLikeTemplate(text.slice(s.start, s.end))));
  try {
    return parseYamlDocuments(text).documents.map((d) => d.value).filter(isObject);
  } catch {
    return [];
  }
}

export function isObject(value: unknown): value is YamlObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function field(value: unknown, ...keys: string[]): unknown {
  let at = value;
  for (const key of keys) at = isObject(at) ? at[key] : undefined;
  return at;
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

/** Repository-relative, normalised, posix; undefined when it leaves the repository. */
export function repoPath(...parts: string[]): string | undefined {
  const joined = posix.normalize(posix.join(...parts.map((p) => p.replace(/^\/+/, ''))));
  if (joined === '..' || joined.startsWith('../')) return undefined;
  return joined === '.' ? '' : joined.replace(/\/+$/, '');
}

export function dirOf(path: string): string {
  const d = posix.dirname(path);
  return d === '.' ? '' : d;
}

/** Whether path is dir itself or lies under it ('' is the repository root). */
export function isUnder(path: string, dir: string): boolean {
  return dir === '' || path === dir || path.startsWith(`${dir}/`);
}
