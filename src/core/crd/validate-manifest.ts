import { ruleHolds, toCel } from './cel-rules.js';
import type { JsonSchema } from './schema-types.js';
import { SERVICE_ENTRY_SCHEMA } from './serviceentry-schema.gen.js';

export interface SchemaViolation {
  /** Field path as the API server prints it, e.g. `spec.ports[1].number`. */
  path: string;
  message: string;
}

/**
 * Checks a ServiceEntry manifest (plain parsed YAML) the way the API server
 * would: the CRD's structural schema, then every CEL rule at the node it is
 * attached to, with messages in the server's words. Unknown fields are not
 * errors: the server prunes them.
 */
export function validateServiceEntryManifest(manifest: unknown): SchemaViolation[] {
  const violations: SchemaViolation[] = [];
  if (!isObject(manifest)) return [{ path: '<root>', message: 'Invalid value: the manifest must be a mapping' }];
  const schema = SERVICE_ENTRY_SCHEMA;
  for (const key of schema.required ?? []) {
    if (manifest[key] === undefined || manifest[key] === null) violations.push({ path: key, message: `${key}: Required value` });
  }
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    const value = manifest[key];
    if (value !== undefined && value !== null) walk(value, child, key, violations);
  }
  return violations;
}

function walk(value: unknown, schema: JsonSchema, path: string, out: SchemaViolation[]): void {
  if (!typeMatches(value, schema)) {
    out.push({ path, message: `${path}: Invalid value: ${JSON.stringify(describe(value))}: ${path} in body must be of type ${schema.type}` });
    return;
  }
  checkScalar(value, schema, path, out);
  if (Array.isArray(value)) checkList(value, schema, path, out);
  else if (isObject(value)) checkObject(value, schema, path, out);
  for (const rule of schema['x-kubernetes-validations'] ?? []) {
    if (!ruleHolds(rule.rule, toCelDeep(value, schema))) {
      out.push({ path, message: `${path}: Invalid value: ${JSON.stringify(describe(value))}: ${rule.message ?? `failed rule: ${rule.rule}`}` });
    }
  }
}

function checkScalar(value: unknown, schema: JsonSchema, path: string, out: SchemaViolation[]): void {
  if (schema.enum && !schema.enum.includes(value)) {
    out.push({ path, message: `${path}: Unsupported value: ${JSON.stringify(value)}: supported values: ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}` });
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) out.push({ path, message: `${path}: Invalid value: ${value}: ${path} in body should be greater than or equal to ${schema.minimum}` });
    if (schema.maximum !== undefined && value > schema.maximum) out.push({ path, message: `${path}: Invalid value: ${value}: ${path} in body should be less than or equal to ${schema.maximum}` });
  }
  if (typeof value === 'string') {
    const bytes = Buffer.byteLength(value, 'utf8');
    if (schema.maxLength !== undefined && bytes > schema.maxLength) out.push({ path, message: `${path}: Too long: may not be more than ${schema.maxLength} bytes` });
    if (schema.minLength !== undefined && bytes < schema.minLength) out.push({ path, message: `${path}: Invalid value: ${JSON.stringify(value)}: ${path} in body should be at least ${schema.minLength} chars long` });
  }
}

function checkList(list: unknown[], schema: JsonSchema, path: string, out: SchemaViolation[]): void {
  if (schema.maxItems !== undefined && list.length > schema.maxItems) out.push({ path, message: `${path}: Too many: ${list.length}: must have at most ${schema.maxItems} items` });
  if (schema.minItems !== undefined && list.length < schema.minItems) out.push({ path, message: `${path}: Invalid value: ${list.length}: ${path} in body should have at least ${schema.minItems} items` });
  list.forEach((item, i) => {
    if (schema.items && item !== null && item !== undefined) walk(item, schema.items, `${path}[${i}]`, out);
  });
  const listType = schema['x-kubernetes-list-type'];
  if (listType === 'map' || listType === 'set') {
    const keys = schema['x-kubernetes-list-map-keys'] ?? [];
    const seen = new Set<string>();
    list.forEach((item, i) => {
      const key = listType === 'set' ? JSON.stringify(item) : JSON.stringify(keys.map((k) => (isObject(item) ? item[k] : undefined)));
      if (seen.has(key)) out.push({ path: `${path}[${i}]`, message: `${path}[${i}]: Duplicate value: ${key}` });
      seen.add(key);
    });
  }
}

function checkObject(object: Record<string, unknown>, schema: JsonSchema, path: string, out: SchemaViolation[]): void {
  for (const key of schema.required ?? []) {
    if (object[key] === undefined || object[key] === null) out.push({ path: `${path}.${key}`, message: `${path}.${key}: Required value` });
  }
  const entries = Object.entries(object);
  if (schema.maxProperties !== undefined && entries.length > schema.maxProperties) out.push({ path, message: `${path}: Too many: ${entries.length}: must have at most ${schema.maxProperties} items` });
  for (const [key, value] of entries) {
    if (value === null || value === undefined) continue;
    const child = schema.properties?.[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    if (child) walk(value, child, `${path}.${key}`, out);
  }
}

function typeMatches(value: unknown, schema: JsonSchema): boolean {
  if (schema['x-kubernetes-int-or-string']) return typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value));
  switch (schema.type) {
    case undefined: return true;
    case 'object': return isObject(value);
    case 'array': return Array.isArray(value);
    case 'string': return typeof value === 'string';
    case 'integer': return typeof value === 'number' && Number.isInteger(value);
    case 'number': return typeof value === 'number';
    case 'boolean': return typeof value === 'boolean';
  }
}

/** The value in CEL's shapes, following the schema so integers are ints at every depth. */
function toCelDeep(value: unknown, schema: JsonSchema | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => toCelDeep(item, schema?.items));
  if (isObject(value)) {
    const entries = Object.entries(value).map(([k, v]) => {
      const child = schema?.properties?.[k] ?? (typeof schema?.additionalProperties === 'object' ? schema.additionalProperties : undefined);
      return [k, toCelDeep(v, child)] as const;
    });
    return toCel(Object.fromEntries(entries), false);
  }
  return toCel(value, schema?.type === 'integer');
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (isObject(value)) return 'object';
  return String(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
