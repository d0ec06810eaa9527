import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type YAMLMap } from 'yaml';
import type { Diagnostic, SourceLocation } from '../model.js';

/**
 * Reads typed values out of a parsed YAML document while keeping each value's
 * line, and turns every type mismatch into a diagnostic instead of a throw,
 * so one bad field never costs the rest of the manifest.
 */
export class NodeReader {
  constructor(
    readonly path: string,
    private readonly lineCounter: LineCounter,
    readonly diagnostics: Diagnostic[],
    private readonly document: Document.Parsed,
  ) {}

  /**
   * Follows an alias one step. Only the fields we read are ever resolved, never
   * the whole tree, so a billion-laughs document costs nothing here.
   */
  deref(node: Node | null | undefined): Node | undefined {
    if (node === null || node === undefined) return undefined;
    if (!isAlias(node)) return node;
    const target = node.resolve(this.document) as Node | undefined;
    return target && isAlias(target) ? undefined : target;
  }

  locate(node: Node | null | undefined, fallback?: SourceLocation): SourceLocation {
    const offset = node?.range?.[0];
    if (offset === undefined) return fallback ?? { path: this.path, line: 1, column: 1 };
    const pos = this.lineCounter.linePos(offset);
    return { path: this.path, line: pos.line, column: pos.col };
  }

  report(node: Node | null | undefined, code: string, message: string, severity: Diagnostic['severity'] = 'error'): void {
    this.diagnostics.push({ severity, code, message, location: this.locate(node) });
  }

  /** The value node under `key`, or undefined when absent or explicitly null. */
  child(map: YAMLMap | undefined, key: string): Node | undefined {
    if (!map) return undefined;
    for (const pair of map.items) {
      const k = isScalar(pair.key) ? pair.key.value : pair.key;
      if (k === key) {
        const v = this.deref(pair.value as Node | null) ?? null;
        if (v === null || (isScalar(v) && v.value === null)) return undefined;
        return v;
      }
    }
    return undefined;
  }

  map(node: Node | undefined, what: string): YAMLMap | undefined {
    if (node === undefined) return undefined;
    if (isMap(node)) return node;
    this.report(node, 'wrong-type', `${what} must be a mapping`);
    return undefined;
  }

  string(node: Node | undefined, what: string): string | undefined {
    if (node === undefined) return undefined;
    if (isScalar(node) && typeof node.value === 'string') return node.value;
    if (isScalar(node) && (typeof node.value === 'number' || typeof node.value === 'boolean')) {
      this.report(node, 'wrong-type', `${what} must be a string, found ${typeof node.value} ${String(node.value)}`, 'warning');
      return String(node.value);
    }
    this.report(node, 'wrong-type', `${what} must be a string`);
    return undefined;
  }

  integer(node: Node | undefined, what: string): number | undefined {
    if (node === undefined) return undefined;
    if (isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value)) return node.value;
    this.report(node, 'wrong-type', `${what} must be an integer; the API server rejects this manifest`);
    return undefined;
  }

  /** A list of strings; non-string items are reported and skipped. */
  stringList(node: Node | undefined, what: string): string[] | undefined {
    if (node === undefined) return undefined;
    if (!isSeq(node)) {
      this.report(node, 'wrong-type', `${what} must be a list of strings`);
      return undefined;
    }
    const out: string[] = [];
    for (const item of node.items) {
      const s = this.string(this.deref(item as Node), `each item of ${what}`);
      if (s !== undefined) out.push(s);
    }
    return out;
  }

  seqItems(node: Node | undefined, what: string): Node[] {
    if (node === undefined) return [];
    if (!isSeq(node)) {
      this.report(node, 'wrong-type', `${what} must be a list`);
      return [];
    }
    return (node.items as Node[]).map((item) => this.deref(item)).filter((item): item is Node => item !== undefined);
  }

  stringMap(node: Node | undefined, what: string): Record<string, string> {
    const map = this.map(node, what);
    const out: Record<string, string> = {};
    if (!map) return out;
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      const value = this.string(this.deref(pair.value as Node | null), `${what}.${key ?? '?'}`);
      if (key !== undefined && value !== undefined) out[key] = value;
    }
    return out;
  }
}
