import { compareWithBaseline, parseBaseline, serializeBaseline, toBaseline } from '../../../src/core/baseline/baseline.js';
import { analyzeCase, only } from '../../helpers/fixtures.js';

describe('baseline', () => {
  test('round-trips through its file form, keyed by finding id with the entries it held', () => {
    const findings = analyzeCase('redis-three-namespaces').findings;
    const baseline = toBaseline(findings);
    expect(baseline.findings.map((f) => f.id)).toEqual(findings.map((f) => f.id).sort());
    const parsed = parseBaseline(serializeBaseline(baseline));
    expect(parsed).toEqual({ baseline });
  });

  test('known findings are set aside; findings not in it count', () => {
    // The seed collision is two findings: tcp-shadowed and tcp-captures-port, both known.
    const seed = analyzeCase('seed-huaweicloud-github').findings;
    expect(seed.map((f) => f.rule).sort()).toEqual(['tcp-captures-port', 'tcp-shadowed']);
    const other = analyzeCase('mysql-and-tcp-well-known-port-ignored').findings;
    expect(other.length).toBeGreaterThan(0);
    const compared = compareWithBaseline([...seed, ...other], toBaseline(seed));
    expect(compared.baselined).toEqual(seed);
    expect(compared.findings).toEqual(other);
    expect(compared.grown).toEqual({});
  });

  test('a known finding that gained an entry counts again, naming the newcomer', () => {
    const seed = only(analyzeCase('seed-huaweicloud-github').findings.filter((f) => f.rule === 'tcp-shadowed'));
    const baseline = toBaseline([seed]);
    baseline.findings[0]!.entries = ['egress/huaweicloud'];
    const compared = compareWithBaseline([seed], baseline);
    expect(compared.findings).toEqual([seed]);
    expect(compared.grown).toEqual({ [seed.id]: ['egress/github'] });
  });

  test('a file that is not a baseline of this version is refused with what to do', () => {
    expect(parseBaseline('{')).toEqual({ error: expect.stringContaining('is not JSON') });
    expect(parseBaseline('{"version":1,"findings":[]}')).toEqual({ error: expect.stringContaining('not a serviceentry-guard baseline') });
    expect(parseBaseline('{"tool":"serviceentry-guard","version":2,"findings":[]}')).toEqual({ error: expect.stringContaining('version 2') });
    expect(parseBaseline('{"tool":"serviceentry-guard","version":1,"findings":[{"id":1}]}')).toEqual({ error: expect.stringContaining('{id, rule, listener, entries}') });
  });
});
