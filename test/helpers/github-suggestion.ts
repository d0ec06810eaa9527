import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './fixtures.js';

/** The replacement text of the first ```suggestion block of a review comment (any fence length). */
export function suggestionBody(commentBody: string): string | undefined {
  const match = /(`{3,})suggestion\n([\s\S]*?)\n\1(?:\n|$)/.exec(commentBody);
  return match?.[2];
}

/**
 * What "Commit suggestion" does to the file: lines start_line..line of the
 * head version (RIGHT side) are replaced by the block's lines, byte for
 * byte; every other byte of the file, line endings included, is kept.
 */
export function applySuggestionAsGitHub(fileText: string, startLine: number, endLine: number, body: string): string {
  const lines = fileText.split('\n');
  lines.splice(startLine - 1, endLine - startLine + 1, ...body.split('\n'));
  return lines.join('\n');
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The built CLI (dist/cli.js), as a user runs it. */
export function runBuiltCli(cwd: string, ...args: string[]): CliRun {
  const run = spawnSync(process.execPath, [join(REPO_ROOT, 'dist/cli.js'), ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/** Writes files into a fresh directory and runs `check --format json` on it. */
export function checkFiles(files: Record<string, string>): { code: number; report: { findings: unknown[]; diagnostics: unknown[] } } {
  const dir = mkdtempSync(join(tmpdir(), 'seg-applied-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const run = runBuiltCli(dir, 'check', '--format', 'json', '.');
  return { code: run.code, report: JSON.parse(run.stdout) as { findings: unknown[]; diagnostics: unknown[] } };
}
