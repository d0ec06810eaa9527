import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readManifestFiles } from '../../src/adapters/fs/read-manifests.js';
import { runCli } from '../../src/cli/run-cli.js';
import { makePathFilter } from '../../src/core/paths.js';
import { hostileCases, manyGoodFiles, seedFiles, SEED_REFS, type CorpusFile } from '../helpers/hostile-corpus.js';

const SECRET = 'do-not-read-this-secret';

interface JsonReport {
  entryCount: number;
  findings: Array<{ rule: string; listener: string; entries: Array<{ ref: string; location: { path: string; line: number } }> }>;
  diagnostics: Array<{ severity: string; code: string; message: string; location: { path: string; line: number; column: number } }>;
}

let root: string;
let repo: string;
const cases = hostileCases({ big: true });

function write(base: string, file: CorpusFile): void {
  const path = join(base, file.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file.bytes);
}

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: repo });
  return { code, stdout, stderr };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'seg-hostile-cli-'));
  repo = join(root, 'repo');
  const outside = join(root, 'outside');
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(outside, 'secret.yaml'), `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: ${SECRET}, namespace: egress}\nspec: {hosts: [${SECRET}.example.com], ports: [{number: 443, name: tcp, protocol: TCP}]}\n`);
  mkdirSync(join(outside, 'dir.yaml'));
  writeFileSync(join(outside, 'dir.yaml', 'inner.yaml'), `kind: ServiceEntry # ${SECRET}\n`);
  for (const file of [...seedFiles(), ...cases, ...manyGoodFiles(3000)]) write(repo, file);
  mkdirSync(join(repo, 'links'), { recursive: true });
  symlinkSync(join(outside, 'secret.yaml'), join(repo, 'links', 'outside-file.yaml'));
  symlinkSync('../../outside/secret.yaml', join(repo, 'links', 'relative-outside.yaml'));
  symlinkSync(join(outside, 'dir.yaml'), join(repo, 'links', 'outside-dir.yaml'));
  symlinkSync(join(repo, 'links', 'loop-b.yaml'), join(repo, 'links', 'loop-a.yaml'));
  symlinkSync(join(repo, 'links', 'loop-a.yaml'), join(repo, 'links', 'loop-b.yaml'));
  symlinkSync(join(root, 'nowhere.yaml'), join(repo, 'links', 'dangling.yaml'));
  // A link that stays inside the tree is read like any file.
  symlinkSync('../good/github.yaml', join(repo, 'links', 'inside.yaml'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const LINKS_OUT = ['links/dangling.yaml', 'links/loop-a.yaml', 'links/loop-b.yaml', 'links/outside-dir.yaml', 'links/outside-file.yaml', 'links/relative-outside.yaml'];

describe('the filesystem reader over the corpus', () => {
  test('symlinks that lead out of the tree, nowhere or in a loop are reported and not read; one inside is read', async () => {
    const read = await readManifestFiles(['.'], { filter: makePathFilter(['**/*.yaml', '**/*.yml']), cwd: repo });
    const links = read.diagnostics.filter((d) => d.code === 'symlink-outside');
    expect(links.map((d) => d.location.path).sort()).toEqual(LINKS_OUT);
    for (const d of links) expect(d.location.line).toBe(1);
    expect(read.files.map((f) => f.path)).toContain('links/inside.yaml');
    expect(read.files.some((f) => f.text.includes(SECRET))).toBe(false);
  });

  test('the file over the size limit is refused from its size without being read', async () => {
    const read = await readManifestFiles(['bad/huge.yaml'], { filter: () => true, cwd: repo });
    expect(read.files).toEqual([]);
    expect(read.diagnostics).toEqual([expect.objectContaining({ code: 'file-too-large', location: expect.objectContaining({ path: 'bad/huge.yaml', line: 1 }) })]);
  });

  test('a symlink named explicitly on the command line is not followed out of the working directory', async () => {
    const read = await readManifestFiles(['links/outside-file.yaml'], { filter: () => true, cwd: repo });
    expect(read.files).toEqual([]);
    expect(read.diagnostics.map((d) => d.code)).toEqual(['symlink-outside']);
  });
});

describe('the CLI over the corpus', () => {
  test('JSON: exit 1 for the seed collision, every bad file and every escaping link listed with path:line, nothing from outside read', async () => {
    const { code, stdout, stderr } = await cli('check', '.', '--format', 'json');
    // Only the one-line summaries (how the repository was split into meshes; templates not analysed): no stack trace, no error.
    const lines = stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^(serviceentry-guard: )?(.*\bmeshe?s?\b.*|\d+ ServiceEntr(y|ies) not analysed.*)$/i);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as JsonReport;
    const byPath = new Map<string, JsonReport['diagnostics']>();
    // The links inside the tree point at good files: read twice, they are copies, said once (meshes-ambiguous).
    for (const d of report.diagnostics) if (d.code !== 'meshes-ambiguous') byPath.set(d.location.path, [...(byPath.get(d.location.path) ?? []), d]);
    for (const c of cases) {
      const own = byPath.get(c.path) ?? [];
      expect({ path: c.path, reported: own.some((d) => c.codes.includes(d.code)) }).toEqual({ path: c.path, reported: true });
      if (c.line !== undefined) expect(own[0]!.location.line).toBe(c.line);
      for (const d of own) expect(d.location.line).toBeGreaterThanOrEqual(1);
    }
    for (const link of LINKS_OUT) expect(byPath.get(link)?.map((d) => d.code)).toEqual(['symlink-outside']);
    for (const path of byPath.keys()) expect(path).not.toMatch(/^(many|good)\//);

    // The corpus's copies (links/inside.yaml) split it into meshes: the seed collision is the one that holds the seed's entries.
    const seed = report.findings.find((f) => f.rule === 'tcp-shadowed' && f.listener === '0.0.0.0_443' && f.entries.some((e) => e.ref === SEED_REFS[0]))!;
    expect(seed.entries.map((e) => e.ref)).toEqual(expect.arrayContaining(SEED_REFS));
    // 3,000 many-files, the seed twice (links/inside.yaml is a second copy of github.yaml) and what the bad files still hold.
    expect(report.entryCount).toBeGreaterThanOrEqual(3003);
    expect(stdout).not.toContain(SECRET);
  });

  test('text: exit 1, the collision and each bad file as path:line', async () => {
    const { code, stdout } = await cli('check', '.');
    expect(code).toBe(1);
    expect(stdout).toContain('0.0.0.0_443');
    for (const c of cases) expect(stdout).toMatch(new RegExp(`${c.path.replace(/[.]/g, '\\.')}:\\d+`));
    for (const link of LINKS_OUT) expect(stdout).toContain(`${link}:1: warning`);
    expect(stdout).not.toContain(SECRET);
  });

  test('markdown: exit 1 and every bad file listed', async () => {
    const { code, stdout } = await cli('check', '.', '--format', 'markdown');
    expect(code).toBe(1);
    // Paths go through the markdown escaper: `_` and `.` may be escaped, so compare without backslashes.
    const plain = stdout.replace(/\\/g, '');
    for (const c of cases) expect(plain).toContain(c.path);
    expect(stdout).not.toContain(SECRET);
  });

  test('only the bad files with --fail-level never: exit 0, every one of them in the diagnostics', async () => {
    const { code, stdout } = await cli('check', 'bad', '--format', 'json', '--fail-level', 'never');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as JsonReport;
    expect(new Set(report.diagnostics.map((d) => d.location.path))).toEqual(new Set(cases.map((c) => c.path)));
  });
});

describe('the filesystem reader', () => {
  test('a file over the size limit is reported from its size alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seg-hostile-'));
    writeFileSync(join(dir, 'big.yaml'), Buffer.alloc(2048, 0x61));
    const read = await readManifestFiles([dir], { filter: makePathFilter(['**/*.yaml']), cwd: dir, maxFileBytes: 1024 });
    expect(read.files).toEqual([]);
    expect(read.diagnostics[0]).toMatchObject({ code: 'file-too-large', location: { path: 'big.yaml', line: 1 } });
  });
});
