import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { syntheticRepo } from '../../bench/synthetic-repo.js';
import { PIECE_LIMITS } from '../../src/core/load/load-sources.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

const CLI = join(REPO_ROOT, 'dist/cli.js');

/** The parts of `check --format json` read here. */
interface JsonReport {
  entryCount: number;
  findings: Array<{ listener: string }>;
  diagnostics: unknown[];
}

describe('a cluster export larger than one document may be', () => {
  const dir = mkdtempSync(join(tmpdir(), 'seg-export-'));
  const [file] = syntheticRepo(55_000, 'cluster-export');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(() => {
    mkdirSync(dirname(join(dir, file!.path)), { recursive: true });
    writeFileSync(join(dir, file!.path), file!.text);
  });

  it('is one List document over the document limit', () => {
    expect(file!.text.length).toBeGreaterThan(PIECE_LIMITS.maxDocumentChars);
    expect(file!.text.match(/^kind: List$/gm)).toHaveLength(1);
  });

  it('is analysed whole by the built CLI: every entry, and the collisions among them', () => {
    const run = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.diagnostics).toEqual([]);
    expect(report.entryCount).toBe(55_000);
    const listeners = new Set(report.findings.map((f) => f.listener));
    for (const port of [443, 3306, 6379]) expect(listeners).toContain(`0.0.0.0_${port}`);
  });
});
