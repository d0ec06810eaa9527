import { settleFindings } from '../../../src/core/outcome/check-outcome.js';
import { renderGithubCommands } from '../../../src/core/render/github.js';
import type { AnalysisResult } from '../../../src/core/model.js';
import { analyzeCase } from '../../helpers/fixtures.js';

const outcomeOf = (result: AnalysisResult) => settleFindings(result, { suppressions: [], today: '2026-11-25' });

describe('--format github (workflow commands)', () => {
  test('one ::error per finding at the port line, naming every entry, then a plain count', () => {
    // The seed collision is two findings: tcp-shadowed and tcp-captures-port on the same chain.
    const lines = renderGithubCommands(outcomeOf(analyzeCase('seed-huaweicloud-github'))).split('\n');
    expect(lines).toHaveLength(3);
    const commands = lines.slice(0, 2);
    for (const rule of ['tcp-shadowed', 'tcp-captures-port']) {
      const line = commands.find((l) => l.includes(`title=${rule} on`))!;
      expect(line).toMatch(new RegExp(`^::error file=test/fixtures/cases/seed-huaweicloud-github/(github|huaweicloud)\\.yaml,line=12,col=7,title=${rule} on 0\\.0\\.0\\.0_443 in mesh default::`));
      expect(line).toContain('egress/github (undetermined) at test/fixtures/cases/seed-huaweicloud-github/github.yaml:12');
      expect(line).toContain('egress/huaweicloud (undetermined) at test/fixtures/cases/seed-huaweicloud-github/huaweicloud.yaml:12');
    }
    expect(lines[2]).toBe('serviceentry-guard: 2 findings, 0 suppressed, among 2 ServiceEntries.');
  });

  test('manifest text cannot start a command of its own: newlines, % and the property separators are escaped', () => {
    const result = analyzeCase('seed-huaweicloud-github');
    const finding = result.findings[0]!;
    const hostile = { ...finding, title: 'x\n::set-env name=A::1 %0A', entries: finding.entries.map((e) => ({ ...e, portLocation: { ...e.portLocation, path: 'a,b:c.yaml' } })) };
    const text = renderGithubCommands(outcomeOf({ ...result, findings: [hostile] }));
    expect(text.split('\n')).toHaveLength(2);
    expect(text).toContain('file=a%2Cb%3Ac.yaml,');
    expect(text).toContain('x%0A::set-env name=A::1 %250A');
  });
});
