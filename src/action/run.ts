import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGitHubClient, type ClientOptions, type GitHubClient } from '../adapters/github/client.js';
import type { RepoRef } from '../adapters/github/pull-request.js';
import { analyze } from '../core/analysis/analyze.js';
import { loadSources, DEFAULT_MAX_FILE_BYTES } from '../core/load/load-sources.js';
import type { MeshOptions } from '../core/model.js';
import { makePathFilter } from '../core/paths.js';
import { atOrAbove, toJsonCheckReport, toJsonReviewReport } from '../core/render/json.js';
import { writeJson } from '../core/render/json-stream.js';
import { renderFindingsMarkdown, renderReviewMarkdown, type RenderContext } from '../core/render/markdown.js';
import { failsAt, reviewChange, type ReviewReport } from '../core/review/review-change.js';
import { validateServiceEntryManifest } from '../core/crd/validate-manifest.js';
import { annotate } from './annotations.js';
import { readRunContext, type PullRequestContext } from './event.js';
import { InputError, readInputs, type ActionInputs } from './inputs.js';
import type { ActionIo } from './io.js';
import { blobUrlFor } from './links.js';
import { gatherPullRequestSources } from './pull-request-sources.js';
import { publishToPullRequest, type PublishOutcome } from './publish.js';
import { gatherTree } from './tree-sources.js';

export interface RunEnvironment {
  env: Readonly<Record<string, string | undefined>>;
  io: ActionIo;
  /** Client settings tests change (global fetch for nock, short back-off). */
  client?: Partial<Pick<ClientOptions, 'fetch' | 'retryAfterBaseMs' | 'throttle'>>;
  sleep?: (ms: number) => Promise<void>;
}

export interface RunResult {
  exitCode: 0 | 1;
  published?: PublishOutcome;
}

/** GitHub caps a step's job summary at 1 MiB. */
const JOB_SUMMARY_LIMIT = 1_000_000;

/**
 * The action from inputs to exit code. The exit code depends only on what
 * the change introduces and the fail level, never on whether posting
 * worked, so the required status check means the same thing for fork pull
 * requests, outages and re-runs.
 */
export async function run(environment: RunEnvironment): Promise<RunResult> {
  const { io, env } = environment;
  // Masked before anything else can print it.
  const rawToken = io.getInput('token').trim();
  if (rawToken) io.setSecret(rawToken);
  let inputs: ActionInputs;
  try {
    inputs = readInputs((name) => io.getInput(name));
  } catch (error) {
    if (error instanceof InputError) {
      io.setFailed(error.message);
      return { exitCode: 1 };
    }
    throw error;
  }
  if (!inputs.token) {
    io.setFailed('input token is empty; the default is ${{ github.token }}');
    return { exitCode: 1 };
  }
  const repository = env['GITHUB_REPOSITORY'] ?? '';
  const [owner, name] = repository.split('/');
  if (!owner || !name) {
    io.setFailed('GITHUB_REPOSITORY is not set to owner/name');
    return { exitCode: 1 };
  }
  const repo: RepoRef = { owner, repo: name };
  const client = createGitHubClient({ token: inputs.token, baseUrl: env['GITHUB_API_URL'] ?? 'https://api.github.com', log: io, ...environment.client });
  const context = readRunContext(env);
  const select = makePathFilter(inputs.paths);
  const mesh: Partial<MeshOptions> = {
    autoAllocate: inputs.autoAllocate,
    rootNamespace: inputs.rootNamespace,
    ...(inputs.meshDefaultExportTo ? { defaultExportTo: inputs.meshDefaultExportTo } : {}),
  };
  const serverUrl = env['GITHUB_SERVER_URL'] ?? 'https://github.com';
  const workspace = env['GITHUB_WORKSPACE'] || undefined;
  const reportPath = join(env['RUNNER_TEMP'] || tmpdir(), 'serviceentry-guard', 'report.json');

  if (context.kind === 'tree') {
    const tree = await gatherTree({ client, repo, sha: context.sha, workspace, select, maxBytes: DEFAULT_MAX_FILE_BYTES, log: (m) => io.info(m) });
    const loaded = loadSources(tree.files, { defaultNamespace: inputs.defaultNamespace });
    loaded.diagnostics.unshift(...tree.diagnostics);
    const result = analyze(loaded, { mesh });
    const render: RenderContext = { blobUrl: blobUrlFor(serverUrl, repository, context.sha) };
    io.info(`Not a pull request: analysed the whole tree at ${context.sha.slice(0, 12)} (${result.entryCount} ServiceEntries, ${result.findings.length} findings).`);
    await writeReport(reportPath, { ...toJsonCheckReport(result.findings, result.diagnostics, result.entryCount), context: { sha: context.sha } });
    setCounts(io, 0, 0, result.findings.length, reportPath);
    if (inputs.mode !== 'check') {
      await io.writeJobSummary(renderFindingsMarkdown(result.findings, result.diagnostics, result.entryCount, { ...render, maxLength: JOB_SUMMARY_LIMIT }));
      annotate(io, result.findings.map((finding) => ({ status: 'existing', finding, newEntryRefs: [] })), [], new Set());
    }
    const failing = atOrAbove(result.findings, inputs.failLevel);
    return conclude(io, failing.length > 0, `${failing.length} listener collision${failing.length === 1 ? '' : 's'} at or above ${inputs.failLevel}`);
  }

  const sources = await gatherPullRequestSources({ client, repo, pr: context, workspace, select, maxBytes: DEFAULT_MAX_FILE_BYTES, log: io });
  io.info(`Pull request #${context.number}: ${sources.baseFiles.length} manifest files at base ${context.baseSha.slice(0, 12)}, ${sources.changes.length} changed (files via ${sources.via.files}, contents via ${sources.via.base}).`);
  const report = reviewChange({
    baseFiles: sources.baseFiles,
    changes: sources.changes,
    defaultNamespace: inputs.defaultNamespace,
    mesh,
    maxFileBytes: DEFAULT_MAX_FILE_BYTES,
    fixes: { vipPool: inputs.vipPool, validate: validateServiceEntryManifest },
  });
  report.diagnostics.unshift(...sources.diagnostics);
  const render: RenderContext = { blobUrl: blobUrlFor(serverUrl, repository, context.headSha) };

  io.info(`${report.introduced.length} introduced, ${report.resolved.length} resolved, ${report.existing.length} existing.`);
  await writeReport(reportPath, { ...toJsonReviewReport(report), context: { pullRequest: context.number, baseSha: context.baseSha, headSha: context.headSha, complete: sources.complete } });
  setCounts(io, report.introduced.length, report.resolved.length, report.existing.length, reportPath);

  let published: PublishOutcome | undefined;
  if (inputs.mode !== 'check') {
    await io.writeJobSummary(renderReviewMarkdown(report, { ...render, maxLength: JOB_SUMMARY_LIMIT, fullReportHint: 'The full report is in the JSON file named by the report-json output.' }));
    annotate(io, report.introduced, report.diagnostics, new Set(report.changedPaths));
  }
  if (inputs.mode === 'review' || inputs.mode === 'comment') {
    published = await publish(client, repo, context, inputs.mode, inputs, report, sources, render, select, environment, io);
  }
  const fails = failsAt(report, inputs.failLevel);
  const n = report.introduced.length;
  return { ...conclude(io, fails, `this change introduces ${n} listener collision${n === 1 ? '' : 's'} at or above ${inputs.failLevel}`), ...(published ? { published } : {}) };
}

function publish(
  client: GitHubClient, repo: RepoRef, pr: PullRequestContext, mode: 'review' | 'comment', inputs: ActionInputs, report: ReviewReport,
  sources: Awaited<ReturnType<typeof gatherPullRequestSources>>, render: RenderContext, select: (p: string) => boolean, environment: RunEnvironment, io: ActionIo,
): Promise<PublishOutcome> {
  if (pr.isFork) io.info(`Pull request from a fork (${pr.headRepo ?? 'deleted repository'}): under pull_request its token is usually read-only; trying to post anyway.`);
  return publishToPullRequest({
    client,
    pull: { ...repo, pullNumber: pr.number },
    headSha: pr.headSha,
    mode,
    commentAuthor: inputs.commentAuthor,
    maxInlineComments: inputs.maxInlineComments,
    report,
    diffs: sources.diffs,
    render,
    complete: sources.complete,
    select,
    log: io,
    ...(environment.sleep ? { sleep: environment.sleep } : {}),
  });
}

function conclude(io: ActionIo, fails: boolean, why: string): RunResult {
  if (fails) {
    io.setFailed(`ServiceEntry Guard: ${why}.`);
    return { exitCode: 1 };
  }
  return { exitCode: 0 };
}

function setCounts(io: ActionIo, introduced: number, resolved: number, existing: number, reportPath: string): void {
  io.setOutput('introduced', String(introduced));
  io.setOutput('resolved', String(resolved));
  io.setOutput('existing', String(existing));
  io.setOutput('report-json', reportPath);
}

async function writeReport(path: string, report: unknown): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  // In chunks, written synchronously as they come, like the CLI: a large report can outgrow any single string.
  const fd = openSync(path, 'w');
  try {
    const write = (chunk: string) => {
      const bytes = Buffer.from(chunk, 'utf8');
      for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
    };
    writeJson(report, write);
    write('\n');
  } finally {
    closeSync(fd);
  }
}
