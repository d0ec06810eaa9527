import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

interface Operation {
  operationId: string;
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  requestBody?: { required?: boolean; content: Record<string, { schema: object }> };
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  params: number;
  operation: Operation;
}

/**
 * Checks requests against GitHub's published OpenAPI description
 * (@octokit/openapi, dereferenced): the route and method exist, every query
 * parameter is declared, required ones are there, and the JSON body matches
 * the operation's request schema. Declared-properties-only is enforced on
 * every object, so a misspelt field (which GitHub would silently ignore)
 * fails here.
 */
export class OpenApiChecker {
  private readonly routes: Route[] = [];
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });

  constructor(spec = 'api.github.com') {
    for (const [template, methods] of Object.entries(requestSide(spec))) {
      for (const [method, operation] of Object.entries(methods)) {
        if (!operation || typeof operation !== 'object' || !('operationId' in operation)) continue;
        const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, name: string) => (name === 'path' ? '(.+)' : '([^/]+)'));
        this.routes.push({ method: method.toUpperCase(), template, pattern: new RegExp(`^${source}$`), params: (template.match(/\{/g) ?? []).length, operation });
      }
    }
    // Literal segments beat parameters: /pulls/{n}/files, not /pulls/{n}/{anything}.
    this.routes.sort((a, b) => a.params - b.params);
  }

  /** Problems with one request; empty when it is a request GitHub documents. */
  check(method: string, path: string, query: URLSearchParams, body: unknown): string[] {
    const route = this.routes.find((r) => r.method === method && r.pattern.test(path));
    if (!route) return [`${method} ${path}: no such operation in GitHub's OpenAPI description`];
    const problems: string[] = [];
    const where = `${method} ${route.template} (${route.operation.operationId})`;
    const declared = new Set((route.operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
    for (const key of query.keys()) if (!declared.has(key)) problems.push(`${where}: undeclared query parameter ${key}`);
    for (const p of route.operation.parameters ?? []) if (p.in === 'query' && p.required && !query.has(p.name)) problems.push(`${where}: missing query parameter ${p.name}`);
    const schema = route.operation.requestBody?.content['application/json']?.schema;
    if (schema) {
      if (body === undefined || body === '') {
        if (route.operation.requestBody?.required) problems.push(`${where}: missing request body`);
      } else {
        const validate = this.validator(route, schema);
        if (!validate(body)) problems.push(...(validate.errors ?? []).map((e) => `${where}: body${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`));
      }
    } else if (body !== undefined && body !== '' && method !== 'GET') {
      problems.push(`${where}: sends a body the operation does not take`);
    }
    return problems;
  }

  private validator(route: Route, schema: object): ValidateFunction {
    const key = `${route.method} ${route.template}`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(closeObjects(structuredClone(schema)));
      this.validators.set(key, validate);
    }
    return validate;
  }
}

type Paths = Record<string, Record<string, Operation>>;

/**
 * The request side of the description (operation ids, parameters, request
 * bodies): all the checker reads. The dereferenced file is 73 MB, mostly
 * response schemas, and parsing it cost each end-to-end suite about two
 * seconds of CPU; the request side is written once to the temp folder, under
 * a name that changes with the package's file, and read from there after.
 */
function requestSide(spec: string): Paths {
  const source = require.resolve(`@octokit/openapi/generated/${spec}.deref.json`);
  const { size, mtimeMs } = statSync(source);
  const version = (require('@octokit/openapi/package.json') as { version: string }).version;
  const cacheDir = join(tmpdir(), 'serviceentry-guard-openapi');
  const cached = join(cacheDir, `${spec}-${version}-${size}-${Math.trunc(mtimeMs)}.request-side.json`);
  try {
    return JSON.parse(readFileSync(cached, 'utf8')) as Paths;
  } catch {
    // Not written yet (or half-written by a crash): build it from the full description.
  }
  const doc = JSON.parse(readFileSync(source, 'utf8')) as { paths: Paths };
  const paths: Paths = {};
  for (const [template, methods] of Object.entries(doc.paths)) {
    paths[template] = {};
    for (const [method, operation] of Object.entries(methods)) {
      if (!operation || typeof operation !== 'object' || !('operationId' in operation)) continue;
      const { operationId, parameters, requestBody } = operation;
      paths[template][method] = { operationId, ...(parameters ? { parameters: parameters.map(({ name, in: where, required }) => ({ name, in: where, ...(required ? { required } : {}) })) } : {}), ...(requestBody ? { requestBody } : {}) };
    }
  }
  // Written under a private name and renamed, so suites starting together never read a partial file.
  mkdirSync(cacheDir, { recursive: true });
  const partial = `${cached}.${process.pid}`;
  writeFileSync(partial, JSON.stringify(paths));
  renameSync(partial, cached);
  return paths;
}

/** additionalProperties: false wherever the description lists properties and says nothing about others. */
function closeObjects(schema: any): any {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (!schema || typeof schema !== 'object') return schema;
  for (const [k, v] of Object.entries(schema)) schema[k] = closeObjects(v);
  if (schema.properties && schema.additionalProperties === undefined && !schema.oneOf && !schema.anyOf && !schema.allOf) schema.additionalProperties = false;
  return schema;
}
