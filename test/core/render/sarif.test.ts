import { analyze } from '../../../src/core/analysis/analyze.js';
import { toBaseline } from '../../../src/core/baseline/baseline.js';
import { loadSources } from '../../../src/core/load/load-sources.js';
import { settleFindings } from '../../../src/core/outcome/check-outcome.js';
import { FINGERPRINT_KEY, MAX_RELATED_LOCATIONS, toSarifLog } from '../../../src/core/render/sarif.js';
import type { Suppression } from '../../../src/core/suppressions/suppression.js';
import { analyzeCase, caseFiles, only } from '../../helpers/fixtures.js';
import { expectValidSarif, validateSarif as validate } from '../../helpers/sarif-schema.js';

const TODAY = '2026-11-25';
const seed = () => analyzeCase('seed-huaweicloud-github');
const sarifOf = (suppressions: Suppression[] = [], withBaseline = false) => {
  const result = seed();
  const baseline = withBaseline ? toBaseline(result.findings) : undefined;
  return toSarifLog({ ...settleFindings(result, { suppressions, today: TODAY, ...(baseline ? { baseline } : {}) }), toolVersion: '0.1.0' });
};

/** The seed collision yields two results: tcp-shadowed and tcp-captures-port, on the same chain. */
type Results = ReturnType<typeof toSarifLog>['runs'][number]['results'];
const resultFor = (results: Results, rule: string) => only((results ?? []).filter((r) => r.ruleId === rule));

describe('SARIF output', () => {
  test('the schema check itself rejects what code scanning would refuse', () => {
    const log = sarifOf() as unknown as { runs: Array<{ results: Array<Record<string, unknown>> }> };
    log.runs[0]!.results[0]!['level'] = 'fatal';
    expect(validate(log)).toBe(false);
    expect(validate({ ...sarifOf(), version: '2.0.0' })).toBe(false);
  });

  test('every result names the mesh its collision happens in, as a property and in its message', () => {
    const results = only(sarifOf().runs).results ?? [];
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.properties?.['mesh']).toBe('default');
      expect(r.message.text).toContain('(mesh default)');
    }
  });

  test('the seed collision is valid SARIF 2.1.0: one result per rule, each with its rule, level, primary and related locations', () => {
    const log = sarifOf();
    expectValidSarif(log);
    const run = only(log.runs);
    expect(run.results!.map((r) => r.ruleId).sort()).toEqual(['tcp-captures-port', 'tcp-shadowed']);
    const capture = resultFor(run.results, 'tcp-captures-port');
    expect(run.tool.driver.rules![capture.ruleIndex!]!.id).toBe('tcp-captures-port');
    const finding = only(seed().findings.filter((f) => f.rule === 'tcp-shadowed'));
    const result = resultFor(run.results, 'tcp-shadowed');
    expect(result).toMatchObject({ ruleId: 'tcp-shadowed', level: 'error', partialFingerprints: { [FINGERPRINT_KEY]: finding.id } });
    expect(run.tool.driver.rules![result.ruleIndex!]!.id).toBe('tcp-shadowed');
    const where = (l: { physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } } }) =>
      `${l.physicalLocation?.artifactLocation?.uri}:${l.physicalLocation?.region?.startLine}`;
    expect([...result.locations!, ...result.relatedLocations!].map(where).sort()).toEqual([
      'test/fixtures/cases/seed-huaweicloud-github/github.yaml:12',
      'test/fixtures/cases/seed-huaweicloud-github/huaweicloud.yaml:12',
    ]);
    expect(result.relatedLocations![0]!.id).toBe(1);
    expect(result.message.text).toContain('](1)');
    expect(result.message.text).toContain(finding.explanation);
  });

  test('the fingerprint is the finding id: unchanged when the entries move down their files', () => {
    const moved = caseFiles('seed-huaweicloud-github').map((f) => ({ ...f, text: `# moved\n# down\n${f.text}` }));
    const log = toSarifLog({ ...settleFindings(analyze(loadSources(moved, { defaultNamespace: 'default' })), { suppressions: [], today: TODAY }), toolVersion: '0.1.0' });
    const before = resultFor(sarifOf().runs[0]!.results, 'tcp-shadowed');
    const after = resultFor(log.runs[0]!.results, 'tcp-shadowed');
    expect(after.partialFingerprints).toEqual(before.partialFingerprints);
    expect(after.locations![0]!.physicalLocation!.region!.startLine).toBe(before.locations![0]!.physicalLocation!.region!.startLine! + 2);
  });

  test('a suppressed finding stays in the log with its suppression and reason', () => {
    const log = sarifOf([{ rule: 'tcp-shadowed', entry: 'egress/*', reason: 'routed by the egress gateway', source: 'config', expires: '2027-01-01' }]);
    expectValidSarif(log);
    expect(resultFor(log.runs[0]!.results, 'tcp-shadowed').suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'routed by the egress gateway', properties: { expires: '2027-01-01' } },
    ]);
    // The suppression names tcp-shadowed: the capture finding of the same chain is still an open result.
    expect(resultFor(log.runs[0]!.results, 'tcp-captures-port').suppressions ?? []).toEqual([]);
  });

  test('with a baseline, known findings are "unchanged"', () => {
    const log = sarifOf([], true);
    expectValidSarif(log);
    expect(log.runs[0]!.results!).toHaveLength(2);
    expect(log.runs[0]!.results!.map((r) => r.baselineState)).toEqual(['unchanged', 'unchanged']);
  });

  test('unreadable files become tool notifications with their location', () => {
    const result = analyze(loadSources([{ path: 'deploy/bad.yaml', text: 'kind: ServiceEntry\nspec: [\n' }], { defaultNamespace: 'default' }));
    const log = toSarifLog({ ...settleFindings(result, { suppressions: [], today: TODAY }), toolVersion: '0.1.0' });
    expectValidSarif(log);
    const note = only(log.runs[0]!.invocations![0]!.toolExecutionNotifications!);
    expect(note.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('deploy/bad.yaml');
    expect(note.descriptor!.id).toBe('yaml-syntax');
  });

  test('a collision of many entries lists at most 100 related locations and counts the rest', () => {
    const entry = (i: number) => `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: e${i}, namespace: egress}\nspec:\n  hosts: [h${i}.example.com]\n  ports: [{number: 5432, name: tcp, protocol: TCP}]\n  resolution: DNS\n`;
    const files = Array.from({ length: 150 }, (_, i) => ({ path: `deploy/e ${i}.yaml`, text: entry(i) }));
    const log = toSarifLog({ ...settleFindings(analyze(loadSources(files, { defaultNamespace: 'default' })), { suppressions: [], today: TODAY }), toolVersion: '0.1.0' });
    expectValidSarif(log);
    const result = resultFor(log.runs[0]!.results, 'tcp-shadowed');
    expect(result.relatedLocations).toHaveLength(MAX_RELATED_LOCATIONS);
    expect(result.message.text).toContain('and 49 more entries');
    expect(resultFor(log.runs[0]!.results, 'tcp-captures-port').relatedLocations!.length).toBeLessThanOrEqual(MAX_RELATED_LOCATIONS);
    expect(result.locations![0]!.physicalLocation!.artifactLocation!.uri).toMatch(/^deploy\/e%20\d+\.yaml$/);
  });
});
