/**
 * What Argo CD and Flux objects in the repository say about it: which folder
 * (a plain directory, a Kustomize root or a Helm chart) is deployed to which
 * cluster and namespace. Only sources that are folders of this repository
 * count; remote charts and other repositories are out of reach.
 */
import picomatch from 'picomatch';
import type { Diagnostic, SourceFile } from '../model.js';
import { argoHelmValues, fluxHelmValues, valuesSources, type HelmValuesLayer } from './helm-values.js';
import { folderConvention } from './folder-conventions.js';
import { field, isObject, repoPath, strings, text, yamlObjects, type YamlObject } from './yaml-objects.js';

export interface DeployedSource {
  /** e.g. `Argo CD Application apps/prod.yaml (shop-prod)`. */
  why: string;
  file: string;
  /** Destination cluster; undefined when the object does not say (Flux applies to the cluster it runs in). */
  cluster: string | undefined;
  /** Namespace given to objects that set none (Argo CD destination namespace). */
  defaultNamespace: string | undefined;
  /** Namespace set on every object (Flux targetNamespace). */
  targetNamespace: string | undefined;
  path: string;
  recurse: boolean;
  /** `values`: inline values layers after the value files, in helm's precedence order (see helm-values). */
  helm: { valueFiles: string[]; releaseName: string | undefined; values?: HelmValuesLayer[] } | undefined;
  /** What could not be read of the values it passes (a valuesFrom Secret not in the repository, …). */
  diagnostics?: Diagnostic[];
}

const IN_CLUSTER = new Set(['https://kubernetes.default.svc', 'https://kubernetes.default.svc/']);

/** `folders`: every folder of the repository, for ApplicationSet git-directory generators. */
export function findDeployedSources(files: readonly SourceFile[], folders: readonly string[]): DeployedSource[] {
  const out: DeployedSource[] = [];
  const sources = valuesSources(files);
  for (const file of files) {
    if (!file.text.includes('kind:')) continue;
    if (!/argoproj\.io|fluxcd\.io/.test(file.text)) continue;
    for (const obj of yamlObjects(file, true)) {
      const apiVersion = text(obj['apiVersion']) ?? '';
      const kind = text(obj['kind']);
      const name = text(field(obj, 'metadata', 'name')) ?? '?';
      if (apiVersion.startsWith('argoproj.io/') && kind === 'Application') {
        out.push(...argoSources(field(obj, 'spec'), file.path, `Argo CD Application ${file.path} (${name})`));
      } else if (apiVersion.startsWith('argoproj.io/') && kind === 'ApplicationSet') {
        out.push(...applicationSetSources(obj, file.path, name, folders));
      } else if (apiVersion.startsWith('kustomize.toolkit.fluxcd.io/') && kind === 'Kustomization') {
        const path = repoPath(text(field(obj, 'spec', 'path')) ?? '');
        if (path === undefined) continue;
        out.push({
          why: `Flux Kustomization ${file.path} (${name})`, file: file.path, cluster: fluxCluster(obj, file.path), defaultNamespace: undefined,
          targetNamespace: text(field(obj, 'spec', 'targetNamespace')), path, recurse: true, helm: undefined,
        });
      } else if (apiVersion.startsWith('helm.toolkit.fluxcd.io/') && kind === 'HelmRelease') {
        const chart = field(obj, 'spec', 'chart', 'spec');
        if (text(field(chart, 'sourceRef', 'kind')) !== 'GitRepository') continue; // a chart from a Helm repository is not in this one
        const path = repoPath(text(field(chart, 'chart')) ?? '');
        if (path === undefined) continue;
        const namespace = text(field(obj, 'spec', 'targetNamespace')) ?? text(field(obj, 'metadata', 'namespace'));
        const values = fluxHelmValues(obj, file.path, sources);
        out.push({
          why: `Flux HelmRelease ${file.path} (${name})`, file: file.path, cluster: fluxCluster(obj, file.path), defaultNamespace: namespace,
          targetNamespace: undefined, path, recurse: true,
          helm: { valueFiles: strings(field(chart, 'valuesFiles')).map((v) => repoPath(v)).filter((v): v is string => v !== undefined), releaseName: text(field(obj, 'spec', 'releaseName')) ?? name, ...withLayers(values.layers) },
          ...(values.diagnostics.length > 0 ? { diagnostics: values.diagnostics } : {}),
        });
      }
    }
  }
  return out;
}

function argoSources(spec: unknown, file: string, why: string): DeployedSource[] {
  const destination = field(spec, 'destination');
  const server = text(field(destination, 'server'));
  const cluster = text(field(destination, 'name')) ?? (server === undefined ? undefined : IN_CLUSTER.has(server) ? 'in-cluster' : hostOf(server));
  const sources = [field(spec, 'source'), ...(Array.isArray(field(spec, 'sources')) ? (field(spec, 'sources') as unknown[]) : [])].filter(isObject);
  const out: DeployedSource[] = [];
  for (const source of sources) {
    const rawPath = text(source['path']);
    if (rawPath === undefined || text(source['chart'])) continue; // a chart from a Helm repository
    const path = repoPath(rawPath);
    if (path === undefined) continue;
    const helm = field(source, 'helm');
    const values = isObject(helm) ? argoHelmValues(helm, file) : undefined;
    out.push({
      why, file, cluster, defaultNamespace: text(field(destination, 'namespace')), targetNamespace: undefined, path,
      recurse: field(source, 'directory', 'recurse') === true,
      helm: isObject(helm)
        ? { valueFiles: strings(helm['valueFiles']).filter((v) => !v.startsWith('$')).map((v) => repoPath(path, v)).filter((v): v is string => v !== undefined), releaseName: text(helm['releaseName']), ...withLayers(values!.layers) }
        : undefined,
      ...(values && values.diagnostics.length > 0 ? { diagnostics: values.diagnostics } : {}),
    });
  }
  return out;
}

/**
 * An ApplicationSet is expanded for the generators whose parameters the
 * repository itself holds: list elements and git directories. Cluster
 * generators name clusters only Argo CD knows; their apps are left out.
 */
function applicationSetSources(obj: YamlObject, file: string, name: string, folders: readonly string[]): DeployedSource[] {
  const template = field(obj, 'spec', 'template');
  const out: DeployedSource[] = [];
  const generators = field(obj, 'spec', 'generators');
  for (const generator of Array.isArray(generators) ? generators : []) {
    for (const params of generatorParams(generator, folders)) {
      const spec = substitute(field(template, 'spec'), params);
      out.push(...argoSources(spec, file, `Argo CD ApplicationSet ${file} (${name})`));
    }
  }
  return out.filter((s) => !s.path.includes('{{'));
}

function generatorParams(generator: unknown, folders: readonly string[]): Array<Record<string, string>> {
  const elements = field(generator, 'list', 'elements');
  if (Array.isArray(elements)) {
    return elements.filter(isObject).map((e) => Object.fromEntries(Object.entries(e).filter(([, v]) => typeof v === 'string' || typeof v === 'number').map(([k, v]) => [k, String(v)])));
  }
  const directories = field(generator, 'git', 'directories');
  if (!Array.isArray(directories)) return [];
  const include = directories.filter(isObject).filter((d) => d['exclude'] !== true).map((d) => text(d['path'])).filter((g): g is string => g !== undefined);
  const exclude = directories.filter(isObject).filter((d) => d['exclude'] === true).map((d) => text(d['path'])).filter((g): g is string => g !== undefined);
  if (include.length === 0) return [];
  const included = picomatch(include);
  const excluded = exclude.length > 0 ? picomatch(exclude) : () => false;
  return folders.filter((f) => f !== '' && included(f) && !excluded(f)).map((path) => {
    const parts = path.split('/');
    const basename = parts[parts.length - 1]!;
    const params: Record<string, string> = { path, 'path.path': path, 'path.basename': basename, 'path.basenameNormalized': basename.replace(/[^a-zA-Z0-9-]/g, '-') };
    parts.forEach((part, i) => { params[`path[${i}]`] = part; params[`path.segments[${i}]`] = part; });
    return params;
  });
}

/** Replaces `{{key}}`, `{{.key}}`, `{{ .path.basename }}` with the generator's parameters; unknown ones stay. */
export function substitute<T>(value: T, params: Record<string, string>): T {
  if (typeof value === 'string') return replaceParams(value, params) as T;
  if (Array.isArray(value)) return value.map((v) => substitute(v, params)) as T;
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, params)])) as T;
  return value;
}

function replaceParams(value: string, params: Record<string, string>): string {
  let out = '';
  let at = 0;
  for (let open = value.indexOf('{{'); open >= 0; open = value.indexOf('{{', at)) {
    const close = value.indexOf('}}', open + 2);
    if (close < 0) break;
    const key = value.slice(open + 2, close).trim().replace(/^\./, '');
    out += value.slice(at, open) + (params[key] ?? value.slice(open, close + 2));
    at = close + 2;
  }
  return out + value.slice(at);
}

/** Absent when there are none, so plans without inline values read as before. */
function withLayers(layers: HelmValuesLayer[]): { values?: HelmValuesLayer[] } {
  return layers.length > 0 ? { values: layers } : {};
}

function fluxCluster(obj: YamlObject, file: string): string | undefined {
  return text(field(obj, 'spec', 'kubeConfig', 'secretRef', 'name')) ?? folderConvention(file)?.name;
}

function hostOf(server: string): string {
  const m = /^[a-z]+:\/\/([^/:]+)/i.exec(server);
  return m ? m[1]! : server;
}
