import { decodeText } from '../../src/adapters/git/file-read.js';
import { analyze } from '../../src/core/analysis/analyze.js';
import { loadSources } from '../../src/core/load/load-sources.js';
import type { AnalysisResult, SourceFile } from '../../src/core/model.js';
import { OVER_THE_DOCUMENT_LIMIT, OVER_THE_FILE_LIMIT, hostileCases, hostileFixture, hugeFile, manyGoodFiles, seedFiles, SEED_REFS, type CorpusFile, type HostileCase } from '../helpers/hostile-corpus.js';
import { cpuTimeOf } from '../helpers/cpu-time.js';

const MB = 1024 * 1024;

/** Bytes as every reader of ours turns them into text: UTF-8, invalid sequences replaced. */
const asSource = (file: CorpusFile): SourceFile => ({ path: file.path, text: decodeText(file.bytes) });

function run(files: readonly CorpusFile[]): AnalysisResult {
  return analyze(loadSources(files.map(asSource), { defaultNamespace: 'default' }));
}

/** The seed collision: both good files, one tcp-shadowed finding on the wildcard 443 listener. */
function expectSeedCollision(result: AnalysisResult): void {
  const finding = result.findings.find((f) => f.rule === 'tcp-shadowed' && f.listener === '0.0.0.0_443' && SEED_REFS.every((r) => f.entries.some((e) => e.ref === r)));
  expect(finding).toBeDefined();
  for (const entry of finding!.entries.filter((e) => SEED_REFS.includes(e.ref))) {
    expect(entry.location).toMatchObject({ path: expect.stringMatching(/^good\//), line: 1 });
    expect(entry.portLocation).toMatchObject({ path: entry.location.path, line: 11 });
  }
}

/** Every diagnostic of the file has its path and a line inside it; the case's own codes (and line) are among them. */
function expectReported(result: AnalysisResult, c: HostileCase): void {
  const own = result.diagnostics.filter((d) => d.location.path === c.path);
  expect(own.length).toBeGreaterThan(0);
  const lineCount = decodeText(c.bytes).split(/\r\n|\r|\n/).length;
  for (const d of own) {
    expect(Number.isInteger(d.location.line)).toBe(true);
    expect(d.location.line).toBeGreaterThanOrEqual(1);
    expect(d.location.line).toBeLessThanOrEqual(lineCount);
    expect(d.message.length).toBeGreaterThan(0);
  }
  expect(own.some((d) => c.codes.includes(d.code))).toBe(true);
  if (c.line !== undefined) expect(own[0]!.location.line).toBe(c.line);
}

/** Heap growth across a call; with --expose-gc the garbage before and after is collected first. */
function heapGrowth<T>(fn: () => T): { value: T; growth: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const value = fn();
  gc?.();
  return { value, growth: process.memoryUsage().heapUsed - before };
}

describe('each hostile file beside the seed: no throw, reported with path:line, the seed collision still found', () => {
  test.each(hostileCases().map((c) => [c.what, c] as const))('%s', (_what, c) => {
    let result: AnalysisResult | undefined;
    expect(() => (result = run([c, ...seedFiles()]))).not.toThrow();
    expectReported(result!, c);
    expectSeedCollision(result!);
  });
});

describe('what each case costs, and what it keeps', () => {
  test('a syntax error costs only its own document: the documents before and after it still collide', () => {
    const [c] = hostileCases().filter((x) => x.path.endsWith('malformed-second-document.yaml'));
    const result = run([c!, ...seedFiles()]);
    const refs = new Set(result.findings.flatMap((f) => f.entries.map((e) => e.ref)));
    expect(refs).toEqual(new Set(['egress/before-the-break', 'egress/after-the-break', ...SEED_REFS]));
    const syntax = result.diagnostics.find((d) => d.code === 'yaml-syntax')!;
    expect(syntax.location).toMatchObject({ path: c!.path });
    expect(syntax.location.line).toBeGreaterThanOrEqual(18);
    expect(syntax.location.line).toBeLessThanOrEqual(21);
  });

  test('the alias bomb is not expanded: bounded heap, and every report points into the file', () => {
    const bomb = hostileCases().find((x) => x.path.endsWith('/alias-bomb.yaml'))!;
    const { value: result, growth } = heapGrowth(() => run([bomb, ...seedFiles()]));
    expect(growth).toBeLessThan(300 * MB);
    expectReported(result, bomb);
    // Ten reports per expanded list at most: nothing walks the 10^9 leaves.
    expect(result.diagnostics.filter((d) => d.location.path === bomb.path).length).toBeLessThan(50);
    // The reports are on the lines that use the aliases, not on line 1 as for an unreadable file.
    expect(result.diagnostics.filter((d) => d.location.path === bomb.path).every((d) => d.location.line > 1)).toBe(true);
  });

  test('wrong field types are reported line by line and the entry with a good port still loads', () => {
    const c = hostileCases().find((x) => x.path.endsWith('wrong-field-types.yaml'))!;
    const result = run([c, ...seedFiles()]);
    const lines = result.diagnostics.filter((d) => d.location.path === c.path).map((d) => d.location.line);
    expect(new Set(lines)).toEqual(new Set([7, 9, 10, 20, 25]));
    const at = (line: number) => result.diagnostics.filter((d) => d.location.path === c.path && d.location.line === line);
    expect(at(7)[0]!.message).toMatch(/spec\.hosts must be a list/);
    expect(at(9)[0]!.message).toMatch(/spec\.ports must be a list/);
    expect(at(20)[0]!.message).toMatch(/must be an integer/);
    expect(at(25)[0]!.message).toMatch(/protocol must be a string/);
    const loaded = loadSources([asSource(c)], { defaultNamespace: 'default' });
    expect(loaded.entries.find((e) => e.name === 'string-port')!.ports.map((p) => p.number)).toEqual([8443]);
  });

  test('a Helm template is not analysed and says so once, at its kind line, never as a syntax error', () => {
    const c = hostileCases().find((x) => x.path.endsWith('helm-template.yaml'))!;
    const diagnostics = run([c]).diagnostics;
    expect(diagnostics.map((d) => [d.code, d.severity, d.location.line])).toEqual([['template', 'info', 2]]);
    expect(diagnostics[0]!.message).toMatch(/ServiceEntry not analysed \(template\)/);
  });

  test('Latin-1 bytes are replaced, reported at their line, and the entry still collides', () => {
    const c = hostileCases().find((x) => x.path.endsWith('latin1-not-utf8.yaml'))!;
    const result = run([c, ...seedFiles()]);
    expect(result.diagnostics.filter((d) => d.location.path === c.path).map((d) => [d.code, d.severity, d.location.line])).toEqual([['not-utf8', 'warning', 7]]);
    const finding = result.findings.find((f) => f.listener === '0.0.0.0_443')!;
    expect(finding.entries.map((e) => e.ref)).toContain('egress/latin1');
  });

  test('keys named __proto__ and constructor neither pollute prototypes nor replace fields', () => {
    const file: CorpusFile = { path: 'bad/prototype-keys.yaml', bytes: hostileFixture('prototype-keys.yaml') };
    const result = run([file, ...seedFiles()]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['namespace']).toBeUndefined();
    const loaded = loadSources([asSource(file)], { defaultNamespace: 'default' });
    expect(loaded.entries.map((e) => [e.ref, e.hosts, e.ports.map((p) => p.number)])).toEqual([['egress/prototype-keys', ['prototype.example.com'], [8443]]]);
    expectSeedCollision(result);
  });

  test.each([
    ['a file over the file limit, by its size', OVER_THE_FILE_LIMIT, 'file-too-large'],
    ['one document over the document limit', OVER_THE_DOCUMENT_LIMIT, 'document-too-large'],
  ])('%s is refused at line 1, in bounded heap and time', (_, size, code) => {
    const big: HostileCase = { what: `${size} bytes`, path: 'bad/huge.yaml', bytes: hugeFile(size), line: 1, codes: [code] };
    expect(big.bytes.length).toBe(size);
    const source = asSource(big);
    const { value: { value: result, growth }, ms } = cpuTimeOf(() => heapGrowth(() => analyze(loadSources([source, ...seedFiles().map(asSource)], { defaultNamespace: 'default' }))));
    expect(ms).toBeLessThan(5_000);
    expect(growth).toBeLessThan(300 * MB);
    expect(result.diagnostics.filter((d) => d.location.path === big.path)).toEqual([
      expect.objectContaining({ severity: 'error', code, location: { path: big.path, line: 1, column: 1 } }),
    ]);
    expectSeedCollision(result);
  });

  test('random bytes of many seeds never throw and are always reported', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const c = hostileCases().find((x) => x.path.endsWith('random-bytes.yaml'))!;
      let state = seed * 2654435761;
      const bytes = Buffer.from(c.bytes.subarray(0, 4096).map((b, i) => (i < 19 ? b : ((state = (state * 1103515245 + 12345) >>> 0) >>> 16) & 0xff)));
      const result = run([{ ...c, bytes }, ...seedFiles()]);
      expect(result.diagnostics.some((d) => d.location.path === c.path)).toBe(true);
      expectSeedCollision(result);
    }
  });
});

describe('the whole corpus in one load', () => {
  test('3,000 good files, every hostile file and the seed: all bad files reported, all good files analysed', () => {
    const cases = hostileCases();
    const many = manyGoodFiles(3000);
    // Bad files first, in the middle and last, so no position in the list is special.
    const files = [...cases.slice(0, 5), ...many.slice(0, 1500), ...seedFiles(), ...cases.slice(5, 10), ...many.slice(1500), ...cases.slice(10)];
    const result = run(files);
    for (const c of cases) expectReported(result, c);
    expectSeedCollision(result);
    // 3,000 many-files + 2 seed + those the hostile files still hold (before/after-the-break, string-port, wrong-types, latin1, bomb-carrier).
    expect(result.entryCount).toBeGreaterThanOrEqual(3002);
    const manyInFindings = result.findings.flatMap((f) => f.entries).filter((e) => e.name.startsWith('many-'));
    expect(manyInFindings).toEqual([]);
    // No good file is blamed for anything.
    expect(result.diagnostics.filter((d) => d.location.path.startsWith('many/') || d.location.path.startsWith('good/'))).toEqual([]);
  });

  test('3,000 files that all collide on one port give one finding listing all of them', () => {
    const files = manyGoodFiles(3000).map((f) => ({ ...f, bytes: Buffer.from(f.bytes.toString().replace(/ {2}addresses: .*\n/, '').replace('STATIC', 'DNS').replace(/ {2}endpoints: .*\n/, '')) }));
    const result = run([...files, ...hostileCases()]);
    const wildcard = result.findings.filter((f) => f.rule === 'tcp-shadowed' && f.listener === '0.0.0.0_443');
    expect(wildcard).toHaveLength(1);
    expect(wildcard[0]!.entries).toHaveLength(3000 + 3); // the many files, before/after-the-break and latin1
  });
});

describe('alias bombs where a scalar belongs', () => {
  // An alias bomb under a port number (*h, 10^8 leaves) must be reported from its type alone:
  // serialising it for the message would take seconds and ~700 MB and lose the file's good document.
  test('an alias bomb under spec.ports[].number is reported at its line without being expanded', () => {
    const file: CorpusFile = { path: 'bad/alias-bomb-in-port-number.yaml', bytes: hostileFixture('alias-bomb-in-port-number.yaml') };
    const { value: result, ms: elapsed } = cpuTimeOf(() => run([file, ...seedFiles()]));
    const own = result.diagnostics.filter((d) => d.location.path === file.path);
    expect(own.map((d) => [d.code, d.location.line])).toEqual([['wrong-type', 19]]);
    expect(result.findings.flatMap((f) => f.entries.map((e) => e.ref))).toContain('egress/after-the-bomb');
    expect(elapsed).toBeLessThan(1000);
  });
});
