import { analyzeCase, only, roles } from '../../helpers/fixtures.js';
import type { AnalysisResult, Finding, RuleCode } from '../../../src/core/model.js';
import { reviewChange } from '../../../src/core/review/review-change.js';

// One fixture case per rule of ISTIO-SEMANTICS.md that issue #9 corrects or adds, and one per
// version difference. Each test names the Istio source function that decides the case.

function byRule(result: AnalysisResult, rule: RuleCode): Finding[] {
  return result.findings.filter((f) => f.rule === rule);
}

describe('rule 1: the root namespace Sidecar, with `.` as the consumer namespace', () => {
  // pilot/pkg/model/sidecar.go convertToSidecarScope: `if ns == currentNamespace { ns = configNamespace }`.
  test('the documented mesh-wide Sidecar ["./*", "istio-system/*"] lets egress see its own two entries collide', () => {
    const finding = only(byRule(analyzeCase('root-sidecar-dot-means-consumer-namespace'), 'tcp-shadowed'));
    expect(finding.namespaces).toEqual(['egress']);
    expect(finding.entries.map((e) => e.ref).sort()).toEqual(['egress/github', 'egress/huaweicloud']);
  });
});

describe('rule 2: a Sidecar egress port builds its listener with its own protocol', () => {
  // pilot/pkg/networking/core/listener.go buildSidecarOutboundListeners: protocol.Parse(egressListener.IstioListener.Port.Protocol).
  test('team-a declares 443 as TLS, so its sidecars match the two TCP entries by SNI: the collision spares team-a', () => {
    const result = analyzeCase('sidecar-egress-port-tls-matches-by-sni');
    const finding = only(byRule(result, 'tcp-shadowed'));
    expect(finding.namespaces).toEqual(['*']);
    expect(result.findings.every((f) => !f.namespaces.includes('team-a'))).toBe(true);
  });
});

describe('rule 3: one copy of a hostname per consumer namespace', () => {
  // pilot/pkg/model/sidecar.go (unified scoping, 1.24+): own namespace's copy, else the first imported.
  test('team-b keeps its own copy of api.partner.example.com, so team-a\'s 443 copy never meets other.example.com there', () => {
    const finding = only(byRule(analyzeCase('one-hostname-copy-per-consumer-namespace'), 'tcp-shadowed'));
    expect(finding.listener).toBe('0.0.0.0_443');
    expect(finding.namespaces).toEqual(['team-a', '*']);
    expect(roles(finding)).toEqual({ 'egress/other': 'winner', 'team-a/partner': 'shadowed' });
  });

  test('before 1.24 the first imported copy wins everywhere, so team-b sees the collision too', () => {
    const finding = only(byRule(analyzeCase('one-hostname-copy-per-consumer-namespace', { mesh: { istioVersion: '1.23' } }), 'tcp-shadowed'));
    expect(finding.namespaces).toEqual(['team-a', 'team-b', '*']);
  });
});

describe('rule 4: a 0.0.0.0 prefix is match-all', () => {
  // pilot/pkg/networking/core/listener.go filterChainOpts.conflictsWith: `if prefix.Addr().String() == constants.UnspecifiedIP { continue }`.
  test('0.0.0.0/0 in spec.addresses shares the wildcard chain with an entry without addresses', () => {
    const finding = only(byRule(analyzeCase('zero-prefix-address-is-match-all'), 'tcp-shadowed'));
    expect(finding.listener).toBe('0.0.0.0_5432');
    expect(finding.entries.map((e) => e.ref).sort()).toEqual(['data/any-pg', 'data/orders-pg']);
  });
});

describe('rule 5: HTTP beside TCP keeps both chains', () => {
  // pilot/pkg/networking/core/listener.go mergeTCPFilterChains / buildSidecarOutboundListener (sniffing listener).
  test('the TCP entry is not shadowed; only its plaintext-HTTP clients are routed by Host', () => {
    const finding = only(byRule(analyzeCase('http-and-tcp-on-one-port-sniffing'), 'http-tcp-sniffing'));
    expect(finding.entries.every((e) => e.role === 'winner')).toBe(true);
    expect(finding.explanation).toMatch(/keeps both chains/);
    expect(finding.explanation).toMatch(/plaintext HTTP/);
  });
});

describe('rule 6: private entries and named exports are one tier, in creation order', () => {
  // pilot/pkg/model/push_context.go initServiceRegistry: exportedToNamespace[ns] holds both, sorted by creation time.
  test('an older entry exported to team-a by name beats team-a\'s newer private entry', () => {
    const finding = only(byRule(analyzeCase('named-export-and-private-entry-are-one-tier'), 'tcp-shadowed'));
    expect(finding.namespaces).toEqual(['team-a']);
    expect(roles(finding)).toEqual({ 'platform/shared-mysql': 'winner', 'team-a/own-mysql': 'shadowed' });
    expect(finding.explanation).toMatch(/created first/);
  });
});

describe('rule 7: configScope never shipped', () => {
  // The ServiceEntry CRD (shared/istio) has no configScope: the API server prunes or rejects it (ValidateServiceEntry never sees it).
  test('an entry relying on configScope is public, with an error diagnostic that teaches exportTo', () => {
    const result = analyzeCase('legacy-config-scope-private');
    expect(only(byRule(result, 'tcp-shadowed')).namespaces).toEqual(['*']);
    const diagnostics = result.diagnostics.filter((d) => d.code === 'config-scope-ignored');
    expect(diagnostics.map((d) => d.severity)).toEqual(['error', 'error']);
    expect(diagnostics[0]!.message).toMatch(/exportTo: \["\."\]/);
  });
});

describe('rule 8: a lone TCP-class entry captures the port', () => {
  // pilot/pkg/networking/core/listener.go buildSidecarOutboundListener: a match-all filter chain on 0.0.0.0_<port>
  // takes what would go to PassthroughCluster / BlackHoleCluster (sidecar_simulation_test.go TestPassthroughTraffic).
  test('a resolving TCP entry on 443 is an error under ALLOW_ANY: undeclared HTTPS meets the wrong certificate', () => {
    const finding = only(analyzeCase('lone-tcp-entry-captures-443').findings);
    expect(finding).toMatchObject({ rule: 'tcp-captures-port', severity: 'error', listener: '0.0.0.0_443' });
    expect(finding.explanation).toMatch(/wrong server and certificate/);
    expect(finding.fixes[0]).toMatch(/protocol: TLS/);
  });

  test('beside entries it shadows, only the holder of the chain is named, so adding or removing a competitor keeps the finding', () => {
    const finding = only(byRule(analyzeCase('tcp-over-tcp-older-entry-wins'), 'tcp-captures-port'));
    expect(roles(finding)).toEqual({ 'egress/huaweicloud': 'winner' });
    expect(finding.id).toBe(only(byRule(analyzeCase('lone-tcp-entry-captures-443'), 'tcp-captures-port')).id);
  });

  test('under REGISTRY_ONLY the same entry misdelivers what would be blocked: a warning', () => {
    const finding = only(analyzeCase('lone-tcp-entry-captures-443', { mesh: { outboundTrafficPolicy: 'REGISTRY_ONLY' } }).findings);
    expect(finding).toMatchObject({ rule: 'tcp-captures-port', severity: 'warning' });
  });

  test('a passthrough (NONE) entry is info under ALLOW_ANY and an error under REGISTRY_ONLY: it opens the lockdown', () => {
    expect(only(analyzeCase('lone-passthrough-entry-opens-registry-only').findings).severity).toBe('info');
    const locked = only(analyzeCase('lone-passthrough-entry-opens-registry-only', { mesh: { outboundTrafficPolicy: 'REGISTRY_ONLY' } }).findings);
    expect(locked.severity).toBe('error');
    expect(locked.explanation).toMatch(/egress lockdown is bypassed/);
  });

  test('no TLS fix is offered for a database port, whose TLS starts inside the protocol', () => {
    const result = analyzeCase('mysql-and-tcp-well-known-port-ignored');
    for (const finding of result.findings) expect(finding.fixes.join('\n')).not.toMatch(/protocol: TLS/);
  });
});

describe('rule 9: one hostname split over several entries', () => {
  // pilot/pkg/model/sidecar.go (one service per hostname per sidecar); same namespace: several VIPs (istio/istio#53676).
  test('consumers that keep platform\'s copy lose port 9443, which only team-b declares', () => {
    const finding = only(byRule(analyzeCase('one-hostname-split-over-namespaces'), 'host-split'));
    expect(finding.severity).toBe('warning');
    expect(finding.namespaces).toEqual(['platform', '*']);
    expect(roles(finding)).toEqual({ 'platform/partner': 'winner', 'team-b/partner': 'shadowed' });
    expect(finding.explanation).toMatch(/port 9443 that only team-b\/partner declares is missing/);
    expect(finding.fixes[0]).toMatch(/^Consolidate/);
  });

  test('in one namespace the ports merge: no finding without VIPs, a finding when DNS capture gives each entry its own VIP (1.25+)', () => {
    expect(byRule(analyzeCase('one-hostname-split-in-one-namespace-several-vips'), 'host-split')).toEqual([]);
    const finding = only(byRule(analyzeCase('one-hostname-split-in-one-namespace-several-vips', { mesh: { dnsCapture: true } }), 'host-split'));
    expect(finding.explanation).toMatch(/own auto-allocated VIP/);
    expect(byRule(analyzeCase('one-hostname-split-in-one-namespace-several-vips', { mesh: { dnsCapture: true, istioVersion: '1.24' } }), 'host-split')).toEqual([]);
  });
});

describe('version profiles', () => {
  // pilot/pkg/model/push_context.go SortServicesByCreationTime: 1.23+ compares host, then namespace; ≤1.22 the string host.namespace.
  test('same-second tie: api.example wins from 1.23, api.example.net up to 1.22, and the explanation names the version', () => {
    const now = only(byRule(analyzeCase('tie-break-host-namespace-string-before-1-23'), 'tcp-shadowed'));
    expect(roles(now)).toEqual({ 'zz/api': 'winner', 'aa/api-net': 'shadowed' });
    expect(now.explanation).toMatch(/Analysed as Istio 1\.30/);
    const old = only(byRule(analyzeCase('tie-break-host-namespace-string-before-1-23', { mesh: { istioVersion: '1.22' } }), 'tcp-shadowed'));
    expect(roles(old)).toEqual({ 'aa/api-net': 'winner', 'zz/api': 'shadowed' });
    expect(old.explanation).toMatch(/Analysed as Istio 1\.22/);
  });

  // Auto-allocation (pilot/pkg/serviceregistry/serviceentry, ipallocate controller) is used by a sidecar only with DNS capture.
  test('DNS capture alone removes the wildcard collision from 1.25 (allocation on by default), not in 1.24', () => {
    expect(byRule(analyzeCase('dns-capture-allocates-vips-from-1-25'), 'tcp-shadowed')).toHaveLength(1);
    expect(byRule(analyzeCase('dns-capture-allocates-vips-from-1-25', { mesh: { dnsCapture: true, istioVersion: '1.25' } }), 'tcp-shadowed')).toEqual([]);
    expect(byRule(analyzeCase('dns-capture-allocates-vips-from-1-25', { mesh: { dnsCapture: true, istioVersion: '1.24' } }), 'tcp-shadowed')).toHaveLength(1);
    expect(byRule(analyzeCase('dns-capture-allocates-vips-from-1-25', { mesh: { dnsCapture: true, ipAutoAllocate: false } }), 'tcp-shadowed')).toHaveLength(1);
    // 1.24 with PILOT_ENABLE_IP_AUTOALLOCATE turned on: the controller's VIPs already follow DNS capture; 1.23 not yet.
    expect(byRule(analyzeCase('dns-capture-allocates-vips-from-1-25', { mesh: { dnsCapture: true, ipAutoAllocate: true, istioVersion: '1.24' } }), 'tcp-shadowed')).toEqual([]);
    expect(byRule(analyzeCase('dns-capture-allocates-vips-from-1-25', { mesh: { dnsCapture: true, ipAutoAllocate: true, istioVersion: '1.23' } }), 'tcp-shadowed')).toHaveLength(1);
  });

  test('DNS capture is per consumer: a namespace with it is spared, the others still collide', () => {
    const finding = only(byRule(analyzeCase('dns-capture-allocates-vips-from-1-25', { mesh: { dnsCaptureByNamespace: { 'team-a': true }, rootNamespace: 'istio-system' } }), 'tcp-shadowed'));
    expect(finding.namespaces).toEqual(['*']);
  });

  test('status.addresses written by the allocation controller are used by sidecars with DNS capture (1.24+)', () => {
    expect(byRule(analyzeCase('status-addresses-used-with-dns-capture'), 'tcp-shadowed')).toHaveLength(1);
    expect(byRule(analyzeCase('status-addresses-used-with-dns-capture', { mesh: { dnsCapture: true, istioVersion: '1.24', ipAutoAllocate: false } }), 'tcp-shadowed')).toEqual([]);
  });

  test('controller-managed addresses (e.g. Aeraki) take entries off the wildcard listener', () => {
    expect(analyzeCase('seed-huaweicloud-github', { mesh: { controllerManagedAddresses: true } }).findings).toEqual([]);
  });

  // SidecarScope (Istio PR #60473, 1.31+): exact, namespaced egress hosts keep plain creation order.
  test('exact-hosts Sidecar: the private entry wins in 1.30, the older shared one from 1.31', () => {
    const v130 = only(byRule(analyzeCase('sidecar-exact-hosts-keeps-creation-order'), 'tcp-shadowed'));
    expect(roles(v130)).toEqual({ 'team-a/own-mysql': 'winner', 'platform/shared-mysql': 'shadowed' });
    const v131 = only(byRule(analyzeCase('sidecar-exact-hosts-keeps-creation-order', { mesh: { istioVersion: '1.31' } }), 'tcp-shadowed'));
    expect(roles(v131)).toEqual({ 'platform/shared-mysql': 'winner', 'team-a/own-mysql': 'shadowed' });
  });
});

describe('a verdict that depends on the Istio version says so', () => {
  const note = (f: Finding) => /Analysed as Istio [^]*$/.exec(f.explanation)?.[0] ?? '';

  // pilot/pkg/model/push_context.go SortServicesByCreationTime: the tie-break changed in 1.23.
  test('1.23 tie-break: the winner of a same-second tie names the releases where the other entry wins', () => {
    const finding = only(byRule(analyzeCase('tie-break-host-namespace-string-before-1-23'), 'tcp-shadowed'));
    expect(note(finding)).toBe('Analysed as Istio 1.30; this verdict depends on the version: in Istio 1.22 and earlier, aa/api-net wins instead (same-second creation ties compare the string host.namespace).');
  });

  // pilot/pkg/model/sidecar.go (unified sidecar scoping, 1.24): one copy of a hostname per consumer, its own namespace's first.
  test('1.24 unified scoping: team-b is spared from 1.24 on; the note says who sees it before', () => {
    const finding = only(byRule(analyzeCase('one-hostname-copy-per-consumer-namespace'), 'tcp-shadowed'));
    expect(note(finding)).toMatch(/in Istio 1\.23 and earlier, seen by team-a, team-b, every other namespace \(a sidecar keeps the first imported copy of a hostname/);
  });

  // pilot/pkg/serviceregistry/serviceentry (ip allocation controller): status.addresses used by sidecars with DNS capture from 1.24.
  test('1.24 status.addresses: analysed as 1.23 with DNS capture, the collision says it is gone from 1.24', () => {
    const finding = only(byRule(analyzeCase('status-addresses-used-with-dns-capture', { mesh: { dnsCapture: true, istioVersion: '1.23' } }), 'tcp-shadowed'));
    expect(note(finding)).toMatch(/in Istio 1\.24, no such finding \(sidecars with DNS capture use status\.addresses/);
  });

  // PILOT_ENABLE_IP_AUTOALLOCATE on by default (1.25, pilot/pkg/features); used by a sidecar only with DNS capture.
  test('1.25 auto-allocation: as 1.24 the finding says 1.25+ avoids it; as 1.30 an info diagnostic says 1.24 and earlier would report it', () => {
    const old = only(byRule(analyzeCase('dns-capture-allocates-vips-from-1-25', { mesh: { dnsCapture: true, istioVersion: '1.24' } }), 'tcp-shadowed'));
    expect(note(old)).toBe('Analysed as Istio 1.24; this verdict depends on the version: in Istio 1.25 and later, no such finding (istiod allocates VIPs by default and sidecars with DNS capture use them).');
    const now = analyzeCase('dns-capture-allocates-vips-from-1-25', { mesh: { dnsCapture: true } });
    expect(now.findings).toEqual([]);
    const said = now.diagnostics.filter((d) => d.code === 'version-dependent');
    expect(said.map((d) => d.severity)).toEqual(['info', 'info']);
    expect(said.find((d) => d.message.includes('tcp-shadowed'))!.message).toMatch(/^Istio 1\.24 and earlier would report tcp-shadowed on 0\.0\.0\.0_443 \(egress\/github, egress\/huaweicloud\), which Istio 1\.30, as analysed, avoids/);
  });

  // SidecarScope (Istio PR #60473, 1.31): exact, namespaced egress hosts keep plain creation order.
  test('1.31 exact-hosts Sidecar: each side names the other release\'s winner', () => {
    const v130 = only(byRule(analyzeCase('sidecar-exact-hosts-keeps-creation-order'), 'tcp-shadowed'));
    expect(note(v130)).toBe('Analysed as Istio 1.30; this verdict depends on the version: in Istio 1.31 and later, platform/shared-mysql wins instead (a Sidecar with only exact, namespaced egress hosts keeps plain creation order).');
    const v131 = only(byRule(analyzeCase('sidecar-exact-hosts-keeps-creation-order', { mesh: { istioVersion: '1.31' } }), 'tcp-shadowed'));
    expect(note(v131)).toMatch(/in Istio 1\.30 and earlier, team-a\/own-mysql wins instead/);
  });

  test('a verdict no release changes carries no note', () => {
    for (const f of analyzeCase('seed-huaweicloud-github').findings) expect(f.explanation).not.toMatch(/depends on the version/);
  });
});

describe('explanations never misstate Istio', () => {
  const entry = (name: string, host: string, port: number, protocol = 'TCP', extra = '') => `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: ${name}
  namespace: egress
spec:
  hosts: [${host}]
  ports:
    - number: ${port}
      name: p${port}
${protocol ? `      protocol: ${protocol}\n` : ''}  resolution: DNS
${extra}`;
  const accepting = () => [];
  const review = (port: number, host = 'b.db.internal', protocol = 'TCP') => reviewChange({
    baseFiles: [{ path: 'a.yaml', text: entry('a', 'a.db.internal', port, protocol) }],
    changes: [{ path: 'b.yaml', status: 'added', headText: entry('b', host, port, protocol) }],
    defaultNamespace: 'default',
    fixes: { validate: accepting },
  });

  // MySQL, PostgreSQL, Redis, MongoDB and SMTP/STARTTLS clients never open with a ClientHello, so an SNI match sees no name.
  test.each([3306, 5432, 6379, 27017, 587])('port %i: neither the generic nor the verified fixes offer protocol: TLS', (port) => {
    const report = review(port);
    expect(report.introduced.length).toBeGreaterThan(0);
    for (const { finding } of report.introduced) {
      expect(finding.fixes.join('\n')).not.toMatch(/protocol: TLS|SNI/);
      expect((report.suggestions[finding.id] ?? []).map((s) => s.kind)).not.toContain('tls');
    }
  });

  test('a VIP is offered with its caveat, after the fixes that work without DNS capture', () => {
    const finding = review(5432).introduced.find((c) => c.finding.rule === 'tcp-shadowed')!.finding;
    const vip = finding.fixes.findIndex((f) => f.includes('reserved VIP'));
    expect(finding.fixes[vip]).toMatch(/only helps clients that connect to it/);
    expect(finding.fixes.findIndex((f) => f.includes('exportTo'))).toBeLessThan(vip);
  });

  test('no port move for a MESH_EXTERNAL entry of a real external host, generic or verified', () => {
    const report = review(5432, 'pg.partner.example.com');
    for (const { finding } of report.introduced) {
      expect(finding.fixes.join('\n')).not.toMatch(/another port/);
      expect((report.suggestions[finding.id] ?? []).map((s) => s.kind)).not.toContain('port');
    }
  });

  test('unset protocol: the explanation says plaintext HTTP still routes by Host', () => {
    const finding = review(9000, 'b.db.internal', '').introduced.find((c) => c.finding.rule === 'tcp-shadowed')!.finding;
    expect(finding.explanation).toMatch(/plaintext HTTP clients are still routed by Host header/);
  });
});
