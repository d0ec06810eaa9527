import { failsAt, reviewChange } from '../../../src/core/review/review-change.js';
import { only, reviewFixture, roles } from '../../helpers/fixtures.js';

const review = (name: string) => reviewChange({ ...reviewFixture(name), defaultNamespace: 'default' });
/** Set aside the match-all chain a port's holder keeps (tcp-captures-port): it follows the holder, not the collision. */
const collisions = <T extends { finding: { rule: string } }>(list: T[]) => list.filter((c) => c.finding.rule !== 'tcp-captures-port');
const rules = (list: Array<{ finding: { rule: string } }>) => list.map((c) => c.finding.rule).sort();

describe('reviewing a pull request against the full base set', () => {
  test('a new 443/TCP entry beside an existing one is introduced, and the new one loses because it is younger', () => {
    const report = review('pr-adds-second-tcp-443-entry');
    const introduced = only(report.introduced);
    expect(report.resolved).toEqual([]);
    // The older entry already held 0.0.0.0_443's match-all chain alone, and still holds it.
    expect(rules(report.existing)).toEqual(['tcp-captures-port']);
    expect(introduced.newEntryRefs).toEqual(['egress/github']);
    expect(roles(introduced.finding)).toEqual({ 'egress/huaweicloud': 'winner', 'egress/github': 'shadowed' });
    expect(introduced.finding.explanation).toMatch(/already exists/);
    expect(report.baseEntryCount).toBe(1);
    expect(report.headEntryCount).toBe(2);
  });

  test('removing one of two colliding entries resolves the collision', () => {
    const report = review('pr-removes-colliding-entry');
    expect(report.introduced).toEqual([]);
    expect(only(report.resolved).finding.rule).toBe('tcp-shadowed');
  });

  test('switching both entries to TLS resolves the collision: SNI tells them apart', () => {
    const report = review('pr-switches-to-tls-resolves');
    expect(report.introduced).toEqual([]);
    // The collision, and the match-all chain that captured every undeclared host on 443.
    expect(rules(report.resolved)).toEqual(['tcp-captures-port', 'tcp-shadowed']);
  });

  test('an unrelated change leaves an old collision as existing, not introduced', () => {
    const report = review('pr-unrelated-change-keeps-existing');
    expect(report.introduced).toEqual([]);
    expect(only(collisions(report.existing)).finding.listener).toBe('0.0.0.0_443');
    expect(failsAt(report, 'info')).toBe(false);
  });

  test('a third entry joining an existing collision is introduced, naming only the new entry', () => {
    const report = review('pr-joins-existing-collision');
    const introduced = only(report.introduced);
    expect(introduced.newEntryRefs).toEqual(['dev/mysql-dev']);
    expect(introduced.finding.entries.find((e) => e.ref === 'dev/mysql-dev')!.role).toBe('shadowed');
    expect(rules(report.existing)).toEqual(['tcp-captures-port']);
  });

  test('two entries added in one pull request have an apply-order-dependent winner', () => {
    const introduced = only(collisions(review('pr-adds-two-entries-together').introduced));
    expect(roles(introduced.finding)).toEqual({ 'egress/github': 'undetermined', 'egress/huaweicloud': 'undetermined' });
  });

  test('a renamed file with the same entry keeps the entry old: nothing is introduced', () => {
    const { baseFiles } = reviewFixture('pr-unrelated-change-keeps-existing');
    const github = baseFiles.find((f) => f.path.endsWith('github.yaml'))!;
    const report = reviewChange({
      baseFiles,
      changes: [{ path: 'moved/github.yaml', previousPath: github.path, status: 'renamed', headText: github.text }],
      defaultNamespace: 'default',
    });
    expect(report.introduced).toEqual([]);
    expect(only(collisions(report.existing)).finding.entries.map((e) => e.portLocation.path)).toContain('moved/github.yaml');
  });

  test('the status check fails only for introduced findings at or above the level', () => {
    const report = review('pr-adds-second-tcp-443-entry');
    expect(failsAt(report, 'error')).toBe(true);
    expect(failsAt(report, 'warning')).toBe(true);
    expect(failsAt(report, 'never')).toBe(false);
    expect(failsAt(review('pr-removes-colliding-entry'), 'info')).toBe(false);
  });
});
