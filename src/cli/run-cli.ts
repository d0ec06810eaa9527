import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { readManifestFiles } from '../adapters/fs/read-manifests.js';
import { analyze } from '../core/analysis/analyze.js';
import { loadSources } from '../core/load/load-sources.js';
import type { Severity } from '../core/model.js';
import { DEFAULT_PATH_GLOBS, makePathFilter } from '../core/paths.js';
import { atOrAbove, toJsonCheckReport } from '../core/render/json.js';
import { renderFindingsMarkdown } from '../core/render/markdown.js';
import { renderFindingsText } from '../core/render/text.js';

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

Finds Istio ServiceEntry listener collisions in YAML manifests.
Paths are files or directories (default: .); directories are searched for --include globs.

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
  if (command !== 'check') {
    io.stderr(`${command === undefined ? 'missing command' : `unknown command ${JSON.stringify(command)}`}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const format = values.format as (typeof FORMATS)[number];
  const failLevel = values['fail-level'] as Severity | 'never';
  if (!FORMATS.includes(format) || !LEVELS.includes(failLevel)) {
    io.stderr(`--format must be one of ${FORMATS.join(', ')} and --fail-level one of ${LEVELS.join(', ')}\n\n${USAGE}`);
    return EXIT_USAGE;
  }

  let read;
  try {
    read = await readManifestFiles(paths.length > 0 ? paths : ['.'], { filter: makePathFilter(values.include ?? DEFAULT_PATH_GLOBS), cwd: io.cwd });
  } catch (error) {
    io.stderr(`serviceentry-guard: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE;
  }
  const loaded = loadSources(read.files, { defaultNamespace: values['default-namespace'] });
  loaded.diagnostics.unshift(...read.diagnostics);
  const result = analyze(loaded, {
    mesh: {
      autoAllocate: values['auto-allocate'],
      rootNamespace: values['root-namespace'],
      ...(values['mesh-default-export-to'] ? { defaultExportTo: values['mesh-default-export-to'] } : {}),
    },
  });

  const output = format === 'json'
    ? `${JSON.stringify(toJsonCheckReport(result.findings, result.diagnostics, result.entryCount), null, 2)}\n`
    : format === 'markdown'
      ? `${renderFindingsMarkdown(result.findings, result.diagnostics, result.entryCount)}\n`
      : `${renderFindingsText(result.findings, result.diagnostics, result.entryCount)}\n`;
  if (values.output) {
    try {
      await writeFile(values.output, output);
    } catch (error) {
      io.stderr(`serviceentry-guard: cannot write ${values.output}: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT_USAGE;
    }
  } else {
    io.stdout(output);
  }
  return atOrAbove(result.findings, failLevel).length > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
}
