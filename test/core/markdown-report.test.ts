import { analyze } from '../../src/core/analysis/analyze.js';
import { loadSources } from '../../src/core/load/load-sources.js';
import { renderFindingsMarkdown } from '../../src/core/render/markdown.js';

describe('the markdown report of a large collision', () => {
  const files = Array.from({ length: 30 }, (_, i) => ({
    path: `deploy/e${i}.yaml`,
    text: `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: e${i}, namespace: egress}\nspec:\n  hosts: [h${i}.example.com]\n  ports: [{number: 443, name: tcp, protocol: TCP}]\n  resolution: DNS\n`,
  }));
  const result = analyze(loadSources(files, { defaultNamespace: 'default' }));
  // The collision alone (the port's match-all chain, tcp-captures-port, lists the same 30 as possible holders).
  const markdown = renderFindingsMarkdown(result.findings.filter((f) => f.rule === 'tcp-shadowed'), result.diagnostics, result.entryCount);

  test('names five hosts per table cell and counts the rest', () => {
    const row = markdown.split('\n').find((l) => l.includes('0.0.0.0_443') && l.startsWith('| '))!;
    expect(row).toContain('and 25 more');
    expect(row.match(/\.example\.com/g)!.length).toBeLessThanOrEqual(5);
  });

  test('lists twenty entries in the details and points to the JSON report for the rest', () => {
    expect(markdown.split('\n').filter((l) => l.startsWith('- **')).length).toBe(20);
    expect(markdown).toContain('and 10 more entries (all of them are in the JSON report)');
  });
});
