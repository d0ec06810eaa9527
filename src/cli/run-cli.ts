import { closeSync, openSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readManifestFiles } from '../adapters/fs/read-manifests.js';
import { analyze } from '../core/analysis/analyze.js';
import { loadSources } from '../core/load/load-sources.js';
import type { MeshOptions, Severity } from '../core/model.js';
import { validateServiceEntryManifest } from '../core/crd/validate-manifest.js';
import { DEFAULT_VIP_POOL, isUsableVipPool } from '../core/fixes/vip-pool.js';
import { failsAt } from '../core/review/review-change.js';
import { reviewLocalChange } from './diff-command.js';
import { DEFAULT_PATH_GLOBS, makePathFilter } from '../core/paths.js';
import { atOrAbove, toJsonCheckReport, toJsonReviewReport } from '../core/render/json.js';
import { writeJson, type ChunkSink } from '../core/render/json-stream.js';
import { renderFindingsMarkdown, renderReviewMarkdown } from '../core/render/markdown.js';
import { renderFindingsText, renderReviewText } from '../core/render/text.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

const FORMATS = ['text', 'markdown', 'json'] as const;
const LEVELS = ['error', 'warning', 'info', 'never'] as const;

export const USAGE = `Usage: serviceentry-guard check [paths...] [options]
       serviceentry-guard diff --base REF [--head REF] [options]

check: finds Istio ServiceEntry listener collisions in YAML manifests.
  Paths are files or directories (default: .); directories are searched for --include globs.
diff:  what a pull request from --head (default HEAD) into --base would be told, from the
  git objects of the repository in the current directory: collisions it introduces (with
  verified fixes), resolves, and leaves as they were. Exit 1 only for introduced ones.

Options:
  --format text|markdown|json   output format (default: text)
  --fail-level LEVEL            exit 1 when a finding is at or above LEVEL:
                                error, warning, info or never (default: error)
  --default-namespace NS        namespace of manifests that set none (default: default)
  --auto-allocate               consumers run DNS capture with IP auto-allocation
  --mesh-default-export-to NS   MeshConfig defaultServiceExportTo, repeatable (default: *)
  --root-namespace NS           Istio root namespace for mesh-wide Sidecars (default: istio-system)
  --include GLOB                manifest globs under directories, repeatable; !GLOB excludes
                                (default: ${DEFAULT_PATH_GLOBS.join(', ')})
  --output FILE                 write the report to FILE instead of standard output
  --base REF, --head REF        (diff) the branches to compare
  --vip-pool CIDR               (diff) where suggested VIPs come from (default: ${DEFAULT_VIP_POOL})
  -h, --help                    show this help

Exit codes: 0 no finding at or above --fail-level, 1 findings at or above it, 2 usage or I/O error.
`;

/** The CLI as a function of its arguments, so tests need no child process. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
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
        'root-namespace': { type: 'string', default: 'istio-system' },
        include: { type: 'string', multiple: true },
        output: { type: 'string' },
        base: { type: 'string' },
        head: { type: 'string', default: 'HEAD' },
        'vip-pool': { type: 'string', default: DEFAULT_VIP_POOL },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return EXIT_CLEAN;
  }
  const [command, ...paths] = positionals;
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
  const select = makePathFilter(values.include ?? DEFAULT_PATH_GLOBS);
  const mesh: Partial<MeshOptions> = {
    autoAllocate: values['auto-allocate'],
    rootNamespace: values['root-namespace'],
    ...(values['mesh-default-export-to'] ? { defaultExportTo: values['mesh-default-export-to'] } : {}),
  };

  // The report is written in chunks as it is produced: a JSON report can outgrow any single string.
  let output: (sink: ChunkSink) => void;
  let failing: boolean;
  if (command === 'diff') {
    if (!values.base || !isUsableVipPool(values['vip-pool'])) {
      io.stderr(`diff needs --base REF${values.base ? ' and --vip-pool must be an IPv4 CIDR of at least 4 addresses' : ''}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    let report;
    try {
      report = await reviewLocalChange({
        repoDir: io.cwd, base: values.base, head: values.head, select, defaultNamespace: values['default-namespace'], mesh,
        vipPool: values['vip-pool'], validate: validateServiceEntryManifest,
      });
    } catch (error) {
      io.stderr(`serviceentry-guard: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT_USAGE;
    }
    output = format === 'json'
      ? jsonLines(toJsonReviewReport(report))
      : text(format === 'markdown' ? renderReviewMarkdown(report) : renderReviewText(report));
    failing = failsAt(report, failLevel);
  } else {
    let read;
    try {
      read = await readManifestFiles(paths.length > 0 ? paths : ['.'], { filter: select, cwd: io.cwd });
    } catch (error) {
      io.stderr(`serviceentry-guard: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT_USAGE;
    }
    const loaded = loadSources(read.files, { defaultNamespace: values['default-namespace'] });
    loaded.diagnostics.unshift(...read.diagnostics);
    const result = analyze(loaded, { mesh });
    output = format === 'json'
      ? jsonLines(toJsonCheckReport(result.findings, result.diagnostics, result.entryCount))
      : text(format === 'markdown'
        ? renderFindingsMarkdown(result.findings, result.diagnostics, result.entryCount)
        : renderFindingsText(result.findings, result.diagnostics, result.entryCount));
    failing = atOrAbove(result.findings, failLevel).length > 0;
  }

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
  return failing ? EXIT_FINDINGS : EXIT_CLEAN;
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
