import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGitHubClient, type ClientOptions, type GitHubClient } from '../adapters/github/client.js';
import type { RepoRef } from '../adapters/github/pull-request.js';
import { DEFAULT_MAX_FILE_BYTES } from '../core/load/load-sources.js';
import { countServiceEntryTemplates } from '../core/load/templates.js';
import type { MeshOptions, SourceFile } from '../core/model.js';
import { makePathFilter } from '../core/paths.js';
import { atOrAbove, toJsonCheckReport, toJsonReviewReport } from '../core/render/json.js';
import { writeJson } from '../core/render/json-stream.js';
import { renderFindingsMarkdown, renderReviewMarkdown, type RenderContext } from '../core/render/markdown.js';
import { failsAt, type ReviewReport } from '../core/review/review-change.js';
import { applyChanges, type ChangedFile } from '../core/review/apply-changes.js';
import { analyzeLoadedMeshes, loadMeshes, sharedLoader } from '../core/analysis/analyze-meshes.js';
import { collectLoadingGarbage } from '../adapters/collect-loading-garbage.js';
import { preloadFiles } from '../adapters/load/parallel-load.js';
import { settingLines } from '../core/analysis/resolve-mesh-settings.js';
import { planRepository } from '../core/repository/config-plan.js';
import { DEFAULT_CONFIG_PATH } from '../core/repository/repository-config.js';
import { defaultRenderers, materializeSide } from '../adapters/materialize-mesh.js';
import { reviewByMesh } from '../adapters/review-by-mesh.js';
import { gitReads } from '../adapters/git/snapshot.js';
import { settleInOrder } from '../adapters/git/settle-in-order.js';
import { configAt, failOnConfigErrors, type ConfigSource } from './repository-config-source.js';
import { validateServiceEntryManifest } from '../core/crd/validate-manifest.js';
import { annotate } from './annotations.js';
import { readRunContext, type PullRequestContext } from './event.js';
import { InputError, readInputs, type ActionInputs } from './inputs.js';
import type { ActionIo } from './io.js';
import { blobUrlFor } from './links.js';
import { gatherMergeGroupSources } from './merge-group-sources.js';
import { gatherPullRequestSources } from './pull-request-sources.js';
import { publishToPullRequest, type PublishOutcome } from './publish.js';
import { gatherTree } from './tree-sources.js';
import { toSarifLog } from '../core/render/sarif.js';
import { VERSION } from '../core/version.js';
import { unmatchedGlobs } from './unmatched-globs.js';
import { artifactUploader, reportArtifactName, type UploadArtifact } from '../adapters/github/report-artifact.js';
import { keepFullReport } from './full-report.js';
import { GITHUB_COMMENT_LIMIT } from '../core/render/markdown.js';

export interface RunEnvironment {
  env: Readonly<Record<string, string | undefined>>;
  io: ActionIo;
  /** Client settings tests change (global fetch for nock, short back-off). */
  client?: Partial<Pick<ClientOptions, 'fetch' | 'retryAfterBaseMs' | 'throttle'>>;
  sleep?: (ms: number) => Promise<void>;
  /** Artifact uploads; the runner's artifact service by default. */
  uploadArtifact?: UploadArtifact;
  /** dist/load-worker.js, for load workers on large repositories (src/adapters/load/parallel-load.ts); absent in tests of the sources. */
  loadWorkerScript?: URL;
}

export interface RunResult {
  exitCode: 0 | 1;
  published?: PublishOutcome;
}

/** GitHub caps a step's job summary at 1 MiB. */
const JOB_SUMMARY_LIMIT = 1_000_000;
const JOB_SUMMARY_LIMIT_NAME = 'GitHub\'s 1 MiB job summary limit';
/** Room the summary comment keeps for its marker and footer (compared commits, inline outcome). */
const COMMENT_FOOTER_ROOM = 4_000;

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
    // Only what the inputs state: the rest comes from the repository's manifests, then Istio's defaults.
    ...(inputs.autoAllocate ? { autoAllocate: true } : {}),
    ...(inputs.rootNamespace ? { rootNamespace: inputs.rootNamespace } : {}),
    ...(inputs.meshDefaultExportTo ? { defaultExportTo: inputs.meshDefaultExportTo } : {}),
    ...(inputs.istioVersion ? { istioVersion: inputs.istioVersion } : {}),
    ...(inputs.outboundTrafficPolicy ? { outboundTrafficPolicy: inputs.outboundTrafficPolicy } : {}),
    ...(inputs.dnsCapture !== undefined ? { dnsCapture: inputs.dnsCapture } : {}),
    ...(inputs.autoAllocatePrefix ? { autoAllocatePrefix: inputs.autoAllocatePrefix } : {}),
  };
  const serverUrl = env['GITHUB_SERVER_URL'] ?? 'https://github.com';
  const workspace = env['GITHUB_WORKSPACE'] || undefined;
  // One reader of the checkout's git objects for the whole run: a commit read for manifests is not listed again for the config.
  const reads = workspace ? gitReads(workspace) : undefined;
  const reportPath = join(env['RUNNER_TEMP'] || tmpdir(), 'serviceentry-guard', 'report.json');

  const configPath = inputs.config ?? DEFAULT_CONFIG_PATH;
  const fallback = { defaultNamespace: inputs.defaultNamespace, mesh };
  const configSource = (via: 'git' | 'api'): ConfigSource => ({ client, repo, reads, via, select, maxBytes: DEFAULT_MAX_FILE_BYTES });
  const missingConfig = (sha: string) => io.setFailed(`input config names ${configPath}, which is not in the repository at ${sha.slice(0, 12)}`);
  /**
   * A change reviewed mesh by mesh: each side split by its own config file, read at the commits
   * compared (the merge commit when there is one), each side's Kustomize roots and charts rendered.
   */
  const reviewSides = async (sides: { baseFiles: SourceFile[]; changes: ChangedFile[]; via: { base: 'git' | 'api'; head: 'git' | 'api' }; before: string; after: string }) => {
    const headFiles = applyChanges(sides.baseFiles, sides.changes);
    const baseAt = () => configAt(configSource(sides.via.base), sides.before, configPath, sides.baseFiles);
    const headAt = () => configAt(configSource(sides.via.head), sides.after, configPath, headFiles);
    // From git both at once; through the API one after the other, in the order the calls were always made.
    const [baseConfig, headConfig] = sides.via.base === 'git' && sides.via.head === 'git'
      ? await settleInOrder([baseAt(), headAt()])
      : [await baseAt(), await headAt()] as const;
    reads?.forget();
    if (inputs.config && !headConfig) {
      missingConfig(sides.after);
      return { exitCode: 1 as const };
    }
    const reviewed = await reviewByMesh({
      baseFiles: sides.baseFiles, changes: sides.changes, baseConfig, headConfig, fallback, maxFileBytes: DEFAULT_MAX_FILE_BYTES,
      fixes: { vipPool: inputs.vipPool, validate: validateServiceEntryManifest },
      renderers: defaultRenderers([...sides.baseFiles, ...headFiles]),
      // The base's files are most of what both sides parse (the head shares every file the change leaves alone).
      preloaded: await preloadFiles(sides.baseFiles, { defaultNamespace: fallback.defaultNamespace, maxFileBytes: DEFAULT_MAX_FILE_BYTES, workerScript: environment.loadWorkerScript }),
    });
    if (!reviewed.ok) return failOnConfigErrors(io, reviewed.diagnostics);
    for (const line of [reviewed.headPlan.summary, ...settingLines(reviewed.report.meshes), ...reviewed.notes]) io.info(line);
    return reviewed;
  };

  if (context.kind === 'tree') {
    // Everything that holds the files' texts (the tree, the loader's cache) lives in this function and is gone once it
    // returns, so the analysis of a large tree runs without them (as in the CLI's check).
    const loadTree = async () => {
      const tree = await gatherTree({ client, repo, sha: context.sha, reads, select, maxBytes: DEFAULT_MAX_FILE_BYTES, log: (m) => io.info(m) });
      const config = await configAt(configSource(tree.via), context.sha, configPath, tree.files);
      reads?.forget();
      if (inputs.config && !config) return { kind: 'missing-config' } as const;
      warnUnmatchedGlobs(io, inputs.paths, [...tree.files.map((f) => f.path), ...tree.diagnostics.map((d) => d.location.path)]);
      const files = tree.files.filter((f) => f.path !== config?.path);
      // One loader for planning and analysis, so no file is parsed twice; a large tree's in several threads first.
      const load = sharedLoader(DEFAULT_MAX_FILE_BYTES, await preloadFiles(files, { defaultNamespace: fallback.defaultNamespace, maxFileBytes: DEFAULT_MAX_FILE_BYTES, workerScript: environment.loadWorkerScript }));
      const planned = planRepository(config, files, fallback, load.one);
      if (!planned.plan) return { kind: 'config-errors', diagnostics: planned.diagnostics } as const;
      io.info(planned.plan.summary);
      const meshes = loadMeshes(await materializeSide(planned.plan, files, defaultRenderers(files)), { loader: load });
      return { kind: 'loaded', meshes, diagnostics: [...tree.diagnostics, ...planned.plan.diagnostics] } as const;
    };
    const loaded = await loadTree();
    if (loaded.kind === 'missing-config') {
      missingConfig(context.sha);
      return { exitCode: 1 };
    }
    if (loaded.kind === 'config-errors') return failOnConfigErrors(io, loaded.diagnostics);
    await collectLoadingGarbage(loaded.meshes);
    const result = analyzeLoadedMeshes(loaded.meshes);
    for (const line of settingLines(result.meshes)) io.info(line);
    result.diagnostics.unshift(...loaded.diagnostics);
    const render: RenderContext = { blobUrl: blobUrlFor(serverUrl, repository, context.sha) };
    io.info(`Not a pull request: analysed the whole tree at ${context.sha.slice(0, 12)} (${result.entryCount} ServiceEntries, ${result.findings.length} findings).`);
    await writeReport(reportPath, { ...toJsonCheckReport(result.findings, result.diagnostics, result.entryCount, result.meshes), context: { sha: context.sha } });
    setCounts(io, 0, 0, result.findings.length, reportPath);
    io.setOutput('sarif', await writeSarif(reportPath, { findings: result.findings, suppressed: [], diagnostics: result.diagnostics }));
    if (inputs.mode !== 'check') {
      await io.writeJobSummary(renderFindingsMarkdown(result.findings, result.diagnostics, result.entryCount, { ...render, maxLength: JOB_SUMMARY_LIMIT, limitName: JOB_SUMMARY_LIMIT_NAME, fullReportHint: 'The full report is in the JSON file named by the report-json output.' }));
      annotate(io, result.findings.map((finding) => ({ status: 'existing', finding, newEntryRefs: [] })), [], new Set());
    }
    const failing = atOrAbove(result.findings, inputs.failLevel);
    const unrendered = inputs.failOnUnrendered ? countServiceEntryTemplates(result.diagnostics) : 0;
    if (unrendered > 0) return conclude(io, true, `${unrendered} ServiceEntry template${unrendered === 1 ? '' : 's'} not analysed (fail-on-unrendered)`);
    return conclude(io, failing.length > 0, `${failing.length} listener collision${failing.length === 1 ? '' : 's'} at or above ${inputs.failLevel}`);
  }

  if (context.kind === 'merge-group') {
    const sources = await gatherMergeGroupSources({ client, repo, group: context, reads, select, maxBytes: DEFAULT_MAX_FILE_BYTES, log: io });
    const reviewed = await reviewSides({ ...sources, via: { base: sources.via, head: sources.via }, before: context.baseSha, after: context.headSha });
    if ('exitCode' in reviewed) return reviewed;
    const report = reviewed.report;
    report.diagnostics.unshift(...sources.diagnostics);
    const compared = `Merge queue ${context.headRef || context.headSha.slice(0, 12)}: compared base ${context.baseSha.slice(0, 12)} with the queued merge ${context.headSha.slice(0, 12)} (files via ${sources.via}); only what the queued change introduces can block it.`;
    io.info(compared);
    io.info(`${report.introduced.length} introduced, ${report.resolved.length} resolved, ${report.existing.length} existing.`);
    await writeReport(reportPath, { ...toJsonReviewReport(report), context: { mergeGroup: context.headRef, baseSha: context.baseSha, headSha: context.headSha, compared } });
    setCounts(io, report.introduced.length, report.resolved.length, report.existing.length, reportPath);
    if (inputs.mode !== 'check') {
      const render: RenderContext = { blobUrl: blobUrlFor(serverUrl, repository, context.headSha), baseBlobUrl: blobUrlFor(serverUrl, repository, context.baseSha) };
      await io.writeJobSummary(`${renderReviewMarkdown(report, { ...render, maxLength: JOB_SUMMARY_LIMIT - compared.length - 20, limitName: JOB_SUMMARY_LIMIT_NAME, fullReportHint: 'The full report is in the JSON file named by the report-json output.' })}\n\n<sub>${compared}</sub>\n`);
      annotate(io, report.introduced, report.diagnostics, new Set(report.changedPaths));
    }
    const n = report.introduced.length;
    return conclude(io, failsAt(report, inputs.failLevel), `the queued change introduces ${n} listener collision${n === 1 ? '' : 's'} at or above ${inputs.failLevel}`);
  }

  const sources = await gatherPullRequestSources({ client, repo, pr: context, reads, select, maxBytes: DEFAULT_MAX_FILE_BYTES, log: io });
  const { comparison } = sources;
  warnUnmatchedGlobs(io, inputs.paths, [...sources.baseFiles.map((f) => f.path), ...sources.changes.map((c) => c.path), ...sources.diagnostics.map((d) => d.location.path)]);
  io.info(`Pull request #${context.number}: ${sources.baseFiles.length} manifest files at ${comparison.before.slice(0, 12)}, ${sources.changes.length} changed (files via ${sources.via.files}, contents via ${sources.via.base}).`);
  const reviewed = await reviewSides({ ...sources, before: comparison.before, after: comparison.after });
  if ('exitCode' in reviewed) return reviewed;
  const report = reviewed.report;
  report.diagnostics.unshift(...sources.diagnostics);
  // Locations are numbered as in the compared commit (the merge commit, when there is one): link there.
  const render: RenderContext = { blobUrl: blobUrlFor(serverUrl, repository, comparison.after), baseBlobUrl: blobUrlFor(serverUrl, repository, comparison.before) };

  io.info(`${report.introduced.length} introduced, ${report.resolved.length} resolved, ${report.existing.length} existing.`);
  await writeReport(reportPath, { ...toJsonReviewReport(report), context: { pullRequest: context.number, baseSha: context.baseSha, headSha: context.headSha, compared: { kind: comparison.kind, before: comparison.before, after: comparison.after, description: comparison.description }, complete: sources.complete } });
  setCounts(io, report.introduced.length, report.resolved.length, report.existing.length, reportPath);
  // Code scanning compares runs itself; the head's findings go in, those already on the base marked as known.
  const sarifPath = await writeSarif(reportPath, {
    findings: report.introduced.map((c) => c.finding), suppressed: [], diagnostics: report.diagnostics,
    baseline: { baselined: report.existing.map((c) => c.finding), grown: {} },
  });
  io.setOutput('sarif', sarifPath);

  // The uncut report, kept as an artifact when any output below has to be cut; the cut notes link to it.
  const fullMarkdown = inputs.mode === 'check' ? '' : renderReviewMarkdown(report, render);
  const posts = inputs.mode === 'review' || inputs.mode === 'comment';
  const pointer = await keepFullReport({
    enabled: inputs.uploadReport,
    limitsHit: [
      ...(posts && fullMarkdown.length > GITHUB_COMMENT_LIMIT - COMMENT_FOOTER_ROOM ? [`GitHub's ${GITHUB_COMMENT_LIMIT.toLocaleString('en-US')}-character comment limit`] : []),
      ...(inputs.mode === 'review' && report.introduced.length > inputs.maxInlineComments ? [`max-inline-comments (${inputs.maxInlineComments})`] : []),
      ...(inputs.mode !== 'check' && fullMarkdown.length > JOB_SUMMARY_LIMIT - comparison.description.length - 20 ? [JOB_SUMMARY_LIMIT_NAME] : []),
    ],
    reportPath, sarifPath, markdown: fullMarkdown,
    upload: environment.uploadArtifact ?? artifactUploader(env),
    artifactName: reportArtifactName(env),
    log: (m) => io.info(m),
  });
  const artifact = pointer.url ? { fullReportHint: pointer.hint, fullReportUrl: pointer.url } : {};

  let published: PublishOutcome | undefined;
  if (inputs.mode !== 'check') {
    await io.writeJobSummary(`${renderReviewMarkdown(report, { ...render, maxLength: JOB_SUMMARY_LIMIT - comparison.description.length - 20, limitName: JOB_SUMMARY_LIMIT_NAME, fullReportHint: 'The full report is in the JSON file named by the report-json output.', ...artifact })}\n\n<sub>${comparison.description}</sub>\n`);
    annotate(io, report.introduced, report.diagnostics, new Set(report.changedPaths));
  }
  if (posts) {
    published = await publish(client, repo, context, inputs.mode as 'review' | 'comment', inputs, report, sources, { ...render, ...artifact }, select, environment, io);
  }
  const fails = failsAt(report, inputs.failLevel);
  const n = report.introduced.length;
  // Like findings, only what the change brings fails it: templates in the files it touches.
  const changed = new Set(report.changedPaths);
  const unrendered = inputs.failOnUnrendered ? countServiceEntryTemplates(report.diagnostics.filter((d) => changed.has(d.location.path))) : 0;
  if (unrendered > 0) return { ...conclude(io, true, `${unrendered} ServiceEntry template${unrendered === 1 ? '' : 's'} not analysed (fail-on-unrendered)`), ...(published ? { published } : {}) };
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
    toHead: sources.toHead,
    compared: sources.comparison.description,
    render,
    complete: sources.complete,
    select,
    log: io,
    ...(environment.sleep ? { sleep: environment.sleep } : {}),
  });
}

function warnUnmatchedGlobs(io: ActionIo, globs: readonly string[], seen: readonly string[]): void {
  for (const glob of unmatchedGlobs(globs, seen)) {
    io.warning(`paths: the glob "${glob}" matches no file, so nothing under it is reviewed. Globs are matched against paths from the repository root, such as clusters/**/*.yaml.`);
  }
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

/** SARIF 2.1.0 beside the JSON report, for github/codeql-action/upload-sarif; returns its path. */
async function writeSarif(reportPath: string, outcome: Omit<Parameters<typeof toSarifLog>[0], 'toolVersion'>): Promise<string> {
  const path = join(reportPath, '..', 'results.sarif');
  await writeReport(path, toSarifLog({ ...outcome, toolVersion: VERSION }));
  return path;
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
