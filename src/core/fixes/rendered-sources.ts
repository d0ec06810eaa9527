/**
 * Fixes for entries a renderer produced. A reviewer edits the repository file
 * an entry came from, not the render, so a fix is an edit of that source file,
 * verified on the render it produces. That is exact only when the renderer
 * passes the entry's listener fields through as written (a plain resource a
 * kustomization lists and does not patch): the same edit is then applied to the
 * rendered document and the render re-analysed. When kustomize changes those
 * fields (a patch, a transformer), or the entry comes from a Helm template,
 * no source edit can be verified this way, and the review says why instead.
 */
import { loadSourceFile } from '../load/load-sources.js';
import { type Finding, type ServiceEntry, type SourceFile } from '../model.js';
import { loadMeshSources, type MeshSourceGroup } from '../repository/load-mesh.js';
import { isUnder } from '../repository/yaml-objects.js';
import { applyEdits, holdsManifestAt, manifestValueAt, type ManifestEdit } from './manifest-edits.js';

export interface RenderedSource {
  by: 'kustomize' | 'helm';
  /** The Kustomize root or chart that rendered it. */
  input: string;
  /** The repository file as written; undefined when it was not among the side's files. */
  source: SourceFile | undefined;
  /** The rendered documents that came from it, each aligned to its source lines. */
  rendered: SourceFile[];
  defaultNamespace: string;
  targetNamespace?: string;
}

/** Rendered documents by the repository path they came from. */
export function renderedSourcesOf(groups: readonly MeshSourceGroup[]): Map<string, RenderedSource> {
  const out = new Map<string, RenderedSource>();
  for (const group of groups) {
    if (!group.rendered) continue;
    const sources = new Map(group.rendered.sources.map((f) => [f.path, f]));
    for (const file of group.files) {
      let at = out.get(file.path);
      if (!at) {
        at = { by: group.rendered.by, input: group.rendered.input, source: sources.get(file.path), rendered: [], defaultNamespace: group.defaultNamespace, ...(group.targetNamespace ? { targetNamespace: group.targetNamespace } : {}) };
        out.set(file.path, at);
      }
      at.rendered.push(file);
    }
  }
  return out;
}

export interface PatchedRender {
  /** The source file after the edits. */
  sourceText: string;
  /** Every entry rendered from that file, with the edits applied to the render. */
  entries: ServiceEntry[];
}

/**
 * The source file edited and the render it gives, or undefined when that cannot be known from the
 * source alone (see renderedFixNote for the reason given to the reviewer).
 */
export function patchRenderedSource(source: RenderedSource, edits: readonly ManifestEdit[], validate: (manifest: unknown) => unknown[]): PatchedRender | undefined {
  if (source.by !== 'kustomize' || !source.source || !ownedByRoot(source)) return undefined;
  if (edits.some((e) => !passesThrough(source, e.at.line))) return undefined;
  const applied = applyEdits(source.source.text, edits);
  if (!applied) return undefined;
  if (!applied.locations.every((at) => { const m = manifestValueAt(applied.text, at); return m !== undefined && validate(m).length === 0; })) return undefined;
  const rendered: SourceFile[] = [];
  for (const file of source.rendered) {
    const own = edits.filter((e) => holdsManifestAt(file.text, e.at));
    if (own.length === 0) {
      rendered.push(file);
      continue;
    }
    const patched = applyEdits(file.text, own);
    if (!patched) return undefined;
    rendered.push({ ...file, text: patched.text });
  }
  const loaded = loadMeshSources([{ files: rendered, defaultNamespace: source.defaultNamespace, ...(source.targetNamespace ? { targetNamespace: source.targetNamespace } : {}) }]);
  if (loaded.diagnostics.some((d) => d.severity === 'error')) return undefined;
  return { sourceText: applied.text, entries: loaded.entries };
}

/** Why a finding whose entries were rendered gets no source edit, in one sentence; undefined when none applies. */
export function renderedFixNote(finding: Finding, sources: ReadonlyMap<string, RenderedSource>): string | undefined {
  const notes = new Set<string>();
  for (const entry of finding.entries) {
    const note = entryNote(entry, sources.get(entry.location.path));
    if (note) notes.add(note);
  }
  return notes.size > 0 ? [...notes].slice(0, 3).join(' ') : undefined;
}

function entryNote(entry: Finding['entries'][number], source: RenderedSource | undefined): string | undefined {
  if (!source) return undefined;
  if (source.by === 'helm') {
    return `${entry.ref} is rendered from Helm chart ${source.input || '.'} (template ${entry.location.path}): a fix belongs in the chart's values or templates, which the tool does not edit, so no verified edit is suggested.`;
  }
  if (!source.source) return `${entry.ref} is rendered by Kustomize root ${source.input || '.'} from ${entry.location.path}, which is not among the files read, so no verified edit is suggested.`;
  if (!ownedByRoot(source)) {
    return `${entry.ref} comes from ${entry.location.path}, outside Kustomize root ${source.input || '.'}: an edit there changes every root that builds it, which this review does not verify, so no edit is suggested.`;
  }
  if (!passesThrough(source, entry.location.line)) {
    return `Kustomize root ${source.input || '.'} changes ${entry.ref} on its way from ${entry.location.path} (a patch or transformer), so an edit of that file alone cannot be verified; change the patch instead. No edit is suggested.`;
  }
  return undefined;
}

/** A file in the root's own folder is built by that root alone (a base beside it may be shared by other overlays). */
function ownedByRoot(source: RenderedSource): boolean {
  return source.source !== undefined && isUnder(source.source.path, source.input);
}

/**
 * Whether the entry whose manifest starts at `line` of the source renders with the listener fields the
 * source gives it (kustomize may still rename it or set its namespace: those do not change a listener).
 */
function passesThrough(source: RenderedSource, line: number): boolean {
  if (!source.source) return false;
  const written = loadSourceFile(source.source, { defaultNamespace: source.defaultNamespace }).entries.find((e) => e.location.line === line);
  const rendered = loadMeshSources([{ files: source.rendered, defaultNamespace: source.defaultNamespace }]).entries.find((e) => e.location.line === line);
  return written !== undefined && rendered !== undefined && listenerShape(written) === listenerShape(rendered);
}

function listenerShape(e: ServiceEntry): string {
  return JSON.stringify({
    hosts: e.hosts, addresses: e.addresses, resolution: e.resolution, exportTo: e.exportTo ?? null,
    ports: e.ports.map((p) => [p.number, p.protocol, p.name]),
  });
}
