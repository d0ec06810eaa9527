import type { SourceLocation } from '../model.js';

/**
 * Where each parsed value came from. Kept beside the plain values (not on
 * them), keyed by the containing object, so the values stay exactly what the
 * YAML parser built.
 */
export class PositionIndex {
  // Plain maps, not WeakMaps: an index lives only while its file is read, and weak keys make every
  // garbage collection of that time trace them as ephemerons.
  private readonly starts = new Map<object, number>();
  private readonly children = new Map<object, Map<string | number, number>>();

  setStart(container: object, offset: number): void {
    if (!this.starts.has(container)) this.starts.set(container, offset);
  }

  setChild(parent: object, key: string | number, offset: number): void {
    let map = this.children.get(parent);
    if (!map) {
      map = new Map();
      this.children.set(parent, map);
    }
    map.set(key, offset);
  }

  start(container: object): number | undefined {
    return this.starts.get(container);
  }

  child(parent: object, key: string | number): number | undefined {
    return this.children.get(parent)?.get(key);
  }
}

/** Turns character offsets into 1-based lines and columns with a binary search over line starts. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  /** Line breaks as YAML (and kubectl's parser) count them: LF, CRLF, and a bare CR (classic Mac files). */
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.lineStarts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.lineStarts.push(i + 1);
    }
  }

  /**
   * Where an offset sits in the file at `path`. Built as one literal with all three fields: a location spread
   * from `{ path }` keeps line and column in a separate property store, which a hundred thousand entries
   * (three locations each) pay for in memory.
   */
  location(path: string, offset: number): SourceLocation {
    const { line, column } = this.position(offset);
    return { path, line, column };
  }

  private position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }
}
