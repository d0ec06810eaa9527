import { analyze } from '../../../src/core/analysis/analyze.js';
import { loadSources } from '../../../src/core/load/load-sources.js';
import type { SourceFile } from '../../../src/core/model.js';
import { GITHUB_COMMENT_LIMIT, renderFindingComment, renderFindingsMarkdown, renderReviewMarkdown } from '../../../src/core/render/markdown.js';
import { reviewChange, type ChangedFile } from '../../../src/core/review/review-change.js';
import { cellsOf, injections, tablesOf } from '../../helpers/inspect-markdown.js';

function entry(path: string, name: string, hosts: string[], port: number): SourceFile {
  return {
    path,
    text: JSON.stringify({
      apiVersion: 'networking.istio.io/v1', kind: 'ServiceEntry',
      metadata: { name, namespace: 'egress' },
      spec: { hosts, ports: [{ number: port, name: 'tcp', protocol: 'TCP' }], resolution: 'DNS' },
    }),
  };
}

/**
 * 3,000 pairs, each colliding on its own port: 6,000 findings (each collision, and the match-all chain its
 * holder keeps: tcp-captures-port), with hostile-looking names to make every row long.
 */
const pairs: SourceFile[] = Array.from({ length: 3000 }, (_, i) => [
  entry(`deploy/team-${i}/a|<b>@x.yaml`, `a-${i}-@team`, [`a${i}.example.com`], 1000 + i),
  entry(`deploy/team-${i}/b.yaml`, `b-${i}`, [`b${i}.example.com`], 1000 + i),
]).flat();
const added = (files: SourceFile[]): ChangedFile[] => files.map((f) => ({ path: f.path, status: 'added', headText: f.text }));
const big = reviewChange({ baseFiles: [], changes: added(pairs), defaultNamespace: 'default' });
const checked = analyze(loadSources([...pairs, ...Array.from({ length: 2000 }, (_, i) => ({ path: `broken/${i}.yaml`, text: 'kind: ServiceEntry\nspec: [' }))], { defaultNamespace: 'default' }));

function expectCutCleanly(body: string, max: number): void {
  expect(body.length).toBeLessThanOrEqual(max);
  expect(body).toMatch(/cut to fit/);
  expect(injections(body)).toEqual([]);
  for (const table of tablesOf(body)) {
    for (const row of table.rows) expect(cellsOf(row)).toBe(cellsOf(table.header));
  }
}

describe('bodies stay within the size GitHub accepts', () => {
  test('the fixture has thousands of findings and diagnostics', () => {
    expect(big.introduced).toHaveLength(6000);
    expect(checked.findings).toHaveLength(6000);
    expect(checked.diagnostics.length).toBeGreaterThanOrEqual(2000);
    // Uncut, the reports are far over the limit: the cut is what keeps them under.
    expect(renderReviewMarkdown(big).length).toBeGreaterThan(GITHUB_COMMENT_LIMIT);
  });

  test('a review of 3,000 introduced findings fits in 65,536 characters and says where the rest is', () => {
    const body = renderReviewMarkdown(big, { maxLength: GITHUB_COMMENT_LIMIT, fullReportHint: 'See the job summary of this run.' });
    expectCutCleanly(body, GITHUB_COMMENT_LIMIT);
    expect(body).toContain('See the job summary of this run.');
    // Counts first (one row per mesh, rule and severity, ports as ranges), then the findings table with as many whole rows as fit.
    const [glance, table] = tablesOf(body);
    expect(glance!.header).toMatch(/^\| Rule \| Severity \| 🆕 Introduced/);
    expect(glance!.rows.reduce((n, row) => n + Number(row.split('|')[3]), 0)).toBe(big.introduced.length);
    expect(table!.header).toMatch(/^\| Status/);
    expect(table!.rows.length).toBeGreaterThan(10);
    expect(body).not.toContain('<details open>');
  });

  test('a findings report of 3,000 findings and 2,000 unreadable files fits, with the default note', () => {
    const body = renderFindingsMarkdown(checked.findings, checked.diagnostics, checked.entryCount, { maxLength: GITHUB_COMMENT_LIMIT });
    expectCutCleanly(body, GITHUB_COMMENT_LIMIT);
    expect(body).toContain('job summary');
  });

  test.each([600, 1_000, 4_000, 20_000, 65_536, 1_048_576])('a limit of %i characters is never exceeded', (max) => {
    expectCutCleanly(renderReviewMarkdown(big, { maxLength: max }), max);
    expectCutCleanly(renderFindingsMarkdown(checked.findings, checked.diagnostics, checked.entryCount, { maxLength: max }), max);
  });

  test('the hint is escaped like any other text', () => {
    const body = renderReviewMarkdown(big, { maxLength: 2_000, fullReportHint: 'see <img src=x> @someone [x](http://evil.example)' });
    expect(injections(body)).toEqual([]);
  });

  test('a body under the limit is not cut and has no note', () => {
    const small = reviewChange({ baseFiles: [], changes: added(pairs.slice(0, 4)), defaultNamespace: 'default' });
    const body = renderReviewMarkdown(small, { maxLength: GITHUB_COMMENT_LIMIT });
    expect(body).not.toMatch(/cut to fit/);
    expect(tablesOf(body)[0]!.rows).toHaveLength(4);
  });

  test('one collision of 3,000 entries names a few per cell and 20 per list, and counts the rest', () => {
    const onePort = Array.from({ length: 3000 }, (_, i) => entry(`one/${i}.yaml`, `e${i}`, [`h${i}.example.com`], 443));
    const review = reviewChange({ baseFiles: [], changes: added(onePort), defaultNamespace: 'default' });
    expect(review.introduced.map((c) => c.finding.rule).sort()).toEqual(['tcp-captures-port', 'tcp-shadowed']);
    const comment = renderFindingComment(review.introduced.find((c) => c.finding.rule === 'tcp-shadowed')!);
    // An inline comment names a few of each side and counts the rest; the lists of 20 are in the summary's details.
    expect(comment.length).toBeLessThan(2000);
    expect(comment).toMatch(/\*\*Wins:\*\* undetermined between .*, and 2997 more:/);
    const summary = renderReviewMarkdown(review, { maxLength: GITHUB_COMMENT_LIMIT });
    expect(summary.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    const [row] = tablesOf(summary)[0]!.rows;
    expect(row).toMatch(/and 2995 more/);
  });
});

describe('the markdown report of a large collision', () => {
  const files = Array.from({ length: 30 }, (_, i) => ({
    path: `deploy/e${i}.yaml`,
    text: `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: e${i}, namespace: egress}\nspec:\n  hosts: [h${i}.example.com]\n  ports: [{number: 443, name: tcp, protocol: TCP}]\n  resolution: DNS\n`,
  }));
  const result = analyze(loadSources(files, { defaultNamespace: 'default' }));
  const markdown = renderFindingsMarkdown(result.findings, result.diagnostics, result.entryCount);

  test('names five hosts per table cell and counts the rest', () => {
    const row = markdown.split('\n').find((l) => l.includes('0.0.0.0_443') && l.startsWith('| '))!;
    expect(row).toContain('and 25 more');
    expect(row.match(/\.example\.com/g)!.length).toBeLessThanOrEqual(5);
  });

  test('lists twenty entries in the details and points to the JSON report for the rest', () => {
    // Two findings on the one chain (tcp-shadowed and tcp-captures-port): each details twenty entries.
    expect(result.findings.map((f) => f.rule).sort()).toEqual(['tcp-captures-port', 'tcp-shadowed']);
    expect(markdown.split('\n').filter((l) => l.startsWith('- **')).length).toBe(20 * result.findings.length);
    expect(markdown.split('and 10 more entries (all of them are in the JSON report)').length - 1).toBe(result.findings.length);
  });
});
