import { mkdtempSync, readFileSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readManifestFiles } from '../../src/adapters/fs/read-manifests.js';
import { analyze } from '../../src/core/analysis/analyze.js';
import { loadSources } from '../../src/core/load/load-sources.js';
import type { SourceFile } from '../../src/core/model.js';
import { makePathFilter } from '../../src/core/paths.js';
import { runCli } from '../../src/cli/run-cli.js';
import { caseFiles, REPO_ROOT } from '../helpers/fixtures.js';

const hostile = (name: string): SourceFile => ({ path: `hostile/${name}`, text: readFileSync(join(REPO_ROOT, 'test/fixtures/hostile', name), 'latin1') });
const utf8 = (name: string): SourceFile => ({ path: `hostile/${name}`, text: readFileSync(join(REPO_ROOT, 'test/fixtures/hostile', name), 'utf8') });
const seed = () => caseFiles('seed-huaweicloud-github');

/** The bad file beside the two seed files: it is reported, and the seed collision is still found. */
function analyseBeside(bad: SourceFile) {
  const result = analyze(loadSources([bad, ...seed()], { defaultNamespace: 'default' }));
  expect(result.findings.some((f) => f.rule === 'tcp-shadowed' && f.listener === '0.0.0.0_443')).toBe(true);
  return result;
}

describe('hostile input never crashes the analysis nor hides a finding', () => {
  test('a syntax error costs only its own document: the documents before and after it still load', () => {
    const result = analyseBeside(utf8('malformed-second-document.yaml'));
    const refs = new Set(result.findings.flatMap((f) => f.entries.map((e) => e.ref)));
    expect(refs.has('egress/before-the-break')).toBe(true);
    expect(refs.has('egress/after-the-break')).toBe(true);
    const syntax = result.diagnostics.find((d) => d.code === 'yaml-syntax')!;
    expect(syntax.location).toMatchObject({ path: 'hostile/malformed-second-document.yaml' });
    expect(syntax.location.line).toBeGreaterThanOrEqual(18);
    expect(syntax.location.line).toBeLessThanOrEqual(21);
  });

  test('an alias bomb is read without expanding it, in bounded memory', () => {
    const before = process.memoryUsage().heapUsed;
    const result = analyseBeside(utf8('alias-bomb.yaml'));
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 1024 * 1024);
    const typeErrors = result.diagnostics.filter((d) => d.location.path === 'hostile/alias-bomb.yaml');
    expect(typeErrors.length).toBeGreaterThan(0);
    expect(typeErrors.every((d) => d.location.line > 1)).toBe(true);
  });

  test('wrong field types are reported at their line and the rest of the entry is kept', () => {
    const result = analyseBeside(utf8('wrong-field-types.yaml'));
    const at = (line: number) => result.diagnostics.filter((d) => d.location.path === 'hostile/wrong-field-types.yaml' && d.location.line === line);
    expect(at(7)[0]!.message).toMatch(/spec\.hosts must be a list/);
    expect(at(9)[0]!.message).toMatch(/spec\.ports must be a list/);
    expect(at(20)[0]!.message).toMatch(/must be an integer/);
    expect(at(25)[0]!.message).toMatch(/protocol must be a string/);
  });

  test('a Helm template is reported as not analysed (template), at its kind line', () => {
    const result = analyseBeside(utf8('helm-template.yaml'));
    const d = result.diagnostics.find((x) => x.location.path === 'hostile/helm-template.yaml')!;
    expect([d.code, d.severity, d.location.line]).toEqual(['template', 'info', 2]);
  });

  test('Latin-1 bytes are replaced, reported at their line, and the entry still collides', () => {
    const bytes = readFileSync(join(REPO_ROOT, 'test/fixtures/hostile/latin1-not-utf8.yaml'));
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    const result = analyseBeside({ path: 'hostile/latin1-not-utf8.yaml', text });
    expect(result.diagnostics.find((d) => d.code === 'not-utf8')!.location.line).toBe(7);
    expect(result.findings[0]!.entries.map((e) => e.ref)).toContain('egress/latin1');
  });

  test('binary data is reported and skipped', () => {
    const result = analyseBeside(hostile('binary-with-nul.yaml'));
    expect(result.diagnostics.find((d) => d.code === 'binary-file')!.location.path).toBe('hostile/binary-with-nul.yaml');
  });

  test.each([
    ['flow', `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nspec: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
    ['block', `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nspec:\n${Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n')}\n`],
  ])('10,000 levels of %s nesting are refused with a line, not a stack overflow', (_style, text) => {
    const result = analyseBeside({ path: 'hostile/deep.yaml', text });
    const d = result.diagnostics.find((x) => x.location.path === 'hostile/deep.yaml')!;
    expect(d.severity).toBe('error');
    expect(d.location.line).toBeGreaterThanOrEqual(1);
  });

  test('random bytes never throw', () => {
    let state = 42;
    const random = () => ((state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let i = 0; i < 50; i++) {
      const text = 'kind: ServiceEntry\n' + Array.from({ length: 2000 }, () => String.fromCharCode(Math.floor(random() * 0x3000))).join('');
      expect(() => analyze(loadSources([{ path: 'r.yaml', text }, ...seed()], { defaultNamespace: 'd' }))).not.toThrow();
    }
  });

  test('a 50 MB file is refused by size before it is parsed, in bounded memory and time', () => {
    const big = `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\n${'# padding padding padding padding padding padding\n'.repeat(1_100_000)}`;
    expect(big.length).toBeGreaterThan(50_000_000);
    const before = process.memoryUsage().heapUsed;
    const started = Date.now();
    const result = analyseBeside({ path: 'hostile/huge.yaml', text: big });
    expect(result.diagnostics.find((d) => d.code === 'file-too-large')!.location).toMatchObject({ path: 'hostile/huge.yaml', line: 1 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(100 * 1024 * 1024);
  });

  test('3,000 changed files with the seed among them are all analysed', () => {
    const files: SourceFile[] = [...seed()];
    for (let i = 0; i < 3000; i++) {
      files.push({ path: `many/entry-${i}.yaml`, text: `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: e${i}, namespace: ns${i % 40}}\nspec:\n  hosts: [h${i}.example.com]\n  addresses: [10.${i >> 8}.${i & 255}.1]\n  ports: [{number: 443, name: tcp, protocol: TCP}]\n` });
    }
    const result = analyze(loadSources(files, { defaultNamespace: 'default' }));
    expect(result.entryCount).toBe(3002);
    expect(result.findings).toHaveLength(1);
  });
});

describe('the filesystem reader', () => {
  test('a symlink leading out of the tree is reported, not followed; the CLI still finds the collision', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seg-hostile-'));
    const outside = mkdtempSync(join(tmpdir(), 'seg-outside-'));
    writeFileSync(join(outside, 'secret.yaml'), 'kind: ServiceEntry\nsecret: do-not-read\n');
    mkdirSync(join(dir, 'deploy'));
    for (const f of seed()) writeFileSync(join(dir, 'deploy', f.path.split('/').pop()!), f.text);
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'deploy', 'leak.yaml'));
    const read = await readManifestFiles([dir], { filter: makePathFilter(['**/*.yaml']), cwd: dir });
    expect(read.files.map((f) => f.path).sort()).toEqual(['deploy/github.yaml', 'deploy/huaweicloud.yaml']);
    expect(read.diagnostics).toEqual([expect.objectContaining({ code: 'symlink-outside', location: expect.objectContaining({ path: 'deploy/leak.yaml' }) })]);

    let stdout = '';
    const code = await runCli(['check', '.'], { stdout: (t) => (stdout += t), stderr: () => undefined, cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toContain('deploy/leak.yaml:1: warning');
    expect(stdout).not.toContain('do-not-read');
  });

  test('a file over the size limit is reported from its size alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seg-hostile-'));
    writeFileSync(join(dir, 'big.yaml'), Buffer.alloc(2048, 0x61));
    const read = await readManifestFiles([dir], { filter: makePathFilter(['**/*.yaml']), cwd: dir, maxFileBytes: 1024 });
    expect(read.files).toEqual([]);
    expect(read.diagnostics[0]).toMatchObject({ code: 'file-too-large', location: { path: 'big.yaml', line: 1 } });
  });
});
