/**
 * Run by linear-scans.test.ts in a child process (a quadratic regular
 * expression cannot be interrupted inside the test runner): feeds every
 * regular expression and text scan the tool applies to input it does not
 * control a 16 MB adversarial text, and prints one JSON line per scan
 * { name, ms }, after { name: 'floor', ms }: js-yaml loadAll of a valid
 * 16 MB manifest stream, the yardstick the bounds derive from.
 */
import * as jsYaml from 'js-yaml';
import { parseAddress } from '../../src/core/analysis/addresses.js';
import { loadSourceFile } from '../../src/core/load/load-sources.js';
import { parseYamlDocuments } from '../../src/core/load/yaml-documents.js';
import { codeFence, escapeHtml, escapeMarkdown, inlineCode } from '../../src/core/render/escape.js';
import { renderFindingsMarkdown } from '../../src/core/render/markdown.js';
import { renderFindingsText } from '../../src/core/render/text.js';
import { readInlineKeys } from '../../src/core/review-comments/markers.js';
import { parseRightSideHunks } from '../../src/core/review-comments/diff-hunks.js';
import { parseGlobList } from '../../src/core/paths.js';
import { oneLine } from '../../src/action/io.js';
import { parseLsTree } from '../../src/adapters/git/tree.js';

const SIZE = 16 * 1024 * 1024;
const fill = (unit: string, head = '') => head + unit.repeat(Math.ceil((SIZE - head.length) / unit.length)).slice(0, SIZE - head.length);
const ours = 'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: x\nspec:\n  hosts: [\n';
const at = { path: 'hostile.yaml', line: 1, column: 1 };
const load = (text: string) => () => loadSourceFile({ path: 'hostile.yaml', text }, { defaultNamespace: 'default', maxFileBytes: SIZE * 2 });

const valid = fill(`---
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

const scans: Array<[string, () => unknown]> = [
  // Loading: template detection, document splitting after an error, positions, the parse itself.
  ['loadSourceFile: a line of {{ in a broken ServiceEntry (template detection)', load(fill('{{', ours))],
  ['loadSourceFile: {{ and }} on separate lines in a broken ServiceEntry', load(fill('{{ x\n}} y\n', ours))],
  // Every document broken: each costs a js-yaml exception, so ~600-byte documents keep it to ~28,000 of them
  // (the marker scan itself gets dense markers below, in parseYamlDocuments).
  ['loadSourceFile: a broken document after every --- marker', load(fill(`---\nkind: ServiceEntry\n${'  - host: a.example.com\n'.repeat(24)}: : [\n`, ours))],
  ['loadSourceFile: one unterminated quoted scalar', load(fill('a', `${ours}'`))],
  ['loadSourceFile: nesting far past the depth limit', load(fill('[', ours))],
  ['parseYamlDocuments: lines that almost start a document, after a syntax error', () => parseYamlDocuments(fill('---x\n...y\n-- -\n.. .\n', 'kind: ServiceEntry\n[\n'))],
  // Values read from manifests.
  ['parseAddress: 16 MB of digits after a slash', () => parseAddress(fill('9', '10.0.0.0/'))],
  ['parseAddress: 16 MB of dots and colons', () => parseAddress(fill('1:.', ''))],
  // Rendering text that came from manifests.
  ['escapeMarkdown', () => escapeMarkdown(fill('\\`*_[]~|<>&@://\r\n'))],
  ['inlineCode', () => inlineCode(fill('``|\n'))],
  ['codeFence', () => codeFence(fill('```~~~\n'))],
  ['escapeHtml', () => escapeHtml(fill('<>&"\'@://\r\n'))],
  ['renderFindingsText: a 16 MB diagnostic of control characters', () => renderFindingsText([], [{ severity: 'error', code: 'yaml-syntax', message: fill('\u0001\u009f `'), location: at }], 0)],
  ['renderFindingsMarkdown: a 16 MB diagnostic of backticks', () => renderFindingsMarkdown([], [{ severity: 'error', code: 'yaml-syntax', message: fill('`a``'), location: at }], 0)],
  // Text from GitHub and git.
  ['readInlineKeys: a comment body of unclosed markers', () => readInlineKeys(fill('<!-- serviceentry-guard:inline 0123456789abcdef.0123456789ab,'))],
  ['parseRightSideHunks: hunk headers that never close', () => parseRightSideHunks(fill('@@ -1,1 +1,1 1111111111\n'))],
  ['parseLsTree: one record of 16 MB of spaces', () => parseLsTree(fill(' ', '100644 blob') + '\tpath\0')],
  ['parseGlobList', () => parseGlobList(fill('a,\n'))],
  ['oneLine (action output)', () => oneLine(fill('\r\n\u2028x'))],
];

function time(run: () => unknown): { ms: number; wallMs: number } {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  run();
  const used = process.cpuUsage(cpu);
  return { ms: (used.user + used.system) / 1000, wallMs: performance.now() - wall };
}

const only = process.argv[2];
process.stdout.write(`${JSON.stringify({ name: 'floor', ...time(() => jsYaml.loadAll(valid)) })}\n`);
for (const [name, run] of scans) {
  if (only && !name.startsWith(only)) continue;
  process.stdout.write(`${JSON.stringify({ starting: name })}\n`);
  process.stdout.write(`${JSON.stringify({ name, ...time(run) })}\n`);
}
