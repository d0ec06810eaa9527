/**
 * Builds a Kustomize root with the real kustomize (`kustomize build`, else
 * `kubectl kustomize`): plugins, exec/container functions and Helm inflation
 * off, the default load restrictor (files only from inside each
 * kustomization's own folder), a timeout, no network, in a temporary copy of
 * the repository. The copy's root kustomization gets
 * `buildMetadata: [originAnnotations]`, so each built object says which file
 * it came from; findings then point at that file's line.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { parseDocument } from 'yaml';
import type { Diagnostic } from '../../core/model.js';
import { closureOf, readKustomizeTree, type KustomizeTree } from '../../core/repository/kustomize-tree.js';
import type { MeshInput } from '../../core/repository/mesh-plan.js';
import { DEFAULT_RENDER_TIMEOUT_MS, type ManifestRenderer, type RenderResult } from './manifest-renderer.js';
import type { RepositoryCopy } from './repository-copy.js';
import { alignedToSource, kustomizeDocuments, SourceIndex } from './source-mapping.js';
import { findExecutable, firstErrorLine, isolatedEnvironment, runTool } from './run-tool.js';

export const KUSTOMIZE_SAFE_FLAGS = ['--enable-alpha-plugins=false', '--enable-helm=false', '--load-restrictor=LoadRestrictionsRootOnly'];

export interface KustomizeOptions {
  /** PATH to look for kustomize/kubectl on (default: this process's). */
  path?: string;
  timeoutMs?: number;
}

export function kustomizeRenderer(options: KustomizeOptions = {}): ManifestRenderer {
  const path = options.path ?? process.env['PATH'] ?? '';
  const kustomize = findExecutable('kustomize', path);
  const kubectl = kustomize ? undefined : findExecutable('kubectl', path);
  return {
    kind: 'kustomize',
    async render(input: MeshInput, copy: RepositoryCopy): Promise<RenderResult> {
      if (input.kind !== 'kustomize') throw new Error(`kustomize renderer given a ${input.kind} input`);
      const root = input.root;
      const kustomizationFile = copy.kustomizations.find((k) => posix.dirname(k.path) === (root || '.'))?.path ?? `${root ? `${root}/` : ''}kustomization.yaml`;
      const at = { path: kustomizationFile, line: 1, column: 1 };
      const diagnostics: Diagnostic[] = [];
      if (!kustomize && !kubectl) {
        return { files: [], diagnostics: [{ severity: 'warning', code: 'kustomize-missing', message: `Kustomize root ${root || '.'} not analysed: neither kustomize nor kubectl is on PATH (install one, or list its rendered output in .serviceentry-guard.yaml)`, location: at }] };
      }
      const tree = kustomizeTreeOf(copy);
      const k = tree.byDir.get(root);
      const remote = k ? closureOf(k, tree).kustomizations.flatMap((c) => c.remote) : [];
      if (remote.length > 0 && !copy.allowRemote) {
        return { files: [], diagnostics: [{ severity: 'warning', code: 'kustomize-remote', message: `Kustomize root ${root || '.'} not analysed: it references remote resources (${remote.slice(0, 3).join(', ')}) and rendering reaches no network; allow it with render.allowRemote in .serviceentry-guard.yaml`, location: at }] };
      }
      const [file, args] = kustomize
        ? [kustomize, ['build', ...KUSTOMIZE_SAFE_FLAGS, '.']]
        : [kubectl!, ['kustomize', ...KUSTOMIZE_SAFE_FLAGS, '.']];
      const original = copy.kustomizations.find((c) => c.path === kustomizationFile)?.text;
      const run = await oneBuildPerRoot(copy, kustomizationFile, async () => {
        if (original !== undefined) await writeFile(join(copy.dir, kustomizationFile), preparedRoot(original, input.targetNamespace));
        return runTool(file, args, { cwd: join(copy.dir, root), env: isolatedEnvironment(copy.home, path), timeoutMs: options.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS });
      });
      if (!run.ok) {
        // What kubectl would apply cannot be known; the files the root lists are still read as
        // written, so a collision in them is not hidden by a build that fails.
        const why = run.timedOut ? `took longer than ${Math.round((options.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS) / 1000)} s` : firstErrorLine(run.stderr);
        const listed = k ? closureOf(k, tree).files.filter((f) => /\.ya?ml$/.test(f) && !/(^|\/)kustomization\.ya?ml$/.test(f)) : [];
        const files = [];
        for (const f of listed) {
          const text = await readFile(join(copy.dir, f), 'utf8').catch(() => undefined);
          if (text !== undefined) files.push({ path: f, text });
        }
        diagnostics.push({ severity: 'warning', code: 'kustomize-failed', message: `Kustomize root ${root || '.'} could not be built (${posix.basename(file)} ${args[0]}: ${why}); its ${files.length} listed file${files.length === 1 ? ' is' : 's are'} read as written, without the kustomization's changes`, location: at });
        return { files, diagnostics };
      }
      const files = [];
      // Each source file is read and indexed once, however many of the build's entries come from it.
      const sources = new Map<string, SourceIndex | undefined>();
      for (const doc of kustomizeDocuments(run.stdout)) {
        const source = doc.originPath ? posix.normalize(posix.join(root || '.', doc.originPath)) : undefined;
        const inRepo = source !== undefined && !source.startsWith('../') && source !== '..';
        const path = inRepo ? source : kustomizationFile;
        if (!sources.has(path)) {
          const text = inRepo ? await readFile(join(copy.dir, path), 'utf8').catch(() => undefined) : undefined;
          sources.set(path, text === undefined ? undefined : new SourceIndex(text));
        }
        files.push(alignedToSource(doc, path, sources.get(path)));
      }
      return { files, diagnostics };
    },
  };
}

/** The copy's kustomizations are read once per copy, not once per root built in it. */
const trees = new WeakMap<RepositoryCopy, KustomizeTree>();

function kustomizeTreeOf(copy: RepositoryCopy): KustomizeTree {
  let tree = trees.get(copy);
  if (!tree) {
    tree = readKustomizeTree(copy.kustomizations, copy.paths);
    trees.set(copy, tree);
  }
  return tree;
}

/**
 * The root kustomization as built in the copy: origin annotations asked for,
 * and Flux's targetNamespace set the way Flux does. Always made from the
 * repository's own text, so one mesh's namespace never leaks into another
 * mesh that builds the same root.
 */
function preparedRoot(text: string, targetNamespace: string | undefined): string {
  const doc = parseDocument(text);
  const metadata = doc.get('buildMetadata');
  const wanted = new Set<string>(Array.isArray((metadata as { toJSON?: () => unknown } | undefined)?.toJSON?.()) ? ((metadata as { toJSON: () => string[] }).toJSON()) : []);
  wanted.add('originAnnotations');
  doc.set('buildMetadata', [...wanted]);
  if (targetNamespace) doc.set('namespace', targetNamespace);
  return doc.toString();
}

/**
 * Builds run concurrently, but two meshes may build the same root (two Flux
 * Kustomizations of one path, each with its own targetNamespace): the root's
 * kustomization is rewritten for each, so builds of one root take turns.
 */
const buildsInProgress = new WeakMap<RepositoryCopy, Map<string, Promise<unknown>>>();

function oneBuildPerRoot<T>(copy: RepositoryCopy, kustomizationFile: string, build: () => Promise<T>): Promise<T> {
  let roots = buildsInProgress.get(copy);
  if (!roots) {
    roots = new Map();
    buildsInProgress.set(copy, roots);
  }
  const previous = roots.get(kustomizationFile) ?? Promise.resolve();
  const next = previous.then(build);
  roots.set(kustomizationFile, next.catch(() => undefined));
  return next;
}
