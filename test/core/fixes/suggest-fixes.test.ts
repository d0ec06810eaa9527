import { reviewChange } from '../../../src/core/review/review-change.js';
import type { ManifestValidator } from '../../../src/core/fixes/suggest-fixes.js';
import { only, reviewFixture } from '../../helpers/fixtures.js';
import { renderReviewMarkdown } from '../../../src/core/render/markdown.js';
import { escapeMarkdown } from '../../../src/core/render/escape.js';

const accepting: ManifestValidator = () => [];

function suggestionsFor(name: string, validate: ManifestValidator = accepting) {
  const report = reviewChange({ ...reviewFixture(name), defaultNamespace: 'default', fixes: { validate } });
  const finding = only(report.introduced).finding;
  return { report, finding, suggestions: report.suggestions[finding.id] ?? [] };
}

describe('verified fix suggestions', () => {
  test('the seed pull request gets TLS first (443 carries SNI), then a VIP for its own entry, and never another port for a real external host', () => {
    const { suggestions } = suggestionsFor('pr-adds-second-tcp-443-entry');
    // github.com is MESH_EXTERNAL: its port belongs to GitHub, so moving it is no fix (ISTIO-SEMANTICS §8e).
    expect(suggestions.map((s) => s.kind)).toEqual(['tls', 'addresses']);
    expect(suggestions.find((s) => s.kind === 'addresses')!.cost).toMatch(/only helps clients that connect to it/);
  });

  test('TLS is proposed for every TCP member, since one left on TCP would capture the others\' traffic', () => {
    const tls = suggestionsFor('pr-adds-second-tcp-443-entry').suggestions.find((s) => s.kind === 'tls')!;
    expect(tls.changes.map((c) => c.path).sort()).toEqual(['deploy/github.yaml', 'deploy/huaweicloud.yaml']);
    for (const change of tls.changes) expect(change).toMatchObject({ originalLines: ['      protocol: TCP'], replacementLines: ['      protocol: TLS'] });
  });

  test('the VIP goes on the pull request\'s own entry, never an address any entry lists', () => {
    const vip = suggestionsFor('pr-adds-second-tcp-443-entry').suggestions.find((s) => s.kind === 'addresses')!;
    expect(only(vip.changes).path).toBe('deploy/github.yaml');
    expect(only(vip.changes).replacementLines.join('\n')).toMatch(/addresses:\n {4}- "240\.241\.\d+\.\d+"/);
  });

  test('exportTo "." is not offered when the entry\'s own namespace would still see both', () => {
    expect(suggestionsFor('pr-adds-second-tcp-443-entry').suggestions.map((s) => s.kind)).not.toContain('export-to');
  });

  test('for a database port, a VIP comes before TLS, and the new entry alone is changed', () => {
    const { suggestions } = suggestionsFor('pr-joins-existing-collision');
    expect(suggestions[0]!.kind).toBe('addresses');
    expect(only(suggestions[0]!.changes).path).toBe('deploy/mysql-dev.yaml');
    expect(suggestions.map((s) => s.kind)).not.toContain('tls'); // TLS would have to touch all three and port 3306 is not a TLS port
  });

  test('where the change dropped an exportTo that kept the entry out of sight, restoring it is the first fix, and leads the generic list too', () => {
    const { report, finding, suggestions } = suggestionsFor('pr-drops-export-to');
    expect(suggestions[0]!.kind).toBe('restore');
    expect(suggestions[0]!.title).toBe('Restore what this change removed: exportTo ["."] on team-a/api, as on the base branch');
    expect(only(suggestions[0]!.changes)).toMatchObject({ path: 'deploy/team-a-api.yaml', replacementLines: expect.arrayContaining(['  exportTo:', '    - "."']) });
    expect(renderReviewMarkdown(report)).toContain(`**Fixes, best first:**\n1. ${escapeMarkdown(suggestions[0]!.title)}.`);
    expect(finding.rule).toBe('tcp-shadowed');
  });

  test('a fix whose manifest the CRD would reject is not offered', () => {
    const rejecting: ManifestValidator = () => [{ path: 'spec', message: 'rejected' }];
    expect(suggestionsFor('pr-adds-second-tcp-443-entry', rejecting).suggestions).toEqual([]);
  });

  test('without the fixes option no suggestion is computed', () => {
    const report = reviewChange({ ...reviewFixture('pr-adds-second-tcp-443-entry'), defaultNamespace: 'default' });
    expect(report.suggestions).toEqual({});
  });
});

describe('verified against Istio\'s CRD', () => {
  test('every suggestion for the seed pull request passes the real schema and CEL rules', async () => {
    const { validateServiceEntryManifest } = await import('../../../src/core/crd/validate-manifest.js');
    const { suggestions } = suggestionsFor('pr-adds-second-tcp-443-entry', validateServiceEntryManifest);
    expect(suggestions.map((s) => s.kind)).toEqual(['tls', 'addresses']);
  });

  test('the validator suggestions go through rejects what the CRD rejects, e.g. a CIDR address on a DNS entry', async () => {
    const { validateServiceEntryManifest } = await import('../../../src/core/crd/validate-manifest.js');
    const messages = validateServiceEntryManifest({ spec: { hosts: ['a'], addresses: ['10.0.0.0/16'], resolution: 'DNS' } }).map((v) => v.message);
    expect(messages.join('\n')).toMatch(/CIDR addresses are allowed only for NONE\/STATIC resolution types/);
  });
});

describe('fixes for an entry that holds a port alone (tcp-captures-port)', () => {
  test('TLS first, then a VIP; not exportTo, which leaves the port captured where the entry stays, and no port move for a real external host', () => {
    const { finding, suggestions } = suggestionsFor('pr-adds-lone-tcp-443-entry');
    expect(finding).toMatchObject({ rule: 'tcp-captures-port', severity: 'error', listener: '0.0.0.0_443' });
    expect(suggestions.map((s) => s.kind)).toEqual(['tls', 'addresses']);
    expect(only(suggestions[0]!.changes)).toMatchObject({ path: 'deploy/partner.yaml', replacementLines: ['      protocol: TLS'] });
  });

  test('outside the allocation prefix the mesh names, the VIP still comes from the pool', () => {
    const report = reviewChange({ ...reviewFixture('pr-adds-lone-tcp-443-entry'), defaultNamespace: 'default', mesh: { autoAllocatePrefix: '240.241.0.0/17' }, fixes: { validate: accepting } });
    const vip = report.suggestions[only(report.introduced).finding.id]!.find((s) => s.kind === 'addresses')!;
    // 240.241.0.0/17 is taken by the mesh's allocator: what is left of the default pool is its upper half.
    expect(only(vip.changes).replacementLines.join('\n')).toMatch(/- "240\.241\.(12[89]|1[3-9]\d|2\d\d)\.\d+"/);
  });
});

describe('suggestions stay reviewable', () => {
  test('TLS is not proposed when it would have to change more than five existing entries', () => {
    const entry = (i: number) => ({
      path: `deploy/e${i}.yaml`,
      text: `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: e${i}\n  namespace: egress\nspec:\n  hosts: [h${i}.example.com]\n  ports:\n    - number: 443\n      name: tcp\n      protocol: TCP\n  resolution: DNS\n`,
    });
    const base = Array.from({ length: 6 }, (_, i) => entry(i));
    const added = entry(6);
    const report = reviewChange({ baseFiles: base, changes: [{ path: added.path, status: 'added', headText: added.text }], defaultNamespace: 'default', fixes: { validate: accepting } });
    const finding = only(report.introduced).finding;
    // h6.example.com is MESH_EXTERNAL (the default) with a public name: no port move either.
    expect(report.suggestions[finding.id]!.map((s) => s.kind)).toEqual(['addresses']);
  });
});
