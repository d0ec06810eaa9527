import { decodeText } from './file-read.js';
import { DEFAULT_MAX_OUTPUT, streamGit, type Git } from './run-git.js';
import { settleInOrder } from './settle-in-order.js';

/**
 * Past this many blobs a second cat-file process takes half of them: git
 * inflating objects is most of a large read, and runners have two cores.
 * Below it a second process costs more to start than it saves.
 */
export const PARALLEL_ABOVE = 64;

/** One record of `git cat-file --batch` or `--batch-check` output; `content` only with --batch. */
export interface BatchRecord {
  oid: string;
  type: string;
  size: number;
  content?: Buffer;
}

/**
 * Parses cat-file's `<oid> <type> <size>\n` headers (each followed by the
 * object's bytes and a newline under --batch) from output that arrives in
 * chunks cut anywhere, even inside a header or an object, so no more than
 * one object is ever held. Records git could not resolve (`<name> missing`,
 * `<name> ambiguous`) are skipped, as readers treat them as absent.
 */
export class BatchStream {
  private headerParts: Buffer[] = [];
  private current: { oid: string; type: string; content: Buffer; filled: number } | undefined;
  /** The newline git writes after each object's bytes is still to come. */
  private trailer = false;

  constructor(private readonly withContents: boolean, private readonly onRecord: (record: BatchRecord) => void) {}

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      const current = this.current;
      if (current) {
        const n = Math.min(current.content.length - current.filled, chunk.length - at);
        chunk.copy(current.content, current.filled, at, at + n);
        current.filled += n;
        at += n;
        if (current.filled === current.content.length) this.finish();
        continue;
      }
      if (this.trailer) {
        if (chunk[at] !== 0x0a) throw new Error('git cat-file --batch output is out of step: no newline after an object');
        this.trailer = false;
        at++;
        continue;
      }
      const newline = chunk.indexOf(0x0a, at);
      if (newline < 0) {
        this.headerParts.push(chunk.subarray(at));
        return;
      }
      const tail = chunk.subarray(at, newline);
      const line = (this.headerParts.length > 0 ? Buffer.concat([...this.headerParts, tail]) : tail).toString('utf8');
      this.headerParts = [];
      at = newline + 1;
      this.header(line);
    }
  }

  /** Output that stops inside a header or an object means git was cut off. */
  end(): void {
    if (this.current || this.trailer || this.headerParts.length > 0) throw new Error('git cat-file output ended inside an object');
  }

  private header(line: string): void {
    const [oid, type, size] = line.split(' ');
    if (type === 'missing' || !oid || !type || size === undefined) return;
    const bytes = Number(size);
    if (!this.withContents) {
      this.onRecord({ oid, type, size: bytes });
      return;
    }
    this.current = { oid, type, content: Buffer.allocUnsafe(bytes), filled: 0 };
    if (bytes === 0) this.finish();
  }

  private finish(): void {
    const { oid, type, content } = this.current!;
    this.current = undefined;
    this.trailer = true;
    this.onRecord({ oid, type, size: content.length, content });
  }
}

/** Halves past PARALLEL_ABOVE, so two processes share the work. */
function parts(oids: readonly string[]): string[][] {
  const unique = [...new Set(oids)];
  if (unique.length === 0) return [];
  if (unique.length <= PARALLEL_ABOVE) return [unique];
  const half = Math.ceil(unique.length / 2);
  return [unique.slice(0, half), unique.slice(half)];
}

/** One cat-file process: writes `input`, hands its output on, and stops when told to (returning false). */
type BatchProcess = (input: string, onStdout: (chunk: Buffer) => boolean) => Promise<void>;

/**
 * Runs cat-file over the blobs, a second process in parallel for many, each
 * process's records collected on its own so the merged result does not
 * depend on which finished first.
 */
async function batch<T>(oids: readonly string[], withContents: boolean, run: BatchProcess, take: (record: BatchRecord, into: Map<string, T>) => void, budget?: { left: number }): Promise<Map<string, T>> {
  const results = await settleInOrder(parts(oids).map(async (part) => {
    const into = new Map<string, T>();
    const stream = new BatchStream(withContents, (record) => take(record, into));
    await run(`${part.join('\n')}\n`, (chunk) => {
      if (budget) {
        budget.left -= chunk.length;
        if (budget.left < 0) return false;
      }
      stream.push(chunk);
      return true;
    });
    stream.end();
    return into;
  }));
  if (results.length === 1) return results[0]!;
  const merged = new Map<string, T>();
  for (const part of results) for (const [oid, value] of part) merged.set(oid, value);
  return merged;
}

// --buffer: git flushes its output when the buffer fills rather than after every object.

/**
 * Sizes of the blobs asked for, from `git cat-file --batch-check`: only the
 * selected files are looked up, so a size limit is enforced before reading
 * without asking git for the size of every blob in the tree. Blobs git does
 * not have are left out.
 */
export function blobSizes(repoDir: string, oids: readonly string[], git?: Git): Promise<Map<string, number>> {
  return batch<number>(oids, false,
    (input, onStdout) => streamGit(repoDir, ['cat-file', '--batch-check', '--buffer'], { input, onStdout, git }),
    (record, into) => void into.set(record.oid, record.size));
}

/**
 * The blobs' texts (invalid UTF-8 decoded as `decodeText` does), streamed
 * through `git cat-file --batch` and decoded one object at a time. Callers
 * ask only for blobs under their size limit; output past `maxBytes` in all
 * stops the read instead of filling memory. Blobs git does not have are
 * left out.
 */
export function blobTexts(repoDir: string, oids: readonly string[], git?: Git, maxBytes = DEFAULT_MAX_OUTPUT): Promise<Map<string, string>> {
  const stopReason = () => new Error(`git cat-file printed more than ${maxBytes} bytes`);
  return batch<string>(oids, true,
    (input, onStdout) => streamGit(repoDir, ['cat-file', '--batch', '--buffer'], { input, onStdout, git, stopReason }),
    (record, into) => void into.set(record.oid, decodeText(record.content!)),
    { left: maxBytes });
}
