import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Bottleneck from 'bottleneck';
import nock from 'nock';
import type { ActionIo, AnnotationLevel, AnnotationPlace } from '../../src/action/io.js';
import { run, type RunResult } from '../../src/action/run.js';
import type { FakeFile, FakeGitHub } from './fake-github.js';
import { pullRequestPayload } from './webhook-payload.js';

export const API = 'https://api.github.com';
export const TOKEN = 'ghs_TESTTOKEN0123456789abcdefghijABCDEFGHIJ';

/** Serves every request to the API origin from the fake, through nock (which sees Node's global fetch). */
export function bindNock(fake: FakeGitHub, baseUrl = API): void {
  const origin = new URL(baseUrl).origin;
  fake.baseUrl = baseUrl;
  for (const method of ['get', 'post', 'patch', 'put', 'delete'] as const) {
    nock(origin).persist().intercept(/.*/, method.toUpperCase()).reply(function (uri, body) {
      const url = new URL(uri, origin);
      const parsed = typeof body === 'string' && body ? safeJson(body) : body;
      const response = fake.handle({ method: method.toUpperCase(), path: url.pathname, query: url.searchParams, body: parsed, headers: this.req.headers as Record<string, string> });
      const payload = Buffer.isBuffer(response.body) ? response.body : response.body === undefined ? '' : JSON.stringify(response.body);
      return [response.status, payload, { 'content-type': 'application/json; charset=utf-8', ...response.headers }];
    });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Real patches for the fake's files endpoint, from git itself. */
export function filesBetween(repoDir: string, base: string, head: string): FakeFile[] {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repoDir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const fields = git('diff-tree', '-r', '-z', '-M', '--no-commit-id', '--name-status', base, head).split('\0').filter(Boolean);
  const files: FakeFile[] = [];
  for (let i = 0; i < fields.length; ) {
    const status = fields[i++]!;
    const renamed = status.startsWith('R');
    const previous = renamed ? fields[i++]! : undefined;
    const path = fields[i++]!;
    const diff = git('diff', '-M', base, head, '--', ...(previous ? [previous, path] : [path]));
    const at = diff.indexOf('\n@@');
    const blob = status === 'D' ? '' : git('rev-parse', `${head}:${path}`).trim();
    files.push({
      ...(blob ? { sha: blob } : {}),
      filename: path,
      status: renamed ? 'renamed' : status === 'A' ? 'added' : status === 'D' ? 'removed' : 'modified',
      ...(previous ? { previous_filename: previous } : {}),
      ...(at >= 0 ? { patch: diff.slice(at + 1).replace(/\n$/, '') } : {}),
    });
  }
  return files;
}

export interface RecordedIo extends ActionIo {
  logs: string[];
  annotations: Array<{ level: AnnotationLevel; message: string; place: AnnotationPlace }>;
  outputs: Record<string, string>;
  secrets: string[];
  failed: string[];
  summaries: string[];
  /** Every string the run handed to the runner, for leak checks. */
  everything(): string;
}

export function recordingIo(inputs: Record<string, string>): RecordedIo {
  const io: RecordedIo = {
    logs: [],
    annotations: [],
    outputs: {},
    secrets: [],
    failed: [],
    summaries: [],
    getInput: (name) => inputs[name] ?? '',
    info: (m) => io.logs.push(m),
    warning: (m) => io.logs.push(`warning: ${m}`),
    annotate: (level, message, place) => io.annotations.push({ level, message, place }),
    setOutput: (name, value) => { io.outputs[name] = value; },
    setSecret: (value) => io.secrets.push(value),
    setFailed: (m) => io.failed.push(m),
    writeJobSummary: async (m) => { io.summaries.push(m); },
    everything: () => JSON.stringify([io.logs, io.annotations, io.outputs, io.failed, io.summaries]),
  };
  return io;
}

/** Limiters without GitHub's one-write-per-second spacing, so tests do not sleep. */
function fastThrottle() {
  const group = () => new Bottleneck.Group({ maxConcurrent: 10, minTime: 0 });
  return { global: group(), write: group(), notifications: group(), search: group(), auth: group() };
}

export interface ActionRun {
  result: RunResult;
  io: RecordedIo;
}

export interface RunOptions {
  fake: FakeGitHub;
  /** The checkout; omit to make the action read everything through the API. */
  workspace?: string;
  inputs?: Record<string, string>;
  event?: 'opened' | 'synchronize';
  headRepo?: string;
  apiUrl?: string;
  /** Another event's payload (push, schedule…) instead of the pull request's, with its GITHUB_SHA. */
  otherEvent?: { name: string; payload: unknown; sha: string };
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const { fake } = options;
  const temp = mkdtempSync(join(tmpdir(), 'seg-run-'));
  const eventPath = join(temp, 'event.json');
  const { owner, repo, pullNumber, baseSha, headSha, files } = fake.options;
  writeFileSync(eventPath, JSON.stringify(options.otherEvent?.payload ?? pullRequestPayload(options.event ?? 'opened', { owner, repo, number: pullNumber, baseSha, headSha, changedFiles: files.length, ...(options.headRepo ? { headRepo: options.headRepo } : {}) })));
  const io = recordingIo({ token: TOKEN, 'fail-level': 'error', mode: 'review', ...options.inputs });
  const result = await run({
    env: {
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_EVENT_NAME: options.otherEvent?.name ?? 'pull_request',
      GITHUB_SHA: options.otherEvent?.sha ?? '',
      GITHUB_REPOSITORY: `${owner}/${repo}`,
      GITHUB_API_URL: options.apiUrl ?? API,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_WORKSPACE: options.workspace ?? '',
      RUNNER_TEMP: temp,
    },
    io,
    client: { fetch: globalThis.fetch, retryAfterBaseMs: 1, throttle: fastThrottle() },
    sleep: async () => undefined,
  });
  return { result, io };
}

export function readJson(path: string): any {
  return JSON.parse(readFileSync(path, 'utf8'));
}
