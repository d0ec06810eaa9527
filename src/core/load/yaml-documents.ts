import { constructFromEvents, CORE_SCHEMA, EVENT_ID, getScalarValue, mergeTag, parseEvents, YAMLException, type Event } from 'js-yaml';
import { PositionIndex } from './positions.js';

export interface ParsedDocument {
  /** What the document holds, as plain JavaScript values (YAML 1.2 core schema). */
  value: unknown;
  /** Offset of the document's root node. */
  offset: number;
}

export interface YamlProblem {
  message: string;
  offset: number;
  /** The document the problem is in (the chunk re-read on its own), so callers can ask what it declares. */
  documentStart: number;
  documentEnd: number;
}

export interface ParseOptions {
  /**
   * Which node positions to record, asked with each document's value (default: all of every document):
   * `true` all, `false` none, or an outline of the few a caller asks for as a rule, the rest being found
   * only if asked. Finding where every node of a document starts is a good part of reading it, and a
   * caller that only reads some kinds (the loader: ServiceEntries, Sidecars and the lists that may hold
   * them) need not pay it for the rest of a file, nor for nodes it locates only to report a problem.
   */
  positionsFor?: (value: unknown) => boolean | PositionOutline;
  /** Where `text` starts in its file, when it is a part of one: every offset given back (positions, problems) is the file's. */
  base?: number;
  /**
   * Levels of nesting above the text's root in the document it was cut from (a List's items read on their own sit
   * one level under the List), so a part is held to the depth limit its whole document is held to.
   */
  depthAbove?: number;
}

/**
 * The nodes of a document whose positions are recorded while it is read: each key names a mapping's
 * child, `*` every item of a list; a nested outline records where that child starts and goes on into
 * it, `true` records only where it starts. Nothing else is walked then. Any question the recorded
 * positions cannot answer walks the file's outlined documents in full first (see PositionIndex.defer),
 * so an outline changes what reading costs, never an answer.
 */
export interface PositionOutline {
  readonly [key: string]: PositionOutline | true;
}

type PositionsFor = NonNullable<ParseOptions['positionsFor']>;

export interface ParsedStream {
  documents: ParsedDocument[];
  positions: PositionIndex;
  problems: YamlProblem[];
}

/**
 * kubectl reads manifests with go-yaml (through sigs.k8s.io/yaml), which
 * resolves `<<` merge keys before the API server sees the object; so do we.
 * js-yaml caps the keys merges may copy, so a merge bomb stays cheap.
 */
const KUBECTL_SCHEMA = CORE_SCHEMA.withTags(mergeTag);

/** Deeper nesting than any manifest needs is refused, so hostile input cannot exhaust the stack. */
const MAX_DEPTH = 64;
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;

/**
 * Parses a YAML stream with js-yaml's event parser: its values, plus the
 * offset of every node. A syntax error costs only the document it is in: the
 * stream is then re-read document by document, split at the `---` and `...`
 * markers, which end any node in YAML whatever its indentation.
 */
export function parseYamlDocuments(text: string, options: ParseOptions = {}): ParsedStream {
  const stream: ParsedStream = { documents: [], positions: new PositionIndex(), problems: [] };
  const reading: Reading = { stream, positionsFor: options.positionsFor ?? everyDocument, maxDepth: MAX_DEPTH - (options.depthAbove ?? 0) };
  const base = options.base ?? 0;
  try {
    readLikeKubectl(text, base, reading);
    return stream;
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
  }
  stream.documents = [];
  for (const [start, end] of documentChunks(text)) {
    try {
      readLikeKubectl(text.slice(start, end), base + start, reading);
    } catch (error) {
      if (!(error instanceof YAMLException)) throw error;
      // The depth limit is named as the whole document is held to it, not as this part is.
      const message = error.reason.replace(`maxDepth (${reading.maxDepth})`, `maxDepth (${MAX_DEPTH})`);
      stream.problems.push({ message, offset: base + start + (error.mark?.position ?? 0), documentStart: base + start, documentEnd: base + end });
    }
  }
  return stream;
}

/** What one parse fills in, and how. */
interface Reading {
  stream: ParsedStream;
  positionsFor: PositionsFor;
  maxDepth: number;
}

/**
 * go-yaml, which kubectl uses, accepts a flow collection whose later lines
 * (often the closing bracket) are indented no deeper than its key; js-yaml
 * calls that deficient indentation. Only then is the text read again with
 * those lines indented one column past the key, positions mapped back to the
 * original, and the original error kept if that does not help.
 */
function readLikeKubectl(text: string, base: number, reading: Reading): void {
  try {
    readChunk(text, base, reading);
  } catch (error) {
    if (!(error instanceof YAMLException) || !/deficient indentation/.test(error.reason)) throw error;
    const relaxed = relaxFlowIndentation(text);
    if (!relaxed) throw error;
    const before = reading.stream.documents.length;
    try {
      readChunk(relaxed.text, base, reading, relaxed.toOriginal);
    } catch {
      reading.stream.documents.length = before;
      throw error;
    }
  }
}

function readChunk(text: string, base: number, { stream, positionsFor, maxDepth }: Reading, toOriginal: (offset: number) => number = (o) => o): void {
  const events = parseEvents(text, { maxDepth });
  const values = constructFromEvents(events, { source: text, json: true, schema: KUBECTL_SCHEMA });
  const walker = new EventWalker(text, base, events, stream.positions, toOriginal);
  // An alias makes one value stand at two places, and a repeated key gives an earlier place the value built at a later
  // one; an outline may skip one of those places where the full walk records both, and so end on another. Without an
  // anchor (`&`) there is no alias, and a repeated key's places share their path, so the outline takes both or neither.
  const anchored = text.includes('&');
  for (const value of values) {
    const positions = positionsFor(value);
    const offset = walker.document(value, anchored && positions !== false ? true : positions);
    stream.documents.push({ value, offset });
  }
}

const everyDocument = () => true;

function documentChunks(text: string): Array<[number, number]> {
  const starts = [0];
  for (const match of text.matchAll(DOCUMENT_MARKER)) if (match.index > 0) starts.push(match.index);
  return starts.map((start, i) => [start, starts[i + 1] ?? text.length]);
}

/**
 * Walks the event stream beside the values built from it, in the same
 * order, recording where each mapping, sequence and scalar started.
 */
class EventWalker {
  private i = 0;

  constructor(
    private readonly text: string,
    private readonly base: number,
    private readonly events: Event[],
    private readonly positions: PositionIndex,
    private readonly toOriginal: (offset: number) => number,
  ) {}

  /** Steps over the next document, recording where its nodes start as `positions` says; returns where it starts. */
  document(value: unknown, positions: boolean | PositionOutline): number {
    while (this.i < this.events.length && this.events[this.i]!.type !== EVENT_ID.DOCUMENT) this.i++;
    this.i++; // DOCUMENT
    const first = this.events[this.i];
    const offset = first ? this.startOf(first) : this.base;
    if (first && first.type !== EVENT_ID.POP) {
      if (positions === true) this.node(value, undefined, undefined);
      else if (positions === false) this.skip();
      else {
        // The rest of the document, walked in full only if a question needs it (the events live as long as the index).
        const root = this.i;
        this.positions.defer(() => new EventWalker(this.text, this.base, this.events, this.positions, this.toOriginal).from(root, value));
        this.outlined(value, undefined, undefined, positions);
      }
    }
    this.i++; // POP of the document
    return offset;
  }

  /**
   * The outline's key a mapping key names, if any. A plain key is compared in the text where it stands: most
   * keys are off the outline, so none of those is cut out of the text only to be looked up.
   */
  private outlineKey(keyEvent: Event & { type: typeof EVENT_ID.SCALAR }, outline: PositionOutline): string | undefined {
    if (!keyEvent.fast) {
      const name = getScalarValue(this.text, keyEvent);
      return Object.hasOwn(outline, name) ? name : undefined;
    }
    const length = keyEvent.valueEnd - keyEvent.valueStart;
    for (const name in outline) if (name.length === length && this.text.startsWith(name, keyEvent.valueStart)) return name;
    return undefined;
  }

  /** Records every node position of the document whose root is the event at `root`. */
  private from(root: number, value: unknown): void {
    this.i = root;
    this.node(value, undefined, undefined);
  }

  /** As `node`, but only along the outline: every subtree off it is stepped over unread. */
  private outlined(value: unknown, parent: object | undefined, key: string | number | undefined, outline: PositionOutline | true): void {
    const event = this.events[this.i]!;
    const offset = this.startOf(event);
    if (parent !== undefined && key !== undefined) this.positions.setChild(parent, key, offset);
    const container = event.type === EVENT_ID.MAPPING ? (isObject(value) ? value : undefined)
      : event.type === EVENT_ID.SEQUENCE ? (Array.isArray(value) ? value : undefined) : undefined;
    if (container) this.positions.setStart(container, offset);
    if (outline === true || (event.type !== EVENT_ID.MAPPING && event.type !== EVENT_ID.SEQUENCE)) {
      this.skip();
      return;
    }
    this.i++;
    if (event.type === EVENT_ID.MAPPING) {
      while (this.events[this.i] && this.events[this.i]!.type !== EVENT_ID.POP) {
        const keyEvent = this.events[this.i]!;
        if (keyEvent.type !== EVENT_ID.SCALAR) {
          this.skip();
          this.skip();
          continue;
        }
        this.i++;
        const name = this.outlineKey(keyEvent, outline);
        if (name === undefined) this.skip();
        else this.outlined(container ? (container as Record<string, unknown>)[name] : undefined, container, name, outline[name]!);
      }
    } else {
      const inner = Object.hasOwn(outline, '*') ? outline['*'] : undefined;
      const list = container as unknown[] | undefined;
      for (let index = 0; this.events[this.i] && this.events[this.i]!.type !== EVENT_ID.POP; index++) {
        if (inner === undefined) this.skip();
        else this.outlined(list?.[index], list, index, inner);
      }
    }
    this.i++;
  }

  private node(value: unknown, parent: object | undefined, key: string | number | undefined): void {
    const event = this.events[this.i++]!;
    const offset = this.startOf(event);
    if (parent !== undefined && key !== undefined) this.positions.setChild(parent, key, offset);
    if (event.type === EVENT_ID.MAPPING) {
      const map = isObject(value) ? value : undefined;
      if (map) this.positions.setStart(map, offset);
      while (this.events[this.i] && this.events[this.i]!.type !== EVENT_ID.POP) {
        const keyEvent = this.events[this.i]!;
        if (keyEvent.type === EVENT_ID.SCALAR) {
          this.i++;
          const name = getScalarValue(this.text, keyEvent);
          this.node(map ? (map as Record<string, unknown>)[name] : undefined, map, name);
        } else {
          this.skip(); // a complex key: nothing of ours lives under one
          this.skip();
        }
      }
      this.i++;
    } else if (event.type === EVENT_ID.SEQUENCE) {
      const list = Array.isArray(value) ? value : undefined;
      if (list) this.positions.setStart(list, offset);
      let index = 0;
      while (this.events[this.i] && this.events[this.i]!.type !== EVENT_ID.POP) {
        this.node(list?.[index], list, index);
        index++;
      }
      this.i++;
    }
  }

  private skip(): void {
    let depth = 0;
    do {
      const event = this.events[this.i++];
      if (!event) return;
      if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) depth++;
      else if (event.type === EVENT_ID.POP) depth--;
    } while (depth > 0);
  }

  private startOf(event: Event): number {
    switch (event.type) {
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        return this.base + this.toOriginal(event.start);
      case EVENT_ID.SCALAR:
        return this.base + this.toOriginal(event.valueStart);
      case EVENT_ID.ALIAS:
        return this.base + this.toOriginal(event.anchorStart);
      default:
        return this.base;
    }
  }
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Indents every line that continues a block-context flow collection (`key: [`
 * or `- [` ... `]`) to one column past the key that opened it. Returns the
 * new text and a map from its offsets back to the original's, or undefined
 * when no line needed it. Quotes and comments are skipped so brackets inside
 * them never count.
 */
export function relaxFlowIndentation(text: string): { text: string; toOriginal: (offset: number) => number } | undefined {
  const lines = text.split('\n');
  const out: string[] = [];
  // Original offset of each padded line's start, and how many spaces went before it.
  const pads: Array<{ at: number; count: number }> = [];
  let depth = 0;
  let required = 0;
  let quote: string | undefined;
  let offset = 0;
  for (const line of lines) {
    let current = line;
    const indent = line.length - line.trimStart().length;
    if (depth > 0 && quote === undefined && line.trim() !== '' && indent < required) {
      current = ' '.repeat(required - indent) + line;
      pads.push({ at: offset, count: required - indent });
    }
    // The block indentation of this line: its key's column, past any `- ` sequence indicators.
    const keyColumn = /^[ \t]*(?:-[ \t]+)*/.exec(line)![0].length;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (quote !== undefined) {
        if (c === quote) {
          if (quote === "'" && line[i + 1] === "'") i++;
          else quote = undefined;
        } else if (c === '\\' && quote === '"') i++;
        continue;
      }
      if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) break;
      if ((c === '"' || c === "'") && (depth > 0 || /(?:^|[\s:,\[{-])$/.test(line.slice(0, i)))) {
        quote = c;
        continue;
      }
      if (c === '[' || c === '{') {
        const opensFlow = depth > 0 || /(?:^|[:-])[ \t]*$/.test(line.slice(0, i));
        if (!opensFlow) continue;
        if (depth === 0) required = keyColumn + 1;
        depth++;
      } else if ((c === ']' || c === '}') && depth > 0) depth--;
    }
    out.push(current);
    offset += line.length + 1;
  }
  if (pads.length === 0) return undefined;
  // Where each padded line starts in the new text, and the total shift once its spaces are passed.
  const marks: Array<{ lineStart: number; original: number; count: number; shiftAfter: number }> = [];
  let shift = 0;
  for (const pad of pads) {
    marks.push({ lineStart: pad.at + shift, original: pad.at, count: pad.count, shiftAfter: shift + pad.count });
    shift += pad.count;
  }
  const toOriginal = (padded: number): number => {
    let lo = 0;
    let hi = marks.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (marks[mid]!.lineStart <= padded) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return padded;
    const mark = marks[found]!;
    // Inside the inserted spaces: the line's start in the original.
    return padded < mark.lineStart + mark.count ? mark.original : padded - mark.shiftAfter;
  };
  return { text: out.join('\n'), toOriginal };
}
