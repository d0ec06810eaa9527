/**
 * Renders a chart with `helm template` when helm is on PATH: values files in
 * order, the release name and namespace of the input, no repository update and
 * no network (dependencies must already be vendored under charts/), in the
 * temporary copy. Each rendered document's `# Source:` comment names its
 * template; findings point at that template file.
 * Without helm, the chart is named in one diagnostic with the ServiceEntry
 * templates it holds, which are counted as not analysed.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { SourceFile } from '../../core/model.js';
import { declaredAnalysedKind, documentSpans } from '../../core/load/templates.js';
import type { MeshInput } from '../../core/repository/mesh-plan.js';
import type { HelmValuesLayer } from '../../core/repository/helm-values.js';
import { DEFAULT_RENDER_TIMEOUT_MS, type ManifestRenderer, type RenderResult } from './manifest-renderer.js';
import type { RepositoryCopy } from './repository-copy.js';
import { alignedToSource, analysedDocuments } from './source-mapping.js';
import { findExecutable, firstErrorLine, isolatedEnvironment, runTool } from './run-tool.js';

export interface HelmOptions {
  path?: string;
  timeoutMs?: number;
  /** The chart's files (repository-relative paths and texts), to count its ServiceEntry templates when helm is missing. */
  chartFiles?: (chart: string) => SourceFile[];
}

export function helmRenderer(options: HelmOptions = {}): ManifestRenderer {
  const path = options.path ?? process.env['PATH'] ?? '';
  const helm = findExecutable('helm', path);
  return {
    kind: 'helm',
    async render(input: MeshInput, copy: RepositoryCopy): Promise<RenderResult> {
      if (input.kind !== 'helm') throw new Error(`helm renderer given a ${input.kind} input`);
      const chartDir = input.chart;
      const at = { path: `${chartDir ? `${chartDir}/` : ''}Chart.yaml`, line: 1, column: 1 };
      if (!helm) {
        const templates = countServiceEntryTemplates(options.chartFiles?.(chartDir) ?? []);
        return {
          files: [],
          diagnostics: [{ severity: 'warning', code: 'helm-missing', message: `Helm chart ${chartDir || '.'} not analysed: helm is not on PATH${templates > 0 ? ` (${templates} ServiceEntry template${templates === 1 ? '' : 's'} not analysed)` : ''}; install helm (it is on GitHub's hosted runners) to render it`, location: at }],
          unrenderedServiceEntries: templates,
        };
      }
      const inline = await writeInlineValues(input.values ?? [], copy);
      const args = ['template', input.releaseName, `./${chartDir || '.'}`, '--namespace', input.namespace, ...input.valueFiles.flatMap((v) => ['--values', `./${v}`]), ...inline.args];
      const run = await runTool(helm, args, { cwd: copy.dir, env: isolatedEnvironment(copy.home, path), timeoutMs: options.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS })
        .finally(() => inline.dispose());
      if (!run.ok) {
        const why = run.timedOut ? `took longer than ${Math.round((options.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS) / 1000)} s` : firstErrorLine(run.stderr);
        return { files: [], diagnostics: [{ severity: 'error', code: 'helm-failed', message: `Helm chart ${chartDir || '.'} not analysed: helm template failed: ${why}`, location: at }] };
      }
      const files: SourceFile[] = [];
      const texts = new Map<string, string | undefined>();
      for (const doc of analysedDocuments(run.stdout)) {
        const source = doc.sourceComment ? templatePath(chartDir, doc.sourceComment) : undefined;
        const target = source ?? at.path;
        if (!texts.has(target)) texts.set(target, await readFile(join(copy.dir, target), 'utf8').catch(() => undefined));
        files.push(alignedToSource(doc, target, texts.get(target)));
      }
      return { files, diagnostics: [] };
    },
  };
}

/**
 * Inline values (Argo CD values/valuesObject/parameters, Flux values/valuesFrom) as helm arguments in
 * helm's own precedence: each values layer becomes a temporary values file after the input's own files
 * (later files win), and parameters become `--set`/`--set-string`, which win over every file. The files
 * are JSON, which helm reads as YAML, written outside the repository copy so no template can read them
 * as chart files.
 */
async function writeInlineValues(layers: readonly HelmValuesLayer[], copy: RepositoryCopy): Promise<{ args: string[]; dispose: () => Promise<void> }> {
  const values = layers.filter((l) => l.kind === 'values');
  const sets = layers.filter((l) => l.kind === 'set');
  const dir = values.length > 0 ? await mkdtemp(join(copy.home, 'inline-values-')) : undefined;
  const args: string[] = [];
  for (const [i, layer] of values.entries()) {
    const file = join(dir!, `${String(i).padStart(2, '0')}.json`);
    await writeFile(file, JSON.stringify(layer.values));
    args.push('--values', file);
  }
  for (const layer of sets) args.push(layer.string ? '--set-string' : '--set', `${layer.name}=${setValue(layer.value)}`);
  return { args, dispose: async () => { if (dir) await rm(dir, { recursive: true, force: true }); } };
}

/**
 * helm splits a --set value on unescaped commas; Argo CD escapes every comma not already escaped, and
 * leaves a `{a,b}` list as it is, so a parameter here reaches helm as Argo CD passes it.
 */
function setValue(value: string): string {
  if (value.startsWith('{') && value.endsWith('}')) return value;
  let out = '';
  for (let i = 0; i < value.length; i++) out += value[i] === ',' && value[i - 1] !== '\\' ? '\\,' : value[i];
  return out;
}

/** `# Source: <chart name>/templates/x.yaml` → the template's repository path (the chart's own name is its folder here). */
function templatePath(chartDir: string, comment: string): string | undefined {
  const rest = comment.split('/').slice(1).join('/');
  if (!rest) return undefined;
  const path = posix.normalize(chartDir ? `${chartDir}/${rest}` : rest);
  return path.startsWith('../') ? undefined : path;
}

function countServiceEntryTemplates(files: readonly SourceFile[]): number {
  let count = 0;
  for (const f of files) {
    if (!f.path.includes('/templates/') && !f.path.startsWith('templates/')) continue;
    for (const span of documentSpans(f.text)) if (declaredAnalysedKind(f.text.slice(span.start, span.end)) === 'ServiceEntry') count++;
  }
  return count;
}
