/**
 * `.serviceentry-guard.yaml`: the repository's own statement of its meshes.
 * Parsed with positions, validated against the shipped JSON Schema, and
 * turned into a `RepositoryPlan` over the repository's file list. A config
 * that does not validate yields no plan, only errors with `path:line:column`,
 * because guessing what a broken config meant would hide or invent findings.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node, type Pair } from 'yaml';
import type { Diagnostic, MeshOptions, RuleCode, SourceLocation } from '../model.js';
import { REPOSITORY_CONFIG_SCHEMA } from './config-schema.js';

export const DEFAULT_CONFIG_PATH = '.serviceentry-guard.yaml';

/** What a config file may set for a mesh; unset values fall back to `defaults`, then to the CLI flags / action inputs. */
export type ConfigSettings = Partial<MeshOptions> & { defaultNamespace?: string };

export interface ConfigHelmChart {
  chart: string;
  valueFiles: string[];
  releaseName: string | undefined;
  namespace: string | undefined;
  location: SourceLocation;
}

export interface ConfigMesh {
  name: string;
  /** Globs as written; a leading `!` excludes. */
  paths: string[];
  kustomize: string[];
  helm: ConfigHelmChart[];
  settings: ConfigSettings;
  /** Where the mesh's `name` is written. */
  location: SourceLocation;
  pathLocations: SourceLocation[];
  kustomizeLocations: SourceLocation[];
}

/** A finding accepted on purpose. Parsed and validated here; applied by the suppression logic, not by this module. */
export interface Suppression {
  rule: RuleCode;
  /** Glob over `namespace/name` of an entry in the finding. */
  entry: string;
  reason: string;
  /** `YYYY-MM-DD`; absent means it never expires. */
  expires: string | undefined;
  location: SourceLocation;
}

export interface RepositoryConfig {
  /** Repository-relative path of the config file, as diagnostics name it. */
  path: string;
  defaults: ConfigSettings;
  render: { allowRemote: boolean };
  meshes: ConfigMesh[];
  suppressions: Suppression[];
}

export interface ParsedConfig {
  /** Undefined when the file has an error: no plan is built from a config that did not validate. */
  config: RepositoryConfig | undefined;
  diagnostics: Diagnostic[];
}

// Compiled on first use: most runs have no config file, and compiling the schema is a noticeable part of a small run's start.
let compiled: ValidateFunction | undefined;
const configValidator = (): ValidateFunction => (compiled ??= new Ajv({ allErrors: true, strict: true, strictRequired: false, verbose: true }).compile(REPOSITORY_CONFIG_SCHEMA));

/** Parses and validates the config text; every problem is a diagnostic at its line and column. */
export function parseRepositoryConfig(text: string, path: string): ParsedConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { path, line, column: col };
  };
  const diagnostics: Diagnostic[] = doc.errors.map((e) => ({
    severity: 'error', code: 'config-yaml', message: `${path} is not valid YAML: ${e.message}`, location: at(e.pos[0]),
  }));
  if (diagnostics.length > 0) return { config: undefined, diagnostics };

  const data: unknown = doc.toJS();
  const validate = configValidator();
  if (!validate(data)) {
    for (const error of relevantErrors(validate.errors ?? [])) {
      const { message, node } = describe(error, doc);
      diagnostics.push({ severity: 'error', code: 'config-schema', message, location: at(node?.range?.[0]) });
    }
    return { config: undefined, diagnostics };
  }

  const raw = data as RawConfig;
  const where = (segments: Array<string | number>) => at(nodeAt(doc, segments)?.range?.[0]);
  const meshes = raw.meshes.map((m, i): ConfigMesh => ({
    name: m.name,
    paths: m.paths ?? [],
    kustomize: m.kustomize ?? [],
    helm: (m.helm ?? []).map((h, j) => ({
      chart: h.chart, valueFiles: h.valueFiles ?? [], releaseName: h.releaseName, namespace: h.namespace, location: where(['meshes', i, 'helm', j, 'chart']),
    })),
    settings: m.settings ?? {},
    location: where(['meshes', i, 'name']),
    pathLocations: (m.paths ?? []).map((_, j) => where(['meshes', i, 'paths', j])),
    kustomizeLocations: (m.kustomize ?? []).map((_, j) => where(['meshes', i, 'kustomize', j])),
  }));
  const seen = new Map<string, ConfigMesh>();
  for (const mesh of meshes) {
    const first = seen.get(mesh.name);
    if (first) {
      diagnostics.push({
        severity: 'error', code: 'config-duplicate-mesh', location: mesh.location,
        message: `mesh name "${mesh.name}" is already used at line ${first.location.line}; each mesh needs its own name, since findings are matched by it across a pull request`,
      });
    } else {
      seen.set(mesh.name, mesh);
    }
  }
  if (diagnostics.length > 0) return { config: undefined, diagnostics };
  return {
    config: {
      path,
      defaults: raw.defaults ?? {},
      render: { allowRemote: raw.render?.allowRemote ?? false },
      meshes,
      suppressions: (raw.suppressions ?? []).map((s, i) => ({
        rule: s.rule, entry: s.entry, reason: s.reason, expires: s.expires, location: where(['suppressions', i]),
      })),
    },
    diagnostics,
  };
}

interface RawConfig {
  defaults?: ConfigSettings;
  render?: { allowRemote?: boolean };
  meshes: Array<{
    name: string;
    paths?: string[];
    kustomize?: string[];
    helm?: Array<{ chart: string; valueFiles?: string[]; releaseName?: string; namespace?: string }>;
    settings?: ConfigSettings;
  }>;
  suppressions?: Array<{ rule: RuleCode; entry: string; reason: string; expires?: string }>;
}

/**
 * ajv reports each failed branch of an `anyOf` as well as the `anyOf`
 * itself; only the latter says something a person can act on.
 */
function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  return errors.filter((e) => !/\/anyOf\/\d+\//.test(e.schemaPath));
}

function segmentsOf(instancePath: string): Array<string | number> {
  if (instancePath === '') return [];
  return instancePath.slice(1).split('/').map((s) => {
    const key = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(key) ? Number(key) : key;
  });
}

/** `meshes[0].settings.rootNamespace`: how a person would point at the value. */
function displayPath(segments: ReadonlyArray<string | number>): string {
  const text = segments.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '');
  return text || 'the top level';
}

function nodeAt(doc: Document, segments: ReadonlyArray<string | number>): Node | undefined {
  if (segments.length === 0) return (doc.contents ?? undefined) as Node | undefined;
  const node = doc.getIn(segments, true);
  return node && typeof node === 'object' && 'range' in node ? (node as Node) : undefined;
}

function describe(error: ErrorObject, doc: Document): { message: string; node: Node | undefined } {
  const segments = segmentsOf(error.instancePath);
  const node = nodeAt(doc, segments);
  const name = displayPath(segments);
  const shown = JSON.stringify(error.data);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const pair = isMap(node) ? node.items.find((p: Pair) => isScalar(p.key) && String(p.key.value) === key) : undefined;
      const keyNode = isPair(pair) && isScalar(pair.key) ? pair.key : node;
      return { message: `unknown key "${key}" in ${name}; expected one of ${allowed.join(', ')}`, node: keyNode };
    }
    case 'required':
      return { message: `${name} is missing the required key "${(error.params as { missingProperty: string }).missingProperty}"`, node };
    case 'anyOf':
      return { message: `${name} names no manifests: set paths, kustomize or helm`, node };
    case 'type':
      return { message: `${name} is ${shown}; expected ${article((error.params as { type: string }).type)}${segments[segments.length - 1] === 'istioVersion' ? ' (quote it: YAML reads 1.30 as the number 1.3)' : ''}`, node };
    case 'enum':
      return { message: `${name} is ${shown}; expected one of ${((error.params as { allowedValues: unknown[] }).allowedValues).map(String).join(', ')}`, node };
    case 'pattern':
      return { message: `${name} is ${shown}; ${patternHint(segments)}`, node };
    case 'minItems':
      return { message: `${name} is empty; it needs at least ${(error.params as { limit: number }).limit} item`, node };
    case 'minLength':
      return { message: `${name} is empty`, node };
    case 'maxLength':
      return { message: `${name} is longer than ${(error.params as { limit: number }).limit} characters`, node };
    default:
      return { message: `${name} ${error.message ?? 'is not valid'}`, node };
  }
}

function article(type: string): string {
  return type === 'array' ? 'a list' : type === 'object' ? 'a mapping' : /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function patternHint(segments: ReadonlyArray<string | number>): string {
  const last = segments[segments.length - 1];
  switch (last) {
    case 'name': return 'expected letters, digits, ".", "_" or "-", starting and ending with a letter or digit, at most 63 characters';
    case 'istioVersion': return 'expected a version like "1.30" (quote it, or YAML reads 1.30 as a number)';
    case 'autoAllocatePrefix': return 'expected an IPv4 CIDR like 240.240.0.0/16';
    case 'expires': return 'expected a date like 2026-12-31';
    default: return 'expected a Kubernetes namespace name (lower-case letters, digits and "-")';
  }
}
