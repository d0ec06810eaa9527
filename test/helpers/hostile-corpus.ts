/**
 * The hostile-input corpus: every kind of file a pull request can plant in a
 * manifest tree, beside two good files that collide (the seed case), so a test
 * can check that the bad files are reported and the good ones still analysed.
 * Used by the hostile tests and by scripts/make-hostile-corpus.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MAX_FILE_BYTES } from '../../src/core/load/load-sources.js';

export interface CorpusFile {
  /** Path relative to the corpus root. */
  path: string;
  bytes: Buffer;
}

export interface HostileCase extends CorpusFile {
  /** Why the file is hostile, for test names. */
  what: string;
  /** The line its first diagnostic must be on, when the case pins one. */
  line?: number;
  /** Diagnostic codes of which at least one must be reported for this file. */
  codes: string[];
}

const FIXTURES = new URL('../fixtures/hostile/', import.meta.url);

export function hostileFixture(name: string): Buffer {
  return readFileSync(fileURLToPath(new URL(name, FIXTURES)));
}

export const SEED_REFS = ['egress/seed-github', 'egress/seed-huaweicloud'];

/** Two good files, both 443/TCP with DNS resolution and no addresses: one tcp-shadowed finding on 0.0.0.0_443. */
export function seedFiles(dir = 'good'): CorpusFile[] {
  const entry = (name: string, host: string) => Buffer.from([
    'apiVersion: networking.istio.io/v1',
    'kind: ServiceEntry',
    'metadata:',
    `  name: ${name}`,
    '  namespace: egress',
    'spec:',
    '  hosts:',
    `    - ${host}`,
    '  location: MESH_EXTERNAL',
    '  ports:',
    '    - number: 443',
    '      name: tcp-443',
    '      protocol: TCP',
    '  resolution: DNS',
    '',
  ].join('\n'));
  return [
    { path: `${dir}/github.yaml`, bytes: entry('seed-github', 'github.com') },
    { path: `${dir}/huaweicloud.yaml`, bytes: entry('seed-huaweicloud', 'www.huaweicloud.com') },
  ];
}

/** A deterministic pseudo-random byte source, so a failing case can be replayed. */
export function seededBytes(seed: number, length: number): Buffer {
  let state = seed >>> 0 || 1;
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = state & 0xff;
  }
  return out;
}

/** One MiB past the largest file the tools read (65 MiB). */
export const OVER_THE_FILE_LIMIT = DEFAULT_MAX_FILE_BYTES + 1024 * 1024;
/** One document past the most a document may hold unless it is a List of block items (20 MiB). */
export const OVER_THE_DOCUMENT_LIMIT = 20 * 1024 * 1024;

/** A ServiceEntry followed by comment padding up to `size` bytes, all one document: cheap to build, costly to parse. */
export function hugeFile(size = OVER_THE_FILE_LIMIT): Buffer {
  const head = Buffer.from('apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: huge, namespace: egress}\nspec:\n  hosts: [huge.example.com]\n  ports: [{number: 443, name: tcp, protocol: TCP}]\n');
  const out = Buffer.alloc(size, '# padding padding padding padding padding padding padding padding\n');
  head.copy(out, 0);
  return out;
}

const HEADER = 'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: deep, namespace: egress}\n';

export function deepFlowNesting(levels = 10_000): Buffer {
  return Buffer.from(`${HEADER}spec:\n  hosts: ${'['.repeat(levels)}${']'.repeat(levels)}\n`);
}

/** Block style without indentation growth (`- - - x`), so 10,000 levels stay 20 KB, under the size limit. */
export function deepBlockNesting(levels = 10_000): Buffer {
  return Buffer.from(`${HEADER}spec:\n  hosts:\n    ${'- '.repeat(levels)}deep.example.com\n  ports: [{number: 443, name: tcp, protocol: TCP}]\n`);
}

/** Indented block mappings: n levels cost n² bytes of indentation, so 2,000 levels (4 MB) is what fits under the size limit. */
export function deepIndentedNesting(levels = 2_000): Buffer {
  const lines = Array.from({ length: levels }, (_, i) => `${' '.repeat(i + 1)}k${i}:`);
  return Buffer.from(`${HEADER}spec:\n${lines.join('\n')} leaf\n`);
}

/** kubectl Lists nested in one another, each level through the List branch of the loader. */
export function deepListNesting(levels = 1_000): Buffer {
  const lines = ['kind: List', 'items:'];
  for (let i = 1; i < levels; i++) lines.push(`${'  '.repeat(i - 1)}- kind: List`, `${'  '.repeat(i)}items:`);
  return Buffer.from(`${lines.join('\n')}\n${'  '.repeat(levels - 1)}- kind: ServiceEntry\n`);
}

/**
 * Every hostile case but the 3,000-file one. `big` adds a file over the file limit and a document over the
 * document limit (skip them where 85 MB of memory or disk per run is not wanted).
 */
export function hostileCases(options: { big?: boolean } = {}): HostileCase[] {
  const cases: HostileCase[] = [
    { what: 'a syntax error in the second of three documents', path: 'bad/malformed-second-document.yaml', bytes: hostileFixture('malformed-second-document.yaml'), codes: ['yaml-syntax'] },
    { what: 'an unclosed quote', path: 'bad/unclosed-quote.yaml', bytes: hostileFixture('unclosed-quote.yaml'), codes: ['yaml-syntax'] },
    { what: 'tab indentation', path: 'bad/tab-indented.yaml', bytes: hostileFixture('tab-indented.yaml'), line: 7, codes: ['yaml-syntax'] },
    { what: 'an Ansible !vault tag', path: 'bad/ansible-vault-tag.yaml', bytes: hostileFixture('ansible-vault-tag.yaml'), line: 8, codes: ['yaml-syntax'] },
    { what: 'a billion-laughs alias bomb', path: 'bad/alias-bomb.yaml', bytes: hostileFixture('alias-bomb.yaml'), codes: ['wrong-type'] },
    { what: 'wrong field types', path: 'bad/wrong-field-types.yaml', bytes: hostileFixture('wrong-field-types.yaml'), line: 7, codes: ['wrong-type'] },
    { what: 'a Helm/Go template', path: 'bad/helm-template.yaml', bytes: hostileFixture('helm-template.yaml'), line: 2, codes: ['template'] },
    { what: 'Latin-1 bytes (not UTF-8)', path: 'bad/latin1-not-utf8.yaml', bytes: hostileFixture('latin1-not-utf8.yaml'), line: 7, codes: ['not-utf8'] },
    { what: 'binary data with NUL bytes', path: 'bad/binary-with-nul.yaml', bytes: hostileFixture('binary-with-nul.yaml'), line: 1, codes: ['binary-file'] },
    { what: 'random bytes', path: 'bad/random-bytes.yaml', bytes: Buffer.concat([Buffer.from('kind: ServiceEntry\n'), seededBytes(7, 64 * 1024)]), codes: ['binary-file', 'not-utf8', 'yaml-syntax'] },
    { what: 'random bytes without NUL', path: 'bad/random-bytes-no-nul.yaml', bytes: Buffer.concat([Buffer.from('kind: ServiceEntry\n'), Buffer.from(seededBytes(11, 64 * 1024).map((b) => b || 1))]), codes: ['not-utf8', 'yaml-syntax'] },
    { what: '10,000 levels of flow nesting', path: 'bad/deep-flow.yaml', bytes: deepFlowNesting(), codes: ['yaml-syntax', 'unreadable-file'] },
    { what: '10,000 levels of block nesting', path: 'bad/deep-block.yaml', bytes: deepBlockNesting(), codes: ['yaml-syntax', 'unreadable-file'] },
    { what: '2,000 levels of indented block nesting', path: 'bad/deep-indented.yaml', bytes: deepIndentedNesting(), codes: ['yaml-syntax', 'unreadable-file'] },
    { what: '1,000 kubectl Lists nested', path: 'bad/deep-lists.yaml', bytes: deepListNesting(), codes: ['yaml-syntax', 'unreadable-file'] },
  ];
  if (options.big) {
    cases.push({ what: 'a 65 MB file', path: 'bad/huge.yaml', bytes: hugeFile(), line: 1, codes: ['file-too-large'] });
    cases.push({ what: 'a 20 MB document', path: 'bad/huge-document.yaml', bytes: hugeFile(OVER_THE_DOCUMENT_LIMIT), line: 1, codes: ['document-too-large'] });
  }
  return cases;
}

/** Many good files that do not collide (each its own address), to be loaded with the corpus. */
export function manyGoodFiles(count = 3000): CorpusFile[] {
  return Array.from({ length: count }, (_, i) => ({
    path: `many/ns${i % 40}/entry-${i}.yaml`,
    bytes: Buffer.from([
      'apiVersion: networking.istio.io/v1',
      'kind: ServiceEntry',
      `metadata: {name: many-${i}, namespace: ns${i % 40}}`,
      'spec:',
      `  hosts: [h${i}.many.example.com]`,
      `  addresses: [10.${(i >> 8) & 255}.${i & 255}.1]`,
      '  ports: [{number: 443, name: tcp, protocol: TCP}]',
      '  resolution: STATIC',
      `  endpoints: [{address: 10.${(i >> 8) & 255}.${i & 255}.1}]`,
      '',
    ].join('\n')),
  }));
}
