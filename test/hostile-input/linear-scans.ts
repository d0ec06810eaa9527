/**
 * Run by linear-scans.test.ts in child processes (a quadratic regular
 * expression cannot be interrupted inside the test runner): feeds every
 * regular expression and text scan the tool applies to input it does not
 * control a 16 MB adversarial text, and prints one JSON line per scan
 * { name, ms }, after { name: 'floor', ms, scans }: js-yaml loadAll of a
 * valid 16 MB manifest stream, the yardstick the bounds derive from, and
 * how many scans there are.
 *
 * `--queue` runs the scans whose indexes arrive on stdin, one a line, so
 * the test can share them among several children; without it every scan
 * runs in turn (or those whose names start with the first argument).
 */
import { createInterface } from 'node:readline';
import * as jsYaml from 'js-yaml';
import { parseAddress } from '../../src/core/analysis/addresses.js';
import { filePieces } from '../../src/core/load/file-pieces.js';
import { loadSourceFile, PIECE_LIMITS } from '../../src/core/load/load-sources.js';
import { parseYamlDocuments } from '../../src/core/load/yaml-documents.js';
import { codeFence, escapeHtml, escapeMarkdown, inlineCode } from '../../src/core/render/escape.js';
import { renderFindingsMarkdown } from '../../src/core/render/markdown.js';
import { renderFindingsText } from '../../src/core/render/text.js';
import { readInlineKeys } from '../../src/core/review-comments/markers.js';
import { parseRightSideHunks } from '../../src/core/review-comments/diff-hunks.js';
import { parseGlobList } from '../../src/core/paths.js';
import { oneLine } from '../../src/action/io.js';
import { parseLsTree } from '../../src/adapters/git/tree.js';
import { firstErrorLine } from '../../src/adapters/render/run-tool.js';

const SIZE = 16 * 1024 * 1024;
const fill = (unit: string, head = '') => head + unit.repeat(Math.ceil((SIZE - head.length) / unit.length)).slice(0, SIZE - head.length);
const ours = 'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: x\nspec:\n  hosts: [\n';
const at = { path: 'hostile.yaml', line: 1, column: 1 };
/**
 * A scan is named, then prepared: its 16 MB input is built just before it
 * runs, outside the timer, and dropped after it, so a child builds only the
 * inputs of the scans it is handed.
 */
type Scan = [name: string, prepare: () => () => unknown];
const on = <T>(input: () => T, run: (input: T) => unknown) => () => {
  const built = input();
  return () => run(built);
};
const load = (text: () => string) => on(text, (t) => loadSourceFile({ path: 'hostile.yaml', text: t }, { defaultNamespace: 'default', maxFileBytes: SIZE * 2 }));

const valid = () => fill(`---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: svc
  namespace: ns
spec:
  hosts: [a.example.com]
  ports: [{ number: 443, name: tcp, protocol: TCP }]
  resolution: DNS
`).replace(/[^\n]*$/, '');

const scans: Scan[] = [
  // Loading: template detection, document splitting after an error, positions, the parse itself.
  ['loadSourceFile: a line of {{ in a broken ServiceEntry (template detection)', load(() => fill('{{', ours))],
  ['loadSourceFile: {{ and }} on separate lines in a broken ServiceEntry', load(() => fill('{{ x\n}} y\n', ours))],
  // Every document broken: each costs a js-yaml exception, so ~600-byte documents keep it to ~28,000 of them
  // (the marker scan itself gets dense markers below, in parseYamlDocuments).
  ['loadSourceFile: a broken document after every --- marker', load(() => fill(`---\nkind: ServiceEntry\n${'  - host: a.example.com\n'.repeat(24)}: : [\n`, ours))],
  ['loadSourceFile: one unterminated quoted scalar', load(() => fill('a', `${ours}'`))],
  ['loadSourceFile: nesting far past the depth limit', load(() => fill('[', ours))],
  // Large files are read in pieces: the cuts are found by scanning lines (file-pieces.ts).
  ['loadSourceFile: a List of 16 MB of one-line items, read in runs', load(() => fill('- a\n', '# ServiceEntry\nkind: List\nitems:\n'))],
  ['loadSourceFile: 16 MB of --- markers, read in groups', load(() => fill('---\n', '# ServiceEntry\n'))],
  ['filePieces: lines that almost open a List\'s items', on(() => fill('items:\n -\n\t-\n-x\n...\n', 'kind: List\n'), (text) => filePieces(text, PIECE_LIMITS))],
  ['filePieces: a JSON List of 16 MB of empty items', on(() => fill('        {\n        },\n', '{\n    "kind": "List",\n    "items": [\n'), (text) => filePieces(text, PIECE_LIMITS))],
  ['filePieces: 16 MB of lines that almost open a JSON List\'s items', on(() => fill('x"items": [ "items": [\n', '{\n'), (text) => filePieces(text, PIECE_LIMITS))],
  ['filePieces: one items: line, then lines that almost are items', on(() => fill(' -\n-\t\n\n# -\n', 'kind: List\nitems:\n- a\n'), (text) => filePieces(text, PIECE_LIMITS))],
  ['parseYamlDocuments: lines that almost start a document, after a syntax error', on(() => fill('---x\n...y\n-- -\n.. .\n', 'kind: ServiceEntry\n[\n'), parseYamlDocuments)],
  // Values read from manifests.
  ['parseAddress: 16 MB of digits after a slash', on(() => fill('9', '10.0.0.0/'), parseAddress)],
  ['parseAddress: 16 MB of dots and colons', on(() => fill('1:.', ''), parseAddress)],
  // Rendering text that came from manifests.
  ['escapeMarkdown', on(() => fill('\\`*_[]~|<>&@://\r\n'), escapeMarkdown)],
  ['inlineCode', on(() => fill('``|\n'), inlineCode)],
  ['codeFence', on(() => fill('```~~~\n'), codeFence)],
  ['escapeHtml', on(() => fill('<>&"\'@://\r\n'), escapeHtml)],
  ['renderFindingsText: a 16 MB diagnostic of control characters', on(() => fill('\u0001\u009f `'), (message) => renderFindingsText([], [{ severity: 'error', code: 'yaml-syntax', message, location: at }], 0))],
  ['renderFindingsMarkdown: a 16 MB diagnostic of backticks', on(() => fill('`a``'), (message) => renderFindingsMarkdown([], [{ severity: 'error', code: 'yaml-syntax', message, location: at }], 0))],
  // Text from GitHub and git.
  ['readInlineKeys: a comment body of unclosed markers', on(() => fill('<!-- serviceentry-guard:inline 0123456789abcdef.0123456789ab,'), readInlineKeys)],
  ['parseRightSideHunks: hunk headers that never close', on(() => fill('@@ -1,1 +1,1 1111111111\n'), parseRightSideHunks)],
  ['parseLsTree: one record of 16 MB of spaces', on(() => fill(' ', '100644 blob') + '\tpath\0', parseLsTree)],
  ['parseGlobList', on(() => fill('a,\n'), parseGlobList)],
  ['oneLine (action output)', on(() => fill('\r\n\u2028x'), oneLine)],
  // A renderer's error output (kubectl echoes manifest text in its messages).
  ['firstErrorLine: lines that are nothing but kubectl log headers', on(() => fill('E1203 00:00:00.1 1 x] \n'), firstErrorLine)],
  ['firstErrorLine: a log header whose fraction never ends', on(() => fill('0', 'E1203 00:00:00.'), firstErrorLine)],
];

function time(run: () => unknown): { ms: number; wallMs: number } {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  run();
  const used = process.cpuUsage(cpu);
  return { ms: (used.user + used.system) / 1000, wallMs: performance.now() - wall };
}

const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
const runScan = ([name, prepare]: Scan) => {
  const run = prepare();
  say({ starting: name });
  say({ name, ...time(run) });
};

say({ name: 'floor', ...time(on(valid, (text) => jsYaml.loadAll(text))()), scans: scans.length });
if (process.argv[2] === '--queue') {
  for await (const index of createInterface({ input: process.stdin })) runScan(scans[Number(index)]!);
} else {
  const only = process.argv[2];
  for (const scan of scans) if (!only || scan[0].startsWith(only)) runScan(scan);
}
