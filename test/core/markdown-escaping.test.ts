import { analyze } from '../../src/core/analysis/analyze.js';
import { loadSources } from '../../src/core/load/load-sources.js';
import { GITHUB_COMMENT_LIMIT, renderFindingComment, renderFindingsMarkdown, renderReviewMarkdown } from '../../src/core/render/markdown.js';
import { reviewChange } from '../../src/core/review/review-change.js';

const EVIL_HOSTS = ['a|b.example.com', '`x`.example.com', '<script>alert(1)</script>', '@octocat.example.com', '[x](http://evil.example)', '</details><img src=x>', '<!-- hide -->'];

function entry(i: number, host: string, path = `deploy/e${i}.yaml`) {
  return {
    path,
    text: JSON.stringify({
      apiVersion: 'networking.istio.io/v1', kind: 'ServiceEntry',
      metadata: { name: `n${i}-@team|x`, namespace: 'egress' },
      spec: { hosts: [host], ports: [{ number: 443, name: 'tcp', protocol: 'TCP' }], resolution: 'DNS' },
    }),
  };
}

const evilFiles = EVIL_HOSTS.map((h, i) => entry(i, h, `deploy/<b>${i}|@x.yaml`));

describe('text from manifests is inert in markdown', () => {
  const result = analyze(loadSources(evilFiles, { defaultNamespace: 'default' }));
  const report = reviewChange({ baseFiles: [], changes: evilFiles.map((f) => ({ path: f.path, status: 'added' as const, headText: f.text })), defaultNamespace: 'default' });
  const outputs = {
    findings: renderFindingsMarkdown(result.findings, result.diagnostics, result.entryCount),
    review: renderReviewMarkdown(report, { blobUrl: (p, l) => `https://github.com/o/r/blob/sha/${p}#L${l}` }),
    comment: renderFindingComment(report.introduced[0]!),
  };

  test.each(Object.entries(outputs))('%s: no raw HTML, mentions or links come from the manifests', (_name, markdown) => {
    // Inside a code span GitHub shows HTML, @ and links as plain text, so only the rest is checked.
    const outsideCode = markdown.replace(/(`+)[\s\S]*?\1/g, '');
    expect(outsideCode).not.toMatch(/<script|<img|<\/details><img|<b>|<!-- hide/);
    expect(outsideCode).not.toMatch(/@octocat|@team/); // every @ is followed by a zero-width joiner
    expect(outsideCode).not.toContain('](http://evil');
  });

  test.each(Object.entries(outputs))('%s: every table row keeps its column count', (_name, markdown) => {
    const rows = markdown.split('\n').filter((l) => l.startsWith('| '));
    if (rows.length === 0) return;
    const cells = (row: string) => row.replace(/\\\|/g, '').split('|').length;
    for (const row of rows) expect(cells(row)).toBe(cells(rows[0]!));
  });

  test('thousands of findings stay under GitHub\'s comment limit, with a note that says where the rest is', () => {
    const many = Array.from({ length: 3000 }, (_, i) => [entry(2 * i, `a${i}.example.com`), entry(2 * i + 1, `b${i}.example.com`)]).flat()
      .map((f, i) => ({ ...f, text: f.text.replace(/443/g, String(1000 + Math.floor(i / 2))) }));
    const big = reviewChange({ baseFiles: [], changes: many.map((f) => ({ path: f.path, status: 'added' as const, headText: f.text })), defaultNamespace: 'default' });
    expect(big.introduced).toHaveLength(6000); // each collision, and the match-all chain its holder keeps (tcp-captures-port)
    const body = renderReviewMarkdown(big, { maxLength: GITHUB_COMMENT_LIMIT, fullReportHint: 'See the job summary.' });
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(body).toContain('cut to fit');
    expect(body).toContain('See the job summary.');
  });
});
