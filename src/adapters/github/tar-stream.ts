/**
 * A minimal streaming reader of the tar format GitHub's archive endpoint
 * serves (git archive: ustar blocks plus pax headers for long paths). It
 * keeps only the bodies the caller asks for, so a huge repository costs
 * time, not memory, and it never creates a file or follows a link.
 */

export interface TarEntry {
  path: string;
  kind: 'file' | 'symlink' | 'directory' | 'other';
  size: number;
}

export interface TarFile extends TarEntry {
  /** Present only when the caller asked for this entry's content. */
  data?: Buffer;
}

const BLOCK = 512;

export async function* readTar(source: AsyncIterable<Buffer | Uint8Array>, wantData: (entry: TarEntry) => boolean): AsyncGenerator<TarFile> {
  const reader = new ByteReader(source[Symbol.asyncIterator]());
  let paxPath: string | undefined;
  let longName: string | undefined;
  for (;;) {
    const header = await reader.read(BLOCK);
    if (!header || header.every((b) => b === 0)) return;
    const size = parseSize(header.subarray(124, 136));
    const typeflag = String.fromCharCode(header[156] ?? 0);
    const padded = Math.ceil(size / BLOCK) * BLOCK;
    if (typeflag === 'x' || typeflag === 'g' || typeflag === 'L') {
      const body = await reader.read(padded);
      if (!body) return;
      const text = body.subarray(0, size).toString('utf8');
      if (typeflag === 'x') paxPath = parsePax(text).path ?? paxPath;
      if (typeflag === 'L') longName = text.replace(/\0.*$/s, '');
      // 'g' is git archive's global header (the commit id): nothing to keep.
      continue;
    }
    const name = cString(header.subarray(0, 100));
    const prefix = isUstar(header) ? cString(header.subarray(345, 500)) : '';
    const path = paxPath ?? longName ?? (prefix ? `${prefix}/${name}` : name);
    paxPath = undefined;
    longName = undefined;
    const entry: TarEntry = { path, size, kind: typeflag === '0' || typeflag === '\0' || typeflag === '7' ? 'file' : typeflag === '2' ? 'symlink' : typeflag === '5' ? 'directory' : 'other' };
    if (entry.kind === 'file' && wantData(entry)) {
      const body = await reader.read(padded);
      if (!body) return;
      yield { ...entry, data: Buffer.from(body.subarray(0, size)) };
    } else {
      if (!(await reader.skip(padded))) return;
      yield entry;
    }
  }
}

function parseSize(field: Buffer): number {
  // Sizes of 8 GiB and more use GNU base-256: high bit set, big-endian binary.
  if ((field[0] ?? 0) & 0x80) {
    let value = 0;
    for (let i = 1; i < field.length; i++) value = value * 256 + (field[i] ?? 0);
    return value;
  }
  const octal = cString(field).trim();
  return octal ? parseInt(octal, 8) : 0;
}

function parsePax(text: string): Record<string, string> {
  const records: Record<string, string> = {};
  let offset = 0;
  while (offset < text.length) {
    const space = text.indexOf(' ', offset);
    if (space < 0) break;
    const length = Number(text.slice(offset, space));
    if (!Number.isInteger(length) || length <= 0) break;
    const record = text.slice(space + 1, offset + length - 1);
    const eq = record.indexOf('=');
    if (eq > 0) records[record.slice(0, eq)] = record.slice(eq + 1);
    offset += length;
  }
  return records;
}

function cString(field: Buffer): string {
  const end = field.indexOf(0);
  return field.subarray(0, end < 0 ? field.length : end).toString('utf8');
}

function isUstar(header: Buffer): boolean {
  return header.subarray(257, 262).toString('latin1') === 'ustar';
}

/** Exact-length reads over a stream of chunks, with skips that hold nothing in memory. */
class ByteReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private done = false;

  constructor(private readonly source: AsyncIterator<Buffer | Uint8Array>) {}

  async read(length: number): Promise<Buffer | undefined> {
    while (this.buffered < length && (await this.pull()));
    if (this.buffered < length) return undefined;
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    const out = all.subarray(0, length);
    const rest = all.subarray(length);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    return out;
  }

  async skip(length: number): Promise<boolean> {
    let left = length;
    for (;;) {
      while (left > 0 && this.chunks.length > 0) {
        const head = this.chunks[0]!;
        if (head.length <= left) {
          left -= head.length;
          this.buffered -= head.length;
          this.chunks.shift();
        } else {
          this.chunks[0] = head.subarray(left);
          this.buffered -= left;
          left = 0;
        }
      }
      if (left === 0) return true;
      if (!(await this.pull())) return false;
    }
  }

  private async pull(): Promise<boolean> {
    if (this.done) return false;
    const next = await this.source.next();
    if (next.done) {
      this.done = true;
      return false;
    }
    const chunk = Buffer.from(next.value);
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    return true;
  }
}
