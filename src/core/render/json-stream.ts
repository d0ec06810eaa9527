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
    for (let i = 0; i < value.length; i++) {
      out.push(i === 0 ? `\n${inner}` : `,\n${inner}`);
      if (serialize(value[i], inner, out) === undefined) out.push('null');
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
