/**
 * One measurement in a fresh process, so peak memory is this mode's alone:
 *   bare: read every file and parse it with js-yaml (the yardstick);
 *   ours: read, load, analyse and render the JSON report, as the CLI does.
 * Prints one JSON line: { mode, ms, peakRssMb, findings }.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as jsYaml from 'js-yaml';
import { readManifestFiles } from '../src/adapters/fs/read-manifests.js';
import { analyze } from '../src/core/analysis/analyze.js';
import { loadSources } from '../src/core/load/load-sources.js';
import { DEFAULT_PATH_GLOBS, makePathFilter } from '../src/core/paths.js';
import { toJsonCheckReport } from '../src/core/render/json.js';

const [mode, dir] = process.argv.slice(2) as ['bare' | 'ours', string];
const started = performance.now();
let findings = 0;
if (mode === 'bare') {
  // The same walk and reads as ours, then a plain parse: nothing more.
  const isManifest = makePathFilter(DEFAULT_PATH_GLOBS);
  for (const path of await readdir(dir, { recursive: true })) {
    if (isManifest(path)) jsYaml.loadAll(await readFile(join(dir, path), 'utf8'));
  }
} else {
  const { files, diagnostics } = await readManifestFiles([dir], { filter: makePathFilter(DEFAULT_PATH_GLOBS), cwd: process.cwd() });
  const loaded = loadSources(files, { defaultNamespace: 'default' });
  loaded.diagnostics.unshift(...diagnostics);
  const result = analyze(loaded);
  JSON.stringify(toJsonCheckReport(result.findings, result.diagnostics, result.entryCount));
  findings = result.findings.length;
}
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ mode, ms, peakRssMb: process.resourceUsage().maxRSS / 1024, findings })}\n`);
