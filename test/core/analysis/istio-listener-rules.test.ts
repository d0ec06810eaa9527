import type { AnalyzeOptions } from '../../../src/core/analysis/analyze.js';
import { analyzeCase as analyzeAll, only, roles } from '../../helpers/fixtures.js';

/**
 * These cases are about entries meeting each other; most also leave a TCP
 * match-all chain on a port, whose holder tcp-captures-port reports (tested in
 * test/core/analysis/fidelity-rules.test.ts), so it is set aside here.
 */
function analyzeCase(name: string, options: AnalyzeOptions = {}) {
  const result = analyzeAll(name, options);
  return { ...result, findings: result.findings.filter((f) => f.rule !== 'tcp-captures-port') };
}

// One fixture folder per case of ISTIO-SEMANTICS.md §1-6, named after it.
describe('TCP over TCP on the wildcard listener', () => {
  test('the seed case: two 443/TCP DNS entries without addresses collide on 0.0.0.0_443, winner unknown without creation times', () => {
    const finding = only(analyzeCase('seed-huaweicloud-github').findings);
    expect(finding).toMatchObject({ rule: 'tcp-shadowed', severity: 'error', listener: '0.0.0.0_443', port: 443, protocols: ['TCP'], namespaces: ['*'] });
    expect(roles(finding)).toEqual({ 'egress/github': 'undetermined', 'egress/huaweicloud': 'undetermined' });
    expect(finding.explanation).toMatch(/creation order/);
  });

  test('the entry created first keeps the listener and the younger one is shadowed', () => {
    const finding = only(analyzeCase('tcp-over-tcp-older-entry-wins').findings);
    expect(roles(finding)).toEqual({ 'egress/huaweicloud': 'winner', 'egress/github': 'shadowed' });
    expect(finding.title).toContain('github.com');
    expect(finding.explanation).toMatch(/created first/);
  });

  test('created in the same second, the hostname that sorts first wins', () => {
    const finding = only(analyzeCase('tcp-over-tcp-same-second-hostname-order').findings);
    expect(roles(finding)).toEqual({ 'egress/alpha': 'winner', 'egress/zeta': 'shadowed' });
    expect(finding.explanation).toMatch(/hostname sorts first/);
  });

  test('three MySQL entries on 3306 give one finding listing all three, not three pairs', () => {
    const finding = only(analyzeCase('mysql-prod-test-dev-one-port').findings);
    expect(finding.entries.map((e) => e.ref).sort()).toEqual(['dev/mysql-dev', 'prod/mysql-prod', 'test/mysql-test']);
    expect(finding.listener).toBe('0.0.0.0_3306');
  });

  test('REDIS is TCP-class: three Redis entries on 6379 collide', () => {
    const finding = only(analyzeCase('redis-three-namespaces').findings);
    expect(finding).toMatchObject({ rule: 'tcp-shadowed', listener: '0.0.0.0_6379' });
    expect(finding.entries).toHaveLength(3);
  });

  test('an unset protocol is sniffed, not inferred from the port name, and its TCP chain still collides', () => {
    const finding = only(analyzeCase('unset-protocol-sniffed-still-collides').findings);
    expect(finding.rule).toBe('tcp-shadowed');
    expect(finding.protocols).toEqual(['TCP', 'unset (sniffed)']);
  });

  test('a passthrough (resolution NONE) winner lowers the collision to a warning and says traffic still arrives', () => {
    const finding = only(analyzeCase('resolution-none-winner-passes-through').findings);
    expect(finding.severity).toBe('warning');
    expect(roles(finding)).toEqual({ 'egress/passthrough': 'winner', 'egress/partner': 'shadowed' });
    expect(finding.explanation).toMatch(/original destination/);
  });

  test('one entry with several hosts on a TCP port collides with itself', () => {
    const finding = only(analyzeCase('multi-host-tcp-entry-collides-with-itself').findings);
    expect(finding).toMatchObject({ rule: 'multi-host-tcp', severity: 'error', listener: '0.0.0.0_5432' });
    expect(finding.entries[0]!.hosts).toEqual(['pg-primary.example.com', 'pg-replica.example.com']);
  });
});

describe('TLS', () => {
  test('TLS entries for different hosts share 0.0.0.0_443 by SNI without a finding', () => {
    expect(analyzeCase('tls-different-hosts-share-by-sni').findings).toEqual([]);
  });

  test('TLS entries bound to the same IP have no SNI to tell them apart: the later is dropped', () => {
    const finding = only(analyzeCase('tls-same-address-shadowed').findings);
    expect(finding).toMatchObject({ rule: 'tls-shadowed', severity: 'error', listener: '10.20.0.5_443' });
  });

  test('a TCP entry beside TLS entries becomes the default chain and captures unmatched SNI', () => {
    const finding = only(analyzeCase('tls-and-tcp-on-one-port-tcp-captures-default').findings);
    expect(finding).toMatchObject({ rule: 'tcp-captures-tls-port', severity: 'warning', listener: '0.0.0.0_443' });
    expect(finding.title).toMatch(/^github\.com takes every connection/);
  });
});

describe('HTTP', () => {
  test('HTTP entries share a port by Host header, even one with addresses', () => {
    expect(analyzeCase('http-and-http-route-by-host').findings).toEqual([]);
  });

  test('HTTP and TCP on one port merge into a sniffing listener', () => {
    const finding = only(analyzeCase('http-and-tcp-on-one-port-sniffing').findings);
    expect(finding).toMatchObject({ rule: 'http-tcp-sniffing', severity: 'warning', listener: '0.0.0.0_80' });
    // Both chains stay: the TCP entry is not shadowed, only its plaintext-HTTP clients go by Host.
    expect(roles(finding)).toEqual({ 'egress/httpbin': 'winner', 'egress/legacy': 'winner' });
    expect(finding.explanation).toMatch(/not shadowed/);
  });
});

describe('well-known ports', () => {
  test('a TCP port after a MYSQL port on the same listener is ignored entirely', () => {
    const finding = only(analyzeCase('mysql-and-tcp-well-known-port-ignored').findings);
    expect(finding).toMatchObject({ rule: 'well-known-port-protocol', severity: 'error' });
    expect(roles(finding)).toEqual({ 'data/orders-db': 'winner', 'data/billing-db': 'shadowed' });
  });
});

describe('addresses and CIDRs', () => {
  test('distinct IPs give distinct listeners', () => {
    expect(analyzeCase('distinct-addresses-no-collision').findings).toEqual([]);
  });

  test('overlapping CIDRs both stay, the longest prefix takes the shared range', () => {
    const finding = only(analyzeCase('cidr-overlap-longest-prefix').findings);
    expect(finding).toMatchObject({ rule: 'cidr-overlap', severity: 'info' });
    expect(roles(finding)).toEqual({ 'net/corp-db': 'winner', 'net/corp-wide': 'shadowed' });
  });

  test('CIDRs equal once masked are the same chain match: one is dropped', () => {
    const finding = only(analyzeCase('cidr-identical-masked-shadowed').findings);
    expect(finding).toMatchObject({ rule: 'tcp-shadowed', listener: '0.0.0.0_5432' });
  });

  test('IPv6 CIDRs overlap like IPv4 ones', () => {
    expect(only(analyzeCase('ipv6-cidr-overlap').findings).rule).toBe('cidr-overlap');
  });

  test('a /128 is a plain IP, and IPv6 spellings of one address are one listener', () => {
    const finding = only(analyzeCase('ipv6-slash-128-is-an-ip').findings);
    expect(finding.listener).toBe('2001:db8::7_8080');
  });

  test('resolution NONE with endpoints or a selector binds per endpoint and never shares the wildcard', () => {
    expect(analyzeCase('none-with-endpoints-binds-per-endpoint').findings).toEqual([]);
  });

  test('UDP ports get no listener', () => {
    expect(analyzeCase('udp-ports-get-no-listener').findings).toEqual([]);
  });
});

describe('visibility', () => {
  test('entries exported only to their own, different namespaces never meet', () => {
    expect(analyzeCase('export-to-dot-in-different-namespaces').findings).toEqual([]);
  });

  test('configScope never shipped: the entries are public and collide, and each gets an error teaching exportTo', () => {
    const result = analyzeCase('legacy-config-scope-private');
    expect(only(result.findings)).toMatchObject({ rule: 'tcp-shadowed', listener: '0.0.0.0_6379' });
    const scope = result.diagnostics.filter((d) => d.code === 'config-scope-ignored');
    expect(scope).toHaveLength(2);
    expect(scope[0]).toMatchObject({ severity: 'error' });
    expect(scope[0]!.message).toContain('exportTo: ["."]');
  });

  test('exportTo "~" hides an entry from every sidecar', () => {
    expect(analyzeCase('export-to-none-hidden').findings).toEqual([]);
  });

  test('a namespace-private entry beats an older public one, for that namespace only', () => {
    const finding = only(analyzeCase('private-entry-wins-in-its-namespace').findings);
    expect(finding.namespaces).toEqual(['team-a']);
    expect(roles(finding)).toEqual({ 'team-a/own-mysql': 'winner', 'platform/shared-mysql': 'shadowed' });
    expect(finding.explanation).toMatch(/private or exported by name/);
  });

  test('a mesh defaultServiceExportTo of "." keeps entries in their namespaces', () => {
    expect(analyzeCase('redis-three-namespaces', { mesh: { defaultExportTo: ['.'] } }).findings).toEqual([]);
  });

  test('a Sidecar whose egress hosts import one of two entries spares its namespace', () => {
    const finding = only(analyzeCase('sidecar-egress-hides-one-entry').findings);
    expect(finding.namespaces).toEqual(['*']);
    expect(finding.namespaces).not.toContain('team-a');
  });

  test('a Sidecar in the root namespace scopes every namespace without its own', () => {
    const result = analyzeCase('sidecar-egress-hides-one-entry', { mesh: { rootNamespace: 'team-a' } });
    expect(result.findings).toEqual([]);
  });
});

describe('auto-allocation and same host', () => {
  test('with DNS auto-allocation, DNS entries get their own VIPs; NONE entries still share the wildcard', () => {
    expect(only(analyzeCase('auto-allocation-removes-wildcard-collision').findings).entries).toHaveLength(4);
    const withAllocation = only(analyzeCase('auto-allocation-removes-wildcard-collision', { mesh: { autoAllocate: true } }).findings);
    expect(Object.keys(roles(withAllocation)).sort()).toEqual(['egress/passthrough-a', 'egress/passthrough-b']);
  });

  test('the same host in two entries is one service per sidecar: a same-host finding, not a listener collision', () => {
    const finding = only(analyzeCase('same-host-in-two-entries').findings);
    expect(finding).toMatchObject({ rule: 'same-host', listener: 'outbound|443||github.com' });
    expect(finding.severity).toBe('warning'); // TCP vs TLS: the protocols disagree (IST0177)
  });
});

describe('findings', () => {
  test('ids are content fingerprints: the same collision in other files and lines keeps its id', () => {
    const a = only(analyzeCase('seed-huaweicloud-github').findings);
    const b = only(analyzeCase('tcp-over-tcp-older-entry-wins').findings);
    expect(a.id).toBe(b.id);
    expect(a.membersFingerprint).not.toBe(b.membersFingerprint);
  });

  test('each entry carries the file and line of its port', () => {
    const finding = only(analyzeCase('seed-huaweicloud-github').findings);
    const github = finding.entries.find((e) => e.ref === 'egress/github')!;
    expect(github.portLocation).toEqual({ path: 'test/fixtures/cases/seed-huaweicloud-github/github.yaml', line: 12, column: 7 });
    expect(github.location.line).toBe(2);
  });
});

describe('Sidecar import modes', () => {
  test('Istio 1.31+: with only exact, namespaced egress hosts, creation order decides even against a private entry', () => {
    const finding = only(analyzeCase('sidecar-exact-hosts-keeps-creation-order', { mesh: { istioVersion: '1.31' } }).findings);
    expect(finding.namespaces).toEqual(['team-a']);
    expect(roles(finding)).toEqual({ 'platform/shared-mysql': 'winner', 'team-a/own-mysql': 'shadowed' });
  });
});

describe('Sidecar egress listeners with a port', () => {
  test('a listener bound to 443 decides what team-a sees on 443; the catch-all decides the rest', () => {
    const finding = only(analyzeCase('sidecar-port-listener-scopes-its-port').findings);
    expect(finding.namespaces).toEqual(['*']);
  });
});

describe('roles across namespaces', () => {
  test('public entries keep the role every other namespace sees, and list where a private entry shadows them', () => {
    const finding = only(analyzeCase('public-collision-beside-a-private-entry').findings);
    expect(finding.namespaces).toEqual(['team-a', '*']);
    expect(roles(finding)).toEqual({ 'cache-a/redis': 'undetermined', 'cache-b/redis': 'undetermined', 'team-a/redis': 'winner' });
    const publicEntry = finding.entries.find((e) => e.ref === 'cache-a/redis')!;
    expect(publicEntry.losesFor).toEqual(['team-a']);
  });
});
