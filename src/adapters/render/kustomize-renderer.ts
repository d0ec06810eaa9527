/**
 * Builds a Kustomize root with the real kustomize (`kustomize build`, else
 * `kubectl kustomize`): plugins, exec/container functions and Helm inflation
 * off, the default load restrictor (files only from inside each
 * kustomization's own folder), a timeout, no network, in a temporary copy of
 * the repository. The build runs from a kustomization of ours beside the copy
 * that includes the root and asks for `buildMetadata: [originAnnotations]`,
 * so each built object says which file it came from; findings then point at
 * that file's line. The copy itself is never written to.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, posix, relative, resolve, sep } from 'node:path';
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
      const closure = k ? closureOf(k, tree).kustomizations : [];
      const outside = closure.flatMap((c) => c.outside.map((ref) => `${ref} (in ${c.file})`));
      if (outside.length > 0) {
        return { files: [], diagnostics: [{ severity: 'warning', code: 'kustomize-outside', message: `Kustomize root ${root || '.'} not analysed: it references ${outside.slice(0, 3).join(', ')}, outside the repository, and rendering reads nothing outside the repository; keep its bases inside the repository, or list its rendered output in .serviceentry-guard.yaml`, location: at }] };
      }
      const remote = closure.flatMap((c) => c.remote);
      if (remote.length > 0 && !copy.allowRemote) {
        return { files: [], diagnostics: [{ severity: 'warning', code: 'kustomize-remote', message: `Kustomize root ${root || '.'} not analysed: it references remote resources (${remote.slice(0, 3).join(', ')}) and rendering reaches no network; allow it with render.allowRemote in .serviceentry-guard.yaml`, location: at }] };
      }
      const [file, args] = kustomize
        ? [kustomize, ['build', ...KUSTOMIZE_SAFE_FLAGS, '.']]
        : [kubectl!, ['kustomize', ...KUSTOMIZE_SAFE_FLAGS, '.']];
      // A root only its own build reads is built in place, its kustomization edited in the copy (from the
      // repository's text). Any other runs from a small kustomization of ours beside the copy that includes the
      // root, so meshes that build one root, or a root that is also another's base, never see each other's
      // settings; that costs kustomize one more level (about a third more CPU per build here).
      const original = copy.kustomizations.find((c) => c.path === kustomizationFile)?.text;
      const inPlace = original !== undefined && copy.exclusiveRoots?.has(root) === true;
      const buildDir = inPlace ? join(copy.dir, root) : await mkdtemp(join(copy.home, 'build-'));
      if (inPlace) await writeFile(join(copy.dir, kustomizationFile), preparedRoot(original, input.targetNamespace));
      else await writeFile(join(buildDir, 'kustomization.yaml'), wrapperKustomization(relative(buildDir, join(copy.dir, root)), input.targetNamespace));
      const run = await runTool(file, args, { cwd: buildDir, env: isolatedEnvironment(copy.home, path), timeoutMs: options.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS });
      if (!inPlace) await rm(buildDir, { recursive: true, force: true });
      // Paths in messages and origins are the build folder's; the repository's are what a reader knows.
      const toRepository = (fromBuild: string) => toPosix(relative(copy.dir, resolve(buildDir, fromBuild)));
      // Built in place or not, the copy's folder is a temporary name: messages must read the same on every run.
      run.stderr = run.stderr.split(`${copy.dir}/`).join('');
      if (!inPlace) {
        run.stderr = run.stderr.split(`${toPosix(relative(buildDir, copy.dir))}/`).join('')
          // kustomize wraps a failing root in what our kustomization was doing; the root's own reason is what helps.
          .replace(/accumulating resources: accumulation err='accumulating resources from '[^']*': '[^']*' must resolve to a file': recursed accumulation of path '[^']*': /, '');
      }
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
        const source = doc.originPath ? toRepository(doc.originPath) : undefined;
        const inRepo = source !== undefined && source !== '' && !source.startsWith('../') && source !== '..' && !posix.isAbsolute(source);
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

/** The copy's kustomizations are read once per copy (again only when more were copied), not once per root built. */
const trees = new WeakMap<RepositoryCopy, { count: number; tree: KustomizeTree }>();

function kustomizeTreeOf(copy: RepositoryCopy): KustomizeTree {
  let known = trees.get(copy);
  if (!known || known.count !== copy.kustomizations.length) {
    known = { count: copy.kustomizations.length, tree: readKustomizeTree(copy.kustomizations, copy.paths) };
    trees.set(copy, known);
  }
  return known.tree;
}

/** The root kustomization as built in place: origin annotations asked for, Flux's targetNamespace set as Flux does. */
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
 * What a build through our own kustomization runs: the root, with origin annotations asked for (so each
 * entry names its source file), and Flux's targetNamespace set on everything
 * the root builds, as Flux does.
 */
function wrapperKustomization(rootFromBuild: string, targetNamespace: string | undefined): string {
  return [
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    'resources:',
    `  - ${JSON.stringify(toPosix(rootFromBuild))}`,
    'buildMetadata: [originAnnotations]',
    ...(targetNamespace ? [`namespace: ${JSON.stringify(targetNamespace)}`] : []),
    '',
  ].join('\n');
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
