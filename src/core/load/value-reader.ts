import type { Diagnostic, SourceLocation } from '../model.js';
import type { LineIndex, PositionIndex } from './positions.js';

/** A value found under a key (or index) of a parsed mapping (or list), with where it sits. */
export class Field {
  constructor(
    readonly value: unknown,
    readonly parent: object,
    readonly key: string | number,
  ) {}
}

export type YamlMap = Record<string, unknown>;

/**
 * Reads typed values out of parsed YAML while keeping each value's line, and
 * turns every type mismatch into a diagnostic instead of a throw, so one bad
 * field never costs the rest of the manifest.
 */
export class ValueReader {
  constructor(
    readonly path: string,
    private readonly lines: LineIndex,
    private readonly positions: PositionIndex,
    readonly diagnostics: Diagnostic[],
    /** Shared by the readers of one file's pieces (see `shared`). */
    private readonly sharedValues = new Map<string, string>(),
  ) {}

  /** Where a field's value starts; a container's own start when asked for one; the file's top otherwise. */
  locate(target: Field | object | undefined, fallback?: SourceLocation): SourceLocation {
    let offset: number | undefined;
    if (target instanceof Field) offset = this.positions.child(target.parent, target.key) ?? this.positions.start(target.parent);
    else if (target) offset = this.positions.start(target);
    if (offset === undefined) return fallback ?? { path: this.path, line: 1, column: 1 };
    return this.lines.location(this.path, offset);
  }

  report(target: Field | object | undefined, code: string, message: string, severity: Diagnostic['severity'] = 'error'): void {
    this.diagnostics.push({ severity, code, message, location: this.locate(target) });
  }

  /** The field under `key`, or undefined when absent or explicitly null. */
  field(map: YamlMap | undefined, key: string): Field | undefined {
    if (!map || !Object.prototype.hasOwnProperty.call(map, key)) return undefined;
    const value = map[key];
    return value === null || value === undefined ? undefined : new Field(value, map, key);
  }

  map(field: Field | undefined, what: string): YamlMap | undefined {
    if (!field) return undefined;
    if (isPlainMap(field.value)) return field.value;
    this.report(field, 'wrong-type', `${what} must be a mapping`);
    return undefined;
  }

  string(field: Field | undefined, what: string): string | undefined {
    if (!field) return undefined;
    const v = field.value;
    if (typeof v === 'string') return detached(v);
    if (typeof v === 'number' || typeof v === 'boolean') {
      this.report(field, 'wrong-type', `${what} must be a string, found ${typeof v} ${String(v)}`, 'warning');
      return String(v);
    }
    this.report(field, 'wrong-type', `${what} must be a string`);
    return undefined;
  }

  /**
   * One string for equal values within a file, e.g. the namespace its manifests share: a hundred
   * thousand entries then hold a few copies rather than one each.
   */
  shared(value: string): string {
    const known = this.sharedValues.get(value);
    if (known !== undefined) return known;
    this.sharedValues.set(value, value);
    return value;
  }

  integer(field: Field | undefined, what: string): number | undefined {
    if (!field) return undefined;
    if (typeof field.value === 'number' && Number.isInteger(field.value)) return field.value;
    this.report(field, 'wrong-type', `${what} must be an integer, found ${describeValue(field.value)}; the API server rejects this manifest`);
    return undefined;
  }

  /** Each item of a list as a field; a non-list is reported and reads as empty. */
  items(field: Field | undefined, what: string): Field[] {
    if (!field) return [];
    if (!Array.isArray(field.value)) {
      this.report(field, 'wrong-type', `${what} must be a list`);
      return [];
    }
    const list = field.value as unknown[];
    return list.map((value, key) => new Field(value, list, key));
  }

  /** A list of strings; non-string items are reported and skipped. */
  stringList(field: Field | undefined, what: string): string[] | undefined {
    if (!field) return undefined;
    if (!Array.isArray(field.value)) {
      this.report(field, 'wrong-type', `${what} must be a list of strings`);
      return undefined;
    }
    const out: string[] = [];
    for (const item of this.items(field, what)) {
      const s = this.string(item, `each item of ${what}`);
      if (s !== undefined) out.push(s);
    }
    return exactSize(out);
  }

  stringMap(field: Field | undefined, what: string): Record<string, string> {
    const map = this.map(field, what);
    const out: Record<string, string> = {};
    if (!map) return out;
    for (const key of Object.keys(map)) {
      const value = this.string(this.field(map, key), `${what}.${key}`);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
}

/**
 * The string as a copy of its own. The YAML parser cuts scalars out of the file's text, and V8 keeps a
 * cut of 13 characters or more (a hostname) as a view into that text: one kept hostname would keep its
 * whole file alive for as long as the analysis runs, the texts of a large repository with it. Shorter
 * cuts are copies already. A JSON round trip is exact for every string (lone surrogates included) and
 * costs about 0.2 µs for a hostname.
 */
function detached(value: string): string {
  return value.length < 13 ? value : JSON.parse(JSON.stringify(value)) as string;
}

/**
 * A short description of any parsed value that never walks it: an alias
 * bomb (a few lines of YAML that expand to 10^8 leaves) must cost nothing
 * here, so containers are named, never serialised.
 */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

/**
 * The list with no spare room, for lists kept as long as the analysis runs: a first push reserves room
 * for sixteen items, so a one-host entry's hosts would take three times the memory they need.
 */
export function exactSize<T>(list: T[]): T[] {
  return list.length === 0 ? list : list.slice();
}

export function isPlainMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
