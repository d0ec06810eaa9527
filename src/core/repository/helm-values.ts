/**
 * Helm values an Argo CD Application or a Flux HelmRelease passes inline, as
 * layers in the order helm must apply them. The adapter writes each `values`
 * layer to a temporary file (`--values`, later files win) and passes `set`
 * layers as `--set`/`--set-string`, which win over every values file.
 *  - Argo CD: valueFiles < values (a YAML string) < valuesObject < parameters
 *    (its documented order of precedence);
 *  - Flux: the chart's valuesFiles < each valuesFrom in order < spec.values.
 * A valuesFrom ConfigMap or Secret is read when the repository holds it in
 * readable form; otherwise the chart is rendered without it and one
 * diagnostic says so, since the cluster may render differently.
 */
import type { Diagnostic, SourceFile } from '../model.js';
import { parseYamlDocuments } from '../load/yaml-documents.js';
import { field, isObject, text, yamlObjects, type YamlObject } from './yaml-objects.js';

export type HelmValuesLayer =
  /** A values document, written to a temporary values file. */
  | { kind: 'values'; from: string; values: YamlObject }
  /** One `--set name=value` (`--set-string` when `string`). */
  | { kind: 'set'; from: string; name: string; value: string; string: boolean };

export interface HelmValues {
  layers: HelmValuesLayer[];
  diagnostics: Diagnostic[];
}

/** `spec.source.helm` of an Argo CD Application. */
export function argoHelmValues(helm: YamlObject, file: string): HelmValues {
  const layers: HelmValuesLayer[] = [];
  const diagnostics: Diagnostic[] = [];
  const inline = helm['values'];
  if (typeof inline === 'string' && inline.trim() !== '') {
    const parsed = parseValues(inline);
    if (parsed) layers.push({ kind: 'values', from: `${file} helm.values`, values: parsed });
    else diagnostics.push(unread(file, `helm.values of ${file} is not a YAML mapping; the chart is rendered without it`));
  } else if (isObject(inline)) {
    // Older Argo CD versions accepted an object here too.
    layers.push({ kind: 'values', from: `${file} helm.values`, values: inline });
  }
  const object = helm['valuesObject'];
  if (isObject(object)) layers.push({ kind: 'values', from: `${file} helm.valuesObject`, values: object });
  const parameters = helm['parameters'];
  for (const p of Array.isArray(parameters) ? parameters.filter(isObject) : []) {
    const name = text(p['name']);
    const value = p['value'];
    if (name === undefined || (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')) continue;
    layers.push({ kind: 'set', from: `${file} helm.parameters`, name, value: String(value), string: p['forceString'] === true });
  }
  return { layers, diagnostics };
}

/** Where a HelmRelease's valuesFrom objects are looked up: the repository's ConfigMaps and Secrets. */
export interface ValuesSources {
  find(kind: 'ConfigMap' | 'Secret', namespace: string | undefined, name: string): { object: YamlObject; file: string } | undefined;
}

export function valuesSources(files: readonly SourceFile[]): ValuesSources {
  let index: Map<string, Array<{ object: YamlObject; file: string }>> | undefined;
  const build = () => {
    const map = new Map<string, Array<{ object: YamlObject; file: string }>>();
    for (const file of files) {
      if (!/kind:\s*["']?(ConfigMap|Secret)\b/.test(file.text)) continue;
      for (const object of yamlObjects(file)) {
        const kind = text(object['kind']);
        const name = text(field(object, 'metadata', 'name'));
        if ((kind !== 'ConfigMap' && kind !== 'Secret') || name === undefined) continue;
        const key = `${kind}/${name}`;
        map.set(key, [...(map.get(key) ?? []), { object, file: file.path }]);
      }
    }
    return map;
  };
  return {
    find(kind, namespace, name) {
      index ??= build();
      const candidates = index.get(`${kind}/${name}`) ?? [];
      // A manifest without a namespace gets the one it is applied to, so it matches any.
      return candidates.find((c) => text(field(c.object, 'metadata', 'namespace')) === namespace)
        ?? candidates.find((c) => text(field(c.object, 'metadata', 'namespace')) === undefined);
    },
  };
}

/** `spec.valuesFrom` then `spec.values` of a Flux HelmRelease. */
export function fluxHelmValues(release: YamlObject, file: string, sources: ValuesSources): HelmValues {
  const layers: HelmValuesLayer[] = [];
  const diagnostics: Diagnostic[] = [];
  const namespace = text(field(release, 'metadata', 'namespace'));
  const valuesFrom = field(release, 'spec', 'valuesFrom');
  for (const ref of Array.isArray(valuesFrom) ? valuesFrom.filter(isObject) : []) {
    const kind = text(ref['kind']);
    const name = text(ref['name']);
    if ((kind !== 'ConfigMap' && kind !== 'Secret') || name === undefined) continue;
    const key = text(ref['valuesKey']) ?? 'values.yaml';
    const targetPath = text(ref['targetPath']);
    const from = `${kind} ${name} key ${key} (valuesFrom of ${file})`;
    const found = sources.find(kind, namespace, name);
    const raw = found ? dataValue(found.object, key) : undefined;
    if (raw === undefined) {
      if (ref['optional'] !== true) {
        const why = !found ? 'is not in the repository' : isObject(found.object['sops']) ? `is encrypted (SOPS) in ${found.file}` : `has no readable key ${key} in ${found.file}`;
        diagnostics.push(unread(file, `${kind} ${name} named in valuesFrom of ${file} ${why}; the chart is rendered without those values, so the cluster may render it differently`));
      }
      continue;
    }
    if (targetPath !== undefined) {
      layers.push({ kind: 'values', from, values: nested(targetPath.split('.'), raw) });
      continue;
    }
    const parsed = parseValues(raw);
    if (parsed) layers.push({ kind: 'values', from, values: parsed });
    else diagnostics.push(unread(file, `${from} is not a YAML mapping; the chart is rendered without it`));
  }
  const values = field(release, 'spec', 'values');
  if (isObject(values)) layers.push({ kind: 'values', from: `${file} spec.values`, values });
  return { layers, diagnostics };
}

function dataValue(object: YamlObject, key: string): string | undefined {
  const plain = field(object, text(object['kind']) === 'Secret' ? 'stringData' : 'data', key);
  if (typeof plain === 'string') return plain;
  if (text(object['kind']) !== 'Secret' || isObject(object['sops'])) return undefined;
  const encoded = field(object, 'data', key);
  if (typeof encoded !== 'string' || !/^[A-Za-z0-9+/=\s]*$/.test(encoded)) return undefined;
  return Buffer.from(encoded, 'base64').toString('utf8');
}

function parseValues(raw: string): YamlObject | undefined {
  try {
    const value = parseYamlDocuments(raw).documents[0]?.value;
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function nested(path: readonly string[], value: string): YamlObject {
  const [head, ...rest] = path;
  return { [head!]: rest.length === 0 ? value : nested(rest, value) };
}

function unread(file: string, message: string): Diagnostic {
  return { severity: 'warning', code: 'helm-values-unread', message, location: { path: file, line: 1, column: 1 } };
}
