import { closeSync, openSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatLocation, type Diagnostic, type MeshOptions, type Severity } from '../core/model.js';
import { DEFAULT_ISTIO_VERSION, isValidIstioVersion } from '../core/analysis/istio-version.js';
import { DEFAULT_VIP_POOL, isUsableVipPool } from '../core/fixes/vip-pool.js';
import { failsAt } from '../core/review/review-change.js';
import { reviewLocalChange } from './diff-command.js';
import { DEFAULT_PATH_GLOBS, makePathFilter } from '../core/paths.js';
import { atOrAbove, toJsonCheckReport, toJsonReviewReport } from '../core/render/json.js';
import { writeJson, type ChunkSink } from '../core/render/json-stream.js';
import { renderFindingsMarkdown, renderReviewMarkdown } from '../core/render/markdown.js';
import { renderFindingsText, renderReviewText } from '../core/render/text.js';
import { checkRepository } from './repository-check.js';
import type { MeshSummary } from '../core/analysis/analyze-meshes.js';
import { settingLines } from '../core/analysis/resolve-mesh-settings.js';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseBaseline, serializeBaseline, toBaseline, type Baseline } from '../core/baseline/baseline.js';
import { settleFindings, type CheckOutcome } from '../core/outcome/check-outcome.js';
import { renderGithubCommands } from '../core/render/github.js';
import { toSarifLog } from '../core/render/sarif.js';
import { isSuppressionDiagnostic, renderSetAsideMarkdown, renderSetAsideText } from '../core/render/set-aside.js';
import type { Suppression } from '../core/suppressions/suppression.js';
import { COMMAND_HELP } from './help.js';
import type { PhaseTimings } from './phase-timings.js';
import { VERSION } from '../core/version.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** `YYYY-MM-DD` (UTC) for suppression expiry; today's date when absent. */
  today?: string;
  /** Suppressions from the repository config file, once something reads it. */
  configSuppressions?: readonly Suppression[];
  /** dist/load-worker.js, for load workers on large repositories (src/adapters/load/parallel-load.ts); absent in tests of the sources. */
  loadWorkerScript?: URL;
  /** Times each step and prints them on stderr at the end (SERVICEENTRY_GUARD_TIMINGS, see phase-timings.ts). */
  timings?: PhaseTimings;
}

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

const FORMATS = ['text', 'markdown', 'json', 'sarif', 'github'] as const;
const LEVELS = ['error', 'warning', 'info', 'never'] as const;

export const USAGE = `Usage: serviceentry-guard check [paths...] [options]
       serviceentry-guard diff --base REF [--head REF] [options]

check: finds Istio ServiceEntry listener collisions in YAML manifests.
  Paths are files or directories (default: .); directories are searched for --include globs.
diff:  what a pull request from --head (default HEAD) into --base would be told, from the
  git objects of the repository in the current directory: collisions it introduces (with
  verified fixes), resolves, and leaves as they were. Exit 1 only for introduced ones.

Options:
  --format text|markdown|json|sarif|github
                                output format (default: text); sarif: SARIF 2.1.0 for code
                                scanning; github: workflow commands (annotations) for CI logs
  --fail-level LEVEL            exit 1 when a finding is at or above LEVEL:
                                error, warning, info or never (default: error)
  --default-namespace NS        namespace of manifests that set none (default: default)
  --auto-allocate               consumers run DNS capture with IP auto-allocation
  --mesh-default-export-to NS   MeshConfig defaultServiceExportTo, repeatable (default: *)
  --root-namespace NS           Istio root namespace for mesh-wide Sidecars (default: istio-system)
  --istio-version V             Istio minor the mesh runs, e.g. 1.24 (default: ${DEFAULT_ISTIO_VERSION})
  --outbound-traffic-policy P   MeshConfig outboundTrafficPolicy: ALLOW_ANY or REGISTRY_ONLY (default: ALLOW_ANY)
  --dns-capture                 sidecars run Istio DNS capture (ISTIO_META_DNS_CAPTURE) mesh-wide
  --auto-allocate-prefix CIDR   istiod's PILOT_IP_AUTOALLOCATE_IPV4_PREFIX (default: 240.240.0.0/16)
                                Mesh settings a flag leaves unset are read from the mesh's own
                                IstioOperator / istio ConfigMap / Helm values / ProxyConfig /
                                proxy.istio.io/config first; the config file overrides both.
  --include GLOB                manifest globs under directories, repeatable; !GLOB excludes
                                (default: ${DEFAULT_PATH_GLOBS.join(', ')})
  --config FILE                 repository config declaring the meshes (default:
                                .serviceentry-guard.yaml in the working directory, if present)
  --output FILE                 write the report to FILE instead of standard output
  --baseline FILE               (check) findings in FILE are known: listed, not counted
  --write-baseline FILE         (check) write the current findings to FILE as the baseline
  --fail-on-unrendered          (check) exit 1 when a ServiceEntry is seen only as an unrendered
                                template (Helm {{ }}, ytt #@, or a chart helm could not render)
  --base REF, --head REF        (diff) the branches to compare
  --vip-pool CIDR               (diff) where suggested VIPs come from (default: ${DEFAULT_VIP_POOL})
  -h, --help                    show this help; help COMMAND shows one command's
  -V, --version                 print the version

Exit codes: 0 no finding at or above --fail-level, 1 findings at or above it, 2 usage, I/O or config error.
`;

/** The CLI as a function of its arguments, so tests need no child process. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  io.timings?.mark('startup');
  const code = await runCommand(argv, io);
  if (io.timings) io.stderr(io.timings.line());
  return code;
}

async function runCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const onPhase = io.timings?.mark;
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        'fail-level': { type: 'string', default: 'error' },
        'default-namespace': { type: 'string', default: 'default' },
        'auto-allocate': { type: 'boolean', default: false },
        'mesh-default-export-to': { type: 'string', multiple: true },
        'root-namespace': { type: 'string' },
        'istio-version': { type: 'string' },
        'outbound-traffic-policy': { type: 'string' },
        'dns-capture': { type: 'boolean' },
        'auto-allocate-prefix': { type: 'string' },
        include: { type: 'string', multiple: true },
        config: { type: 'string' },
        output: { type: 'string' },
        'fail-on-unrendered': { type: 'boolean', default: false },
        base: { type: 'string' },
        head: { type: 'string', default: 'HEAD' },
        'vip-pool': { type: 'string', default: DEFAULT_VIP_POOL },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'V', default: false },
        baseline: { type: 'string' },
        'write-baseline': { type: 'string' },
      },
    });
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return EXIT_CLEAN;
  }
  const [command, ...paths] = positionals;
  if (command === 'help' || values.help) {
    const topic = command === 'help' ? paths[0] : command;
    if (topic === undefined) {
      io.stdout(USAGE);
      return EXIT_CLEAN;
    }
    const text = COMMAND_HELP[topic];
    if (text === undefined) {
      io.stderr(`no help for ${JSON.stringify(topic)}: commands are ${Object.keys(COMMAND_HELP).join(', ')}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    io.stdout(text);
    return EXIT_CLEAN;
  }
  if (command !== 'check' && command !== 'diff') {
    io.stderr(`${command === undefined ? 'missing command' : `unknown command ${JSON.stringify(command)}`}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const format = values.format as (typeof FORMATS)[number];
  const failLevel = values['fail-level'] as Severity | 'never';
  if (!FORMATS.includes(format) || !LEVELS.includes(failLevel)) {
    io.stderr(`--format must be one of ${FORMATS.join(', ')} and --fail-level one of ${LEVELS.join(', ')}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (command === 'diff' && (values.baseline || values['write-baseline'])) {
    io.stderr(`--baseline and --write-baseline apply to check; diff already compares with --base\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const select = makePathFilter(values.include ?? DEFAULT_PATH_GLOBS);
  const policy = values['outbound-traffic-policy']?.toUpperCase();
  const version = values['istio-version'];
  if ((policy !== undefined && policy !== 'ALLOW_ANY' && policy !== 'REGISTRY_ONLY') || (version !== undefined && !isValidIstioVersion(version))) {
    io.stderr(`--outbound-traffic-policy must be ALLOW_ANY or REGISTRY_ONLY and --istio-version a release like 1.24\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  // Only what the flags state: settings a flag leaves out come from the repository's own manifests, then Istio's defaults.
  const mesh: Partial<MeshOptions> = {
    ...(values['auto-allocate'] ? { autoAllocate: true } : {}),
    ...(values['root-namespace'] ? { rootNamespace: values['root-namespace'] } : {}),
    ...(values['mesh-default-export-to'] ? { defaultExportTo: values['mesh-default-export-to'] } : {}),
    ...(version ? { istioVersion: version } : {}),
    ...(policy ? { outboundTrafficPolicy: policy as 'ALLOW_ANY' | 'REGISTRY_ONLY' } : {}),
    ...(values['dns-capture'] !== undefined ? { dnsCapture: values['dns-capture'] } : {}),
    ...(values['auto-allocate-prefix'] ? { autoAllocatePrefix: values['auto-allocate-prefix'] } : {}),
  };

  // The report is written in chunks as it is produced: a JSON report can outgrow any single string.
  let output: (sink: ChunkSink) => void;
  let failing: boolean;
  if (command === 'diff') {
    if (!values.base || !isUsableVipPool(values['vip-pool'])) {
      io.stderr(`diff needs --base REF${values.base ? ' and --vip-pool must be an IPv4 CIDR of at least 4 addresses' : ''}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    let reviewed;
    try {
      // Only a review checks manifests against the CRD's CEL rules (its fix suggestions): the CEL runtime is a chunk of
      // its own, so every other command starts without building it (the bundled example's `check`: 0.245 -> 0.19 s).
      const { validateServiceEntryManifest } = await import('../core/crd/validate-manifest.js');
      reviewed = await reviewLocalChange({
        repoDir: io.cwd, base: values.base, head: values.head, select, defaultNamespace: values['default-namespace'], mesh,
        vipPool: values['vip-pool'], validate: validateServiceEntryManifest, configPath: values.config, loadWorkerScript: io.loadWorkerScript, onPhase,
      });
    } catch (error) {
      io.stderr(`serviceentry-guard: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT_USAGE;
    }
    if (!reviewed.ok) return configErrors(io, reviewed.diagnostics);
    io.stderr([reviewed.compared, reviewed.plan.summary, ...settingLines(reviewed.report.meshes), ...reviewed.notes].map((line) => `${line}\n`).join(''));
    const report = reviewed.report;
    // In SARIF and workflow commands a review is the head's findings, those on the base already marked as known.
    const asOutcome = (): CheckOutcome => ({
      findings: report.introduced.map((c) => c.finding), suppressed: [], diagnostics: report.diagnostics, entryCount: report.headEntryCount,
      baseline: { baselined: report.existing.map((c) => c.finding), grown: {} },
    });
    output = format === 'json'
      ? jsonLines(toJsonReviewReport(report))
      : format === 'sarif' ? jsonLines(toSarifLog({ ...asOutcome(), toolVersion: VERSION }))
      : format === 'github' ? text(renderGithubCommands(asOutcome()))
      : text(format === 'markdown' ? renderReviewMarkdown(report) : renderReviewText(report));
    failing = failsAt(report, failLevel);
  } else {
    let checked;
    try {
      checked = await checkRepository({ paths, select, cwd: io.cwd, configPath: values.config, fallback: { defaultNamespace: values['default-namespace'], mesh }, loadWorkerScript: io.loadWorkerScript, onPhase });
    } catch (error) {
      io.stderr(`serviceentry-guard: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT_USAGE;
    }
    if (!checked.ok) return configErrors(io, checked.diagnostics);
    io.stderr([checked.plan.summary, ...settingLines(checked.analysis.meshes)].map((line) => `${line}\n`).join(''));
    const result = checked.analysis;
    let baseline: Baseline | undefined;
    if (values.baseline) {
      const read = await readBaseline(values.baseline, io);
      if (!read) return EXIT_USAGE;
      baseline = read;
    }
    const configSuppressions: Suppression[] = (checked.config?.suppressions ?? []).map((s) => ({ ...s, source: 'config' }));
    const settle = {
      suppressions: [...result.annotationSuppressions, ...configSuppressions, ...(io.configSuppressions ?? [])],
      today: io.today ?? new Date().toISOString().slice(0, 10),
    };
    let outcome = settleFindings(result, { ...settle, ...(baseline ? { baseline } : {}) });
    if (values['write-baseline']) {
      // Everything counted now becomes known; suppressed findings need no baseline.
      const written = toBaseline([...outcome.findings, ...(outcome.baseline?.baselined ?? [])]);
      try {
        await writeFile(resolve(io.cwd, values['write-baseline']), serializeBaseline(written));
      } catch (error) {
        io.stderr(`serviceentry-guard: cannot write ${values['write-baseline']}: ${error instanceof Error ? error.message : String(error)}\n`);
        return EXIT_USAGE;
      }
      io.stderr(`serviceentry-guard: wrote ${written.findings.length} finding${written.findings.length === 1 ? '' : 's'} to the baseline ${values['write-baseline']}\n`);
      outcome = settleFindings(result, { ...settle, baseline: written });
    }
    const unrendered = checked.unrenderedServiceEntries;
    if (unrendered > 0) io.stderr(`serviceentry-guard: ${unrendered} ServiceEntr${unrendered === 1 ? 'y' : 'ies'} not analysed (unrendered template${unrendered === 1 ? '' : 's'})\n`);
    output = renderCheck(format, outcome, result.meshes);
    failing = atOrAbove(outcome.findings, failLevel).length > 0 || (values['fail-on-unrendered'] && unrendered > 0);
  }
  onPhase?.('settle');

  if (values.output) {
    try {
      writeToFile(values.output, output);
    } catch (error) {
      io.stderr(`serviceentry-guard: cannot write ${values.output}: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT_USAGE;
    }
  } else {
    output(io.stdout);
  }
  onPhase?.('report');
  return failing ? EXIT_FINDINGS : EXIT_CLEAN;
}

/** A config with errors stops the run: which meshes to analyse is unknown, and guessing could hide a collision. */
function configErrors(io: CliIo, diagnostics: readonly Diagnostic[]): number {
  for (const d of diagnostics) io.stderr(`${formatLocation(d.location)}:${d.location.column}: ${d.severity}: ${d.message} [${d.code}]\n`);
  io.stderr('serviceentry-guard: the repository config has errors; nothing was analysed.\n');
  return EXIT_USAGE;
}

/** The check's report in each format; suppressed and baselined findings are listed in all of them. */
function renderCheck(format: (typeof FORMATS)[number], outcome: CheckOutcome, meshes: readonly MeshSummary[]): (sink: ChunkSink) => void {
  const findings = [...outcome.findings];
  const diagnostics = [...outcome.diagnostics];
  switch (format) {
    case 'json':
      return jsonLines({
        ...toJsonCheckReport(findings, diagnostics, outcome.entryCount, meshes),
        suppressed: outcome.suppressed,
        ...(outcome.baseline ? { baselined: outcome.baseline.baselined, grownSinceBaseline: outcome.baseline.grown } : {}),
      });
    case 'sarif':
      return jsonLines(toSarifLog({ ...outcome, toolVersion: VERSION }));
    case 'github':
      return text(renderGithubCommands(outcome));
    case 'markdown':
      return text([renderFindingsMarkdown(findings, diagnostics.filter((d) => !isSuppressionDiagnostic(d)), outcome.entryCount, { meshes: meshes.map((m) => m.name) }), renderSetAsideMarkdown(outcome)].filter(Boolean).join('\n\n'));
    case 'text':
      return text([renderFindingsText(findings, diagnostics, outcome.entryCount, meshes), renderSetAsideText(outcome)].filter(Boolean).join('\n\n'));
  }
}

async function readBaseline(path: string, io: CliIo): Promise<Baseline | undefined> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, path), 'utf8');
  } catch (error) {
    io.stderr(`serviceentry-guard: cannot read the baseline ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
  const parsed = parseBaseline(text);
  if ('error' in parsed) {
    io.stderr(`serviceentry-guard: the baseline ${path} ${parsed.error}\n`);
    return undefined;
  }
  return parsed.baseline;
}

function jsonLines(report: unknown): (sink: ChunkSink) => void {
  return (sink) => {
    writeJson(report, sink);
    sink('\n');
  };
}

function text(report: string): (sink: ChunkSink) => void {
  return (sink) => sink(`${report}\n`);
}

/** Synchronous writes: nothing else runs meanwhile, and no chunk waits in memory for a drain. */
function writeToFile(path: string, output: (sink: ChunkSink) => void): void {
  const fd = openSync(path, 'w');
  try {
    output((chunk) => {
      const bytes = Buffer.from(chunk, 'utf8');
      for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
    });
  } finally {
    closeSync(fd);
  }
}
