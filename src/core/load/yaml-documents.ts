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
}

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
export function parseYamlDocuments(text: string): ParsedStream {
  const stream: ParsedStream = { documents: [], positions: new PositionIndex(), problems: [] };
  try {
    readChunk(text, 0, stream);
    return stream;
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
  }
  stream.documents = [];
  for (const [start, end] of documentChunks(text)) {
    try {
      readChunk(text.slice(start, end), start, stream);
    } catch (error) {
      if (!(error instanceof YAMLException)) throw error;
      stream.problems.push({ message: error.reason, offset: start + (error.mark?.position ?? 0) });
    }
  }
  return stream;
}

function readChunk(text: string, base: number, stream: ParsedStream): void {
  const events = parseEvents(text, { maxDepth: MAX_DEPTH });
  const values = constructFromEvents(events, { source: text, json: true, schema: KUBECTL_SCHEMA });
  const walker = new EventWalker(text, base, events, stream.positions);
  for (const value of values) {
    const offset = walker.document(value);
    stream.documents.push({ value, offset });
  }
}

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
  ) {}

  document(value: unknown): number {
    while (this.i < this.events.length && this.events[this.i]!.type !== EVENT_ID.DOCUMENT) this.i++;
    this.i++; // DOCUMENT
    const first = this.events[this.i];
    const offset = first ? this.startOf(first) : this.base;
    if (first && first.type !== EVENT_ID.POP) this.node(value, undefined, undefined);
    this.i++; // POP of the document
    return offset;
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
        return this.base + event.start;
      case EVENT_ID.SCALAR:
        return this.base + event.valueStart;
      case EVENT_ID.ALIAS:
        return this.base + event.anchorStart;
      default:
        return this.base;
    }
  }
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
