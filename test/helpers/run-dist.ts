import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from './fixtures.js';

export const DIST = join(REPO_ROOT, 'dist/index.js');
export const TOKEN = 'ghs_E2ETOKENabcdefghijklmnopqrstuvwxyz0123';

/**
 * A suite of the bundled action. dist/ is committed and CI checks it equals a fresh build, so a
 * missing bundle is a broken checkout: every test of the suite fails saying so, none is skipped.
 */
export function describeBuiltAction(name: string, suite: () => void): void {
  describe(name, () => {
    beforeAll(() => {
      if (!existsSync(DIST)) throw new Error(`${DIST} does not exist: run \`npm run build\` first; the end-to-end tests run the bundled action`);
    });
    suite();
  });
}

export interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: string;
  summary: string;
  /** Milliseconds from spawn to exit. */
  elapsedMs: number;
}

export interface DistEvent {
  name: 'pull_request' | 'pull_request_target' | 'merge_group' | 'push';
  payload: unknown;
  /** GITHUB_SHA and GITHUB_REF as the runner sets them for this event. */
  sha: string;
  ref: string;
  repository: string;
  /** The checkout; empty means no checkout step ran. */
  workspace: string;
}

/**
 * Runs the bundled action exactly as the runner does: `node dist/index.js`
 * with the environment GitHub sets, inputs as INPUT_<NAME> with action.yml's
 * defaults, against the given API URL.
 */
export async function runDist(event: DistEvent, apiUrl: string, inputs: Record<string, string> = {}, extraEnv: Record<string, string> = {}): Promise<ChildRun> {
  const temp = mkdtempSync(join(tmpdir(), 'seg-e2e-'));
  const eventPath = join(temp, 'event.json');
  const outputPath = join(temp, 'output');
  const summaryPath = join(temp, 'summary.md');
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  writeFileSync(eventPath, JSON.stringify(event.payload));
  const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
  const inputEnv: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) inputEnv[`INPUT_${name.toUpperCase()}`] = String(spec.default ?? '');
  for (const [name, value] of Object.entries({ token: TOKEN, ...inputs })) inputEnv[`INPUT_${name.toUpperCase()}`] = value;
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? temp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_API_URL: apiUrl,
    GITHUB_GRAPHQL_URL: `${apiUrl}/graphql`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: event.repository,
    GITHUB_SHA: event.sha,
    GITHUB_REF: event.ref,
    GITHUB_WORKSPACE: event.workspace,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: temp,
    ...inputEnv,
    ...extraEnv,
  };
  const started = Date.now();
  const child = spawn(process.execPath, [DIST], { cwd: event.workspace || temp, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr, outputs: readFileSync(outputPath, 'utf8'), summary: readFileSync(summaryPath, 'utf8'), elapsedMs: Date.now() - started };
}

/** GITHUB_OUTPUT uses `name<<delimiter` heredocs. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]!] = m[3]!;
  return out;
}
