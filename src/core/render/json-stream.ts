/**
 * Writes a JSON value in chunks, byte for byte what `JSON.stringify(value,
 * null, 2)` would give, without ever holding the whole text: a report of a
 * hundred thousand entries is hundreds of megabytes as one string, and past
 * V8's string limit it cannot be built at all.
 */
export type ChunkSink = (chunk: string) => void;

const CHUNK_CHARS = 1 << 16;

export function writeJson(value: unknown, sink: ChunkSink): void {
  const out = new ChunkBuffer(sink);
  const text = serialize(value, '', out);
  if (text === undefined) out.push('null');
  out.flush();
}

class ChunkBuffer {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly sink: ChunkSink) {}

  push(text: string): void {
    // A chunk stays within CHUNK_CHARS unless one piece alone is larger.
    if (this.size > 0 && this.size + text.length > CHUNK_CHARS) this.flush();
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK_CHARS) this.flush();
  }

  flush(): void {
    if (this.size === 0) return;
    this.sink(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}

/** Pushes the value's text; returns undefined (pushing nothing) where JSON.stringify would omit it. */
function serialize(input: unknown, indent: string, out: ChunkBuffer): true | undefined {
  const value = withToJson(input);
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value === null || typeof value !== 'object') {
    out.push(JSON.stringify(value));
    return true;
  }
  // A small subtree (an entry, a location) goes through the native serializer, many times faster than this
  // walk: nested at `indent`, its text is JSON.stringify's with every line break followed by that indent
  // (string values never hold a raw line break), so the bytes are the same.
  if (isSmall(value, SMALL_NODES) >= 0) {
    const text = JSON.stringify(value, null, 2);
    out.push(indent === '' ? text : text.replaceAll('\n', `\n${indent}`));
    return true;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push('[]');
      return true;
    }
    out.push('[');
    for (let i = 0; i < value.length;) {
      const end = smallRunEnd(value, i);
      if (end > i) {
        // A run of small elements (a finding's entries) in one native call: `[\n  a,\n  b\n]` without its
        // brackets is exactly the elements' lines, to be nested at `indent` as above.
        out.push(`${i === 0 ? '' : ','}${elementLines(end - i === value.length ? value : value.slice(i, end), indent)}`);
        i = end;
        continue;
      }
      out.push(i === 0 ? `\n${inner}` : `,\n${inner}`);
      if (serialize(value[i], inner, out) === undefined) out.push('null');
      i++;
    }
    out.push(`\n${indent}]`);
    return true;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const member = withToJson((value as Record<string, unknown>)[key]);
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    out.push(`${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `);
    first = false;
    serialize(member, inner, out);
  }
  out.push(first ? '{}' : `\n${indent}}`);
  return true;
}

/** Subtrees of at most this many values are written in one piece. */
const SMALL_NODES = 64;
/** Consecutive small elements of an array are written in one piece up to this many values. */
const RUN_NODES = 1024;

/**
 * The lines of an array's elements as they read inside the array at `indent`: `\n${indent}  a,\n${indent}  b`.
 * The array is wrapped in as many arrays as `indent` has levels, so JSON.stringify indents it itself,
 * and the wrapping is cut off again: no pass over the text to indent it.
 */
function elementLines(elements: readonly unknown[], indent: string): string {
  const depth = indent.length / 2;
  let wrapped: unknown = elements;
  for (let level = 0; level < depth; level++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Each wrapper opens with `[\n` and its indent and closes with `\n`, its indent and `]`; then the array's own `[` and `\n${indent}]`.
  const open = 2 * depth + depth * (depth + 1) + 1;
  const close = 2 * depth + depth * (depth - 1) + 2 + indent.length;
  return text.slice(open, text.length - close);
}

/** Where the run of small elements starting at `start` ends (exclusive): `start` itself when that element is not small. */
function smallRunEnd(array: readonly unknown[], start: number): number {
  let budget = RUN_NODES;
  let end = start;
  while (end < array.length && budget > 0) {
    const element = array[end];
    // A primitive counts one; undefined, a function or a symbol is written `null` either way, as in JSON.stringify.
    if (element !== null && typeof element === 'object') {
      const left = isSmall(element, SMALL_NODES);
      if (left < 0) break;
      budget -= SMALL_NODES - left;
    }
    budget--;
    end++;
  }
  return end;
}

/** What is left of `budget` after counting the values under `value`; negative when it holds more (or has a toJSON). */
function isSmall(value: object, budget: number): number {
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return -1;
  const values = Array.isArray(value) ? value : Object.values(value);
  budget -= values.length;
  if (budget < 0) return budget;
  for (const v of values) {
    if (v !== null && typeof v === 'object') {
      budget = isSmall(v, budget);
      if (budget < 0) return budget;
    }
  }
  return budget;
}

function withToJson(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON: () => unknown }).toJSON();
  }
  return value;
}
