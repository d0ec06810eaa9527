import { BatchStream, blobTexts, type BatchRecord } from '../../../src/adapters/git/blob-reads.js';
import { decodeText } from '../../../src/adapters/git/file-read.js';
import { TempGitRepo } from '../../helpers/temp-git-repo.js';

const oid = (c: string) => c.repeat(40);
/** Objects as `git cat-file --batch` prints them: header, bytes, newline; names git cannot resolve get a `missing` line. */
const objects: Array<[string, Buffer | 'missing']> = [
  [oid('a'), Buffer.from('kind: A\n')],
  [oid('b'), Buffer.alloc(0)],
  [oid('c'), 'missing'],
  // Newlines and header-like text inside content must not be taken for a record boundary.
  [oid('d'), Buffer.from(`x\n${oid('e')} blob 3\nabc\n\n`)],
  // Not UTF-8, and NUL bytes.
  [oid('f'), Buffer.from([0x6b, 0x3a, 0x20, 0xe9, 0x00, 0xff, 0x0a])],
  [oid('9'), Buffer.from('a\u00e9\u4e2d\ud83d\ude00\n')],
];
const batchOutput = Buffer.concat(objects.map(([id, content]) => (content === 'missing'
  ? Buffer.from(`${id} missing\n`)
  : Buffer.concat([Buffer.from(`${id} blob ${content.length}\n`), content, Buffer.from('\n')]))));
const expected = objects.filter(([, c]) => c !== 'missing').map(([id, c]) => ({ oid: id, type: 'blob', size: (c as Buffer).length, content: c }));

function parse(chunks: readonly Buffer[], withContents = true): BatchRecord[] {
  const records: BatchRecord[] = [];
  // Copies, so a record that kept a view of a chunk rather than its own bytes would show.
  const stream = new BatchStream(withContents, (r) => records.push({ ...r, ...(r.content ? { content: Buffer.from(r.content) } : {}) }));
  for (const chunk of chunks) stream.push(Buffer.from(chunk));
  stream.end();
  return records;
}

describe('cat-file --batch output arriving in chunks', () => {
  it('parses the same records wherever one cut falls: inside a header, inside content, on the newline after it', () => {
    for (let cut = 0; cut <= batchOutput.length; cut++) {
      expect([cut, parse([batchOutput.subarray(0, cut), batchOutput.subarray(cut)])]).toEqual([cut, expected]);
    }
  });

  it('parses the same records from one byte at a time, and from any two cuts', () => {
    expect(parse([...batchOutput].map((b) => Buffer.from([b])))).toEqual(expected);
    const differing: Array<[number, number]> = [];
    const want = JSON.stringify(expected);
    for (let a = 0; a < batchOutput.length; a += 3) {
      for (let b = a; b <= batchOutput.length; b += 7) {
        if (JSON.stringify(parse([batchOutput.subarray(0, a), batchOutput.subarray(a, b), batchOutput.subarray(b)])) !== want) differing.push([a, b]);
      }
    }
    expect(differing).toEqual([]);
  });

  it('parses --batch-check headers alone', () => {
    const check = Buffer.from(`${oid('a')} blob 12\n${oid('c')} missing\n${oid('b')} blob 0\n`);
    const want = [{ oid: oid('a'), type: 'blob', size: 12 }, { oid: oid('b'), type: 'blob', size: 0 }];
    for (let cut = 0; cut <= check.length; cut++) expect(parse([check.subarray(0, cut), check.subarray(cut)], false)).toEqual(want);
  });

  it('says so when the output stops inside an object', () => {
    for (const end of [10, 50, batchOutput.length - 1]) expect(() => parse([batchOutput.subarray(0, end)])).toThrow(/ended inside an object/);
  });
});

describe('blob texts from git', () => {
  it('decode binary and non-UTF-8 blobs exactly as before, byte for byte', async () => {
    const repo = new TempGitRepo();
    try {
      const blobs = [Buffer.from([0x6b, 0x3a, 0x20, 0xe9, 0x0a]), Buffer.from([0x00, 0x01, 0xfe, 0xff, 0x0a, 0x0a]), Buffer.from('\ufeffkind: X\r\n'), Buffer.alloc(0), Buffer.alloc(300_000, 0x61)];
      blobs.forEach((b, i) => repo.write(`f${i}.yaml`, b));
      const commit = repo.commit('blobs');
      const ids = blobs.map((_, i) => repo.git('rev-parse', `${commit}:f${i}.yaml`));
      const texts = await blobTexts(repo.dir, ids);
      expect(ids.map((id) => texts.get(id))).toEqual(blobs.map((b) => decodeText(b)));
    } finally {
      repo.dispose();
    }
  });

  it('stop at the output budget instead of filling memory', async () => {
    const repo = new TempGitRepo();
    try {
      const commit = repo.write('big.yaml', 'x'.repeat(100_000)).commit('big');
      await expect(blobTexts(repo.dir, [repo.git('rev-parse', `${commit}:big.yaml`)], undefined, 1000)).rejects.toThrow('git cat-file printed more than 1000 bytes');
    } finally {
      repo.dispose();
    }
  });
});
