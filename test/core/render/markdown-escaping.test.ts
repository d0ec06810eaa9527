import { analyze } from '../../../src/core/analysis/analyze.js';
import { loadSources } from '../../../src/core/load/load-sources.js';
import type { SourceFile } from '../../../src/core/model.js';
import { renderFindingComment, renderFindingsMarkdown, renderReviewMarkdown, type RenderContext } from '../../../src/core/render/markdown.js';
import { reviewChange, type ChangedFile } from '../../../src/core/review/review-change.js';
import { cellsOf, injections, outsideCode, tablesOf, type Injection } from '../../helpers/inspect-markdown.js';

/** What a hostile pull request puts in hosts, names, namespaces and paths. */
const PAYLOADS = [
  'a|b',
  'pipe\\|escaped',
  '`tick`',
  '``double``',
  '<script>alert(1)</script>',
  '@someone',
  '@org/team',
  'mail@example.com',
  '[x](http://evil.example)',
  '![img](https://evil.example/p.png)',
  'first\nsecond-line',
  'cr\rreturn',
  '<!-- hide -->',
  '</details>',
  '</summary><img src=x onerror=alert(1)>',
  'https://evil.example/phish',
  '<https://evil.example>',
  '&lt;b&gt;entity',
  '*bold*_under_',
];

/** YAML of one ServiceEntry (JSON is YAML, and keeps every payload intact). */
function manifest(name: string, namespace: string, hosts: string[], extra: Record<string, unknown> = {}, port = 443, protocol = 'TCP'): string {
  return JSON.stringify({
    apiVersion: 'networking.istio.io/v1',
    kind: 'ServiceEntry',
    metadata: { name, namespace, ...extra },
    spec: { hosts, ports: [{ number: port, name: 'p', protocol }], resolution: 'DNS' },
  });
}

/** Each payload as host, name, namespace and path, all on 443/TCP so they collide; plus diagnostics that quote manifest text. */
function evilFiles(prefix: string, port = 443): SourceFile[] {
  const files = PAYLOADS.map((p, i) => ({
    path: `${prefix}/${i}-${p}.yaml`,
    text: manifest(`n${i}-${p}`, i % 3 === 0 ? `ns-${p}` : 'egress', [`h${i}.${p}`, p], {}, port),
  }));
  files.push({ path: `${prefix}/diagnostics-${PAYLOADS[4]}.yaml`, text: manifest(`diag-${PAYLOADS[5]}`, 'egress', ['diag.example.com'], { creationTimestamp: PAYLOADS.join(' ') }, port) });
  files.push({ path: `${prefix}/resolution.yaml`, text: manifest('resolution', 'egress', ['res.example.com'], {}, port).replace('"DNS"', JSON.stringify(PAYLOADS.join(' '))) });
  files.push({ path: `${prefix}/protocol.yaml`, text: manifest('protocol', 'egress', ['proto.example.com'], {}, port, PAYLOADS[14]!) });
  files.push({ path: `${prefix}/unnamed-${PAYLOADS[8]}.yaml`, text: manifest('', 'egress', ['unnamed.example.com'], {}, port) });
  files.push({ path: `${prefix}/broken-${PAYLOADS[6]}.yaml`, text: 'kind: ServiceEntry\nmetadata: [\n' });
  return files;
}

const blobUrl: RenderContext['blobUrl'] = (path, line) => `https://github.com/o/r/blob/0123abc/${path}#L${line}`;

const kept = evilFiles('base', 8443);
const gone = evilFiles('gone', 9443);
const baseFiles = [...kept, ...gone];
const added = evilFiles('deploy');
const changes: ChangedFile[] = [
  ...added.map((f): ChangedFile => ({ path: f.path, status: 'added', headText: f.text })),
  // Removing every 9443 file resolves their collision; the 8443 one stays as it was.
  ...gone.map((f): ChangedFile => ({ path: f.path, status: 'removed' })),
];
const report = reviewChange({ baseFiles, changes, defaultNamespace: 'default' });
const checked = analyze(loadSources([...kept, ...added], { defaultNamespace: 'default' }));

const outputs: Array<[string, string]> = [
  ['review summary', renderReviewMarkdown(report)],
  ['review summary with links', renderReviewMarkdown(report, { blobUrl, fullReportHint: `see ${PAYLOADS[8]} ${PAYLOADS[5]}` })],
  ['findings report', renderFindingsMarkdown(checked.findings, checked.diagnostics, checked.entryCount)],
  ['findings report with links', renderFindingsMarkdown(checked.findings, checked.diagnostics, checked.entryCount, { blobUrl })],
  ...report.introduced.map((c, i): [string, string] => [`inline comment ${i}`, renderFindingComment(c)]),
  ...report.introduced.map((c, i): [string, string] => [`inline comment ${i} with links`, renderFindingComment(c, { blobUrl })]),
];

/** Our own links (blob URLs) are the only ones allowed. */
const notOurs = (found: Injection[]) => found.filter((x) => !(x.kind === 'link' && (x.text === '](' || x.text.startsWith('https://github.com/o/r/blob/0123abc/'))));

describe('the inspector itself', () => {
  test('it sees raw HTML, comments, mentions and links outside code, and not inside', () => {
    expect(injections('<script>x</script> <!-- c --> @bob [a](http://e) <http://e> www.e.com').map((x) => x.kind).sort())
      .toEqual(['autolink', 'comment', 'html', 'html', 'link', 'link', 'link', 'mention', 'www-autolink'].sort());
    expect(injections('`<script>` ``@bob`` `` [a](http://e) `` <details open><summary>s</summary>\n</details> <br> @\u200dbob')).toEqual([]);
    expect(outsideCode('\\`<b>\\`')).toContain('<b>');
    expect(injections('</details>').map((x) => x.kind)).toContain('unbalanced-details');
    expect(injections('<details open>').map((x) => x.kind)).toContain('unbalanced-details');
  });

  test('it counts cells as cmark-gfm splits them', () => {
    expect(cellsOf('| a | b |')).toBe(2);
    expect(cellsOf('| `a\\|b` | c |')).toBe(2);
    expect(cellsOf('| `a|b` | c |')).toBe(3);
  });
});

describe('text from manifests stays text in every markdown output', () => {
  test('the fixture really carries the payloads into findings, diagnostics and paths', () => {
    expect(report.introduced.length).toBeGreaterThan(0);
    expect(report.resolved.length).toBeGreaterThan(0);
    expect(report.existing.length).toBeGreaterThan(0);
    const hosts = report.introduced.flatMap((c) => c.finding.entries.flatMap((e) => e.hosts));
    for (const p of PAYLOADS) expect(hosts).toContain(p);
    expect(report.diagnostics.map((d) => d.location.path)).toContain(`deploy/broken-${PAYLOADS[6]}.yaml`);
    expect(report.diagnostics.some((d) => d.message.includes('<script>'))).toBe(true);
  });

  test.each(outputs)('%s: no raw HTML, HTML comment, mention or link comes from a manifest', (_name, markdown) => {
    expect(notOurs(injections(markdown)).filter((x) => x.kind !== 'www-autolink')).toEqual([]);
  });

  test.each(outputs)('%s: every table row has the header\'s cell count and no row is split across lines', (_name, markdown) => {
    for (const table of tablesOf(markdown)) {
      const width = cellsOf(table.header);
      for (const row of table.rows) expect({ row, cells: cellsOf(row) }).toEqual({ row, cells: width });
      expect(table.tail === undefined || table.tail === '').toBe(true);
    }
  });

  test.each(outputs.filter(([name]) => !name.startsWith('inline')))('%s: one table row per finding', (name, markdown) => {
    const [table] = tablesOf(markdown);
    const expected = name.startsWith('review') ? report.introduced.length + report.resolved.length + report.existing.length : checked.findings.length;
    expect(table!.rows).toHaveLength(expected);
  });

  test.each(outputs)('%s: a newline or carriage return from a manifest never starts a line of its own', (_name, markdown) => {
    const lines = markdown.split(/\r\n|\r|\n/);
    expect(lines.filter((l) => /^(second-line|return)/.test(l))).toEqual([]);
  });

  test.each(outputs)('%s: links we write point only at the blob URL, with the path percent-encoded', (_name, markdown) => {
    for (const m of outsideCode(markdown).matchAll(/\]\(([^)\s]*)\)/g)) {
      expect(m[1]).toMatch(/^https:\/\/github\.com\/o\/r\/blob\/0123abc\/[A-Za-z0-9\-._~:/?#=&%]+$/);
    }
  });
});

describe('known holes', () => {
  const wwwComment = () => {
    const a = manifest('a', 'egress', ['www.evil.example']);
    const b = { path: 'b.yaml', text: manifest('b', 'egress', ['github.com']) };
    const review = reviewChange({ baseFiles: [b], changes: [{ path: 'a.yaml', status: 'added', headText: a }], defaultNamespace: 'default' });
    expect(review.introduced).toHaveLength(1);
    return renderFindingComment(review.introduced[0]!);
  };

  test('the www. case yields an inline comment that names the host', () => {
    expect(wwwComment()).toContain('www.evil.example');
  });

  // GitHub's extended autolinks turn `www.<domain>` into a link wherever it follows whitespace;
  // titles, explanations and fixes quote hosts as escaped text, which must stay text.
  test('a host starting with www. is not autolinked in titles, explanations and fixes', () => {
    expect(injections(wwwComment()).filter((x) => x.kind === 'www-autolink')).toEqual([]);
  });
});
