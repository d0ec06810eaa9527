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
  /**
   * Each container's children as they were read: a list's offsets by index, a mapping's keys and offsets
   * side by side in one array. Nearly every container holds a few children and is asked about one or
   * two, so an array per container costs a fraction of a Map per container (the bench's realistic 100k
   * entries make 727,693 of them); a mapping asked about once it has many keys gets a Map (see `child`).
   */
  private readonly children = new Map<object, Array<string | number>>();
  private readonly largeMappings = new Map<object, Map<string | number, number>>();
  /** Full walks of documents read along an outline only, owed until a question needs one of them. */
  private owed: Array<() => void> = [];

  /**
   * Registers the full walk of a document whose positions were recorded only along an outline. The first
   * question the recorded positions cannot answer makes every owed walk, then is asked again: what was
   * recorded is what the full walk records too (it goes over the same events in the same order, and an
   * outline is taken only where no value stands at two places it could tell apart: see readChunk), so an
   * answer never depends on whether, or when, the walks were made.
   */
  defer(walk: () => void): void {
    this.owed.push(walk);
  }

  /**
   * The last place wins, as with children: a value reached twice is the value of a repeated key (js-yaml keeps the
   * last), walked once per place it was written; an alias, the other way to reach one again, records no start.
   */
  setStart(container: object, offset: number): void {
    this.starts.set(container, offset);
  }

  setChild(parent: object, key: string | number, offset: number): void {
    let list = this.children.get(parent);
    if (!list) {
      list = [];
      this.children.set(parent, list);
    }
    if (typeof key === 'number') list[key] = offset;
    else list.push(key, offset);
  }

  start(container: object): number | undefined {
    const offset = this.starts.get(container);
    return offset !== undefined || !this.payOwedWalks() ? offset : this.starts.get(container);
  }

  child(parent: object, key: string | number): number | undefined {
    const offset = this.recordedChild(parent, key);
    return offset !== undefined || !this.payOwedWalks() ? offset : this.recordedChild(parent, key);
  }

  /** Makes the owed walks, if any; says whether there were. */
  private payOwedWalks(): boolean {
    if (this.owed.length === 0) return false;
    const walks = this.owed;
    this.owed = [];
    for (const walk of walks) walk();
    // A mapping indexed while only some of its keys were recorded would miss the others.
    this.largeMappings.clear();
    return true;
  }

  private recordedChild(parent: object, key: string | number): number | undefined {
    const list = this.children.get(parent);
    if (!list) return undefined;
    // A list's children are stored by index, a mapping's by key (a string, as its keys are read): as with a Map, an
    // index asked of a mapping or a key asked of a list finds nothing.
    if (Array.isArray(parent)) return typeof key === 'number' ? (list[key] as number | undefined) : undefined;
    if (typeof key === 'number') return undefined;
    if (list.length <= LINEAR_LOOKUP_ITEMS) return lastOffsetOf(list, key);
    // A mapping with many keys is indexed once, so asking about each of them stays linear.
    let byKey = this.largeMappings.get(parent);
    if (!byKey) {
      byKey = new Map();
      for (let i = 0; i + 1 < list.length; i += 2) byKey.set(list[i]!, list[i + 1] as number);
      this.largeMappings.set(parent, byKey);
    }
    return byKey.get(key);
  }
}

/** A mapping's keys and offsets are searched one by one up to this many array items (16 keys). */
const LINEAR_LOOKUP_ITEMS = 32;

/** A key read twice keeps its last offset, as the value does (the constructor keeps the last of duplicate keys). */
function lastOffsetOf(list: ReadonlyArray<string | number>, key: string): number | undefined {
  for (let i = list.length - 2; i >= 0; i -= 2) if (list[i] === key) return list[i + 1] as number;
  return undefined;
}

/** Turns character offsets into 1-based lines and columns with a binary search over line starts. */
export class LineIndex {
  private readonly lineStarts: number[];

  /**
   * Line breaks as YAML (and kubectl's parser) count them: LF, CRLF, and a bare CR (classic Mac files). A text that is
   * part of a file, starting at the start of a line, gives where it starts there: its offset and line.
   */
  constructor(text: string, offset = 0, private readonly firstLine = 1) {
    const starts = (this.lineStarts = [offset]);
    // Nearly every file has no carriage return: then the native search finds each line break, about three
    // times faster than reading the text a character at a time.
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(offset + i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(offset + i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(offset + i + 1);
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

  /** The line an offset is on. */
  lineOf(offset: number): number {
    return this.position(offset).line;
  }

  private position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + this.firstLine, column: offset - this.lineStarts[lo]! + 1 };
  }
}
