import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/core/analysis/analyze.js';
import { loadSources } from '../../../src/core/load/load-sources.js';
import type { AnalysisResult, Finding, LoadResult } from '../../../src/core/model.js';
import { addedSuppressions, silencedByAdded } from '../../../src/core/suppressions/added-suppressions.js';
import { applySuppressions } from '../../../src/core/suppressions/apply-suppressions.js';
import { suppressionsFromEntries } from '../../../src/core/suppressions/from-annotations.js';
import type { Suppression } from '../../../src/core/suppressions/suppression.js';
import { analyzeCase, only, REPO_ROOT } from '../../helpers/fixtures.js';

const TODAY = '2026-11-25';

function loadFixture(name: string): { loaded: LoadResult; result: AnalysisResult } {
  const dir = join(REPO_ROOT, 'test/fixtures/suppressions', name);
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()
    .map((f) => ({ path: `test/fixtures/suppressions/${name}/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
  const loaded = loadSources(files, { defaultNamespace: 'default' });
  return { loaded, result: analyze(loaded) };
}

/** A TCP collision yields a tcp-shadowed finding and, for the same chain, a tcp-captures-port finding. */
const rules = (findings: readonly Finding[]) => findings.map((f) => f.rule).sort();
const ofRule = (findings: readonly Finding[], rule: string) => only(findings.filter((f) => f.rule === rule));

const config = (over: Partial<Suppression>): Suppression => ({
  rule: 'tcp-shadowed', entry: 'egress/*', reason: 'shared RDS by design', source: 'config',
  location: { path: '.serviceentry-guard.yaml', line: 4, column: 5 }, ...over,
});

describe('suppressions from entry annotations', () => {
  test('reads one suppression per line of serviceentry-guard.io/ignore, at the annotation\'s line', () => {
    const { loaded } = loadFixture('annotated-both-entries');
    const list = suppressionsFromEntries(loaded.entries);
    expect(list.map((s) => [s.entry, s.rule, s.reason])).toEqual([
      ['egress/github', 'tcp-shadowed', 'egress gateway routes by SNI upstream; the sidecar chain is never used'],
      ['egress/huaweicloud', 'same-host', 'mirrored in another cluster'],
      ['egress/huaweicloud', 'tcp-shadowed', 'egress gateway routes by SNI upstream; the sidecar chain is never used'],
    ]);
    expect(list[0]!.location).toMatchObject({ path: 'test/fixtures/suppressions/annotated-both-entries/github.yaml', line: 8 });
  });

  test('a finding whose every entry is annotated is suppressed: listed with its reasons, not counted', () => {
    const { loaded, result } = loadFixture('annotated-both-entries');
    expect(rules(result.findings)).toEqual(['tcp-captures-port', 'tcp-shadowed']);
    const outcome = applySuppressions(result.findings, suppressionsFromEntries(loaded.entries), { today: TODAY });
    // Accepting the collision (tcp-shadowed) is not accepting that the chain captures every port 443
    // connection: the capture is its own risk, still counted until it is suppressed by name.
    expect(only(outcome.findings).rule).toBe('tcp-captures-port');
    const suppressed = only(outcome.suppressed);
    expect(suppressed.finding.rule).toBe('tcp-shadowed');
    expect(suppressed.suppressions.map((s) => s.entry).sort()).toEqual(['egress/github', 'egress/huaweicloud']);
    // The same-host line matches no finding: said, so stale suppressions get cleaned up.
    expect(outcome.diagnostics).toEqual([expect.objectContaining({ code: 'suppression-unused', severity: 'info' })]);
  });

  test('an annotation on one entry does not silence a collision another entry has not accepted', () => {
    const { loaded, result } = loadFixture('annotated-one-entry');
    const outcome = applySuppressions(result.findings, suppressionsFromEntries(loaded.entries), { today: TODAY });
    expect(rules(outcome.findings)).toEqual(['tcp-captures-port', 'tcp-shadowed']);
    expect(outcome.suppressed).toEqual([]);
    const note = only(outcome.diagnostics);
    expect(note).toMatchObject({ code: 'suppression-partial', severity: 'info' });
    expect(note.message).toContain('egress/huaweicloud is not covered');
  });

  test('an annotation without a reason is an error and suppresses nothing', () => {
    const { loaded, result } = loadFixture('annotation-without-reason');
    const outcome = applySuppressions(result.findings, suppressionsFromEntries(loaded.entries), { today: TODAY });
    expect(rules(outcome.findings)).toEqual(['tcp-captures-port', 'tcp-shadowed']);
    const error = only(outcome.diagnostics);
    expect(error).toMatchObject({ code: 'suppression-without-reason', severity: 'error', location: { path: 'test/fixtures/suppressions/annotation-without-reason/github.yaml', line: 8 } });
    expect(error.message).toContain('"tcp-shadowed: <why this collision is acceptable>"');
  });
});

describe('suppressions from the config file', () => {
  const seed = () => analyzeCase('seed-huaweicloud-github').findings;

  test('an entry glob covering every entry suppresses the finding of its rule, and only that one', () => {
    const outcome = applySuppressions(seed(), [config({})], { today: TODAY });
    expect(only(outcome.findings).rule).toBe('tcp-captures-port');
    expect(only(outcome.suppressed).finding.rule).toBe('tcp-shadowed');
    expect(only(outcome.suppressed).suppressions).toEqual([config({})]);
    expect(outcome.diagnostics).toEqual([]);
  });

  test('a collision is fully suppressed only when both its findings are: tcp-shadowed and tcp-captures-port', () => {
    const capture = config({ rule: 'tcp-captures-port', location: { path: '.serviceentry-guard.yaml', line: 8, column: 5 } });
    const outcome = applySuppressions(seed(), [config({}), capture], { today: TODAY });
    expect(outcome.findings).toEqual([]);
    expect(outcome.suppressed.map((s) => [s.finding.rule, s.suppressions])).toEqual(expect.arrayContaining([
      ['tcp-shadowed', [config({})]], ['tcp-captures-port', [capture]],
    ]));
    expect(outcome.suppressed).toHaveLength(2);
    expect(outcome.diagnostics).toEqual([]);
  });

  test('a suppression of another rule leaves the finding alone and is reported unused', () => {
    const outcome = applySuppressions(seed(), [config({ rule: 'same-host' })], { today: TODAY });
    expect(rules(outcome.findings)).toEqual(['tcp-captures-port', 'tcp-shadowed']);
    expect(only(outcome.diagnostics).code).toBe('suppression-unused');
  });

  test('a suppression before its expiry date applies; from that day on it stops suppressing and says which finding is back', () => {
    expect(rules(applySuppressions(seed(), [config({ expires: '2026-11-26' })], { today: TODAY }).findings)).toEqual(['tcp-captures-port']);
    const expired = applySuppressions(seed(), [config({ expires: TODAY })], { today: TODAY });
    expect(rules(expired.findings)).toEqual(['tcp-captures-port', 'tcp-shadowed']);
    expect(expired.suppressed).toEqual([]);
    const warning = only(expired.diagnostics);
    expect(warning).toMatchObject({ code: 'suppression-expired', severity: 'warning', location: { path: '.serviceentry-guard.yaml', line: 4 } });
    expect(warning.message).toContain(`expired on ${TODAY}`);
    expect(warning.message).toContain(`finding ${ofRule(expired.findings, 'tcp-shadowed').id} on 0.0.0.0_443 is reported again`);
  });

  test('no reason, an unknown rule or a malformed date: an error each, and nothing suppressed', () => {
    const outcome = applySuppressions(seed(), [config({ reason: '  ' }), config({ rule: 'tcp-shadow' }), config({ expires: '31/12/2026' })], { today: TODAY });
    expect(rules(outcome.findings)).toEqual(['tcp-captures-port', 'tcp-shadowed']);
    expect(outcome.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['suppression-without-reason', 'error'], ['suppression-unknown-rule', 'error'], ['suppression-bad-expiry', 'error'],
    ]);
  });

  test('with no suppressions the findings pass through untouched', () => {
    const findings = seed();
    expect(applySuppressions(findings, [], { today: TODAY })).toEqual({ findings, suppressed: [], diagnostics: [] });
  });
});

describe('suppressions a change adds', () => {
  test('new ones and changed reasons or dates count as added; moved ones do not', () => {
    const base = [config({}), config({ rule: 'same-host', reason: 'mirrored' })];
    const head = [
      config({ location: { path: '.serviceentry-guard.yaml', line: 9, column: 5 } }),
      config({ rule: 'same-host', reason: 'mirrored', expires: '2027-01-01' }),
      config({ entry: 'payments/*' }),
    ];
    expect(addedSuppressions(base, head)).toEqual([head[1], head[2]]);
  });

  test('a finding silenced only by an added suppression is picked out for the review', () => {
    const { loaded, result } = loadFixture('annotated-both-entries');
    const head = suppressionsFromEntries(loaded.entries);
    const outcome = applySuppressions(result.findings, head, { today: TODAY });
    const added = addedSuppressions([], head);
    expect(silencedByAdded(outcome.suppressed, added)).toEqual(outcome.suppressed);
    expect(silencedByAdded(outcome.suppressed, addedSuppressions(head, head))).toEqual([]);
  });
});
