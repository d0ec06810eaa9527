import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../../src/core/analysis/analyze.js';
import { loadSources } from '../../../src/core/load/load-sources.js';
import type { Diagnostic, LoadResult, SourceFile } from '../../../src/core/model.js';

const FIXTURES = new URL('../../fixtures/loader/', import.meta.url);

function fixture(name: string): SourceFile {
  return { path: `loader/${name}`, text: readFileSync(new URL(name, FIXTURES), 'utf8') };
}

function load(...names: string[]): LoadResult {
  return loadSources(names.map(fixture), { defaultNamespace: 'fallback' });
}

/** `code@line:column`, the part of a diagnostic a person acts on. */
const where = (d: Diagnostic) => `${d.code}@${d.location.path}:${d.location.line}:${d.location.column}`;

describe('multi-document files', () => {
  test('every ServiceEntry document loads; comment-only, empty and end-marker documents are skipped silently', () => {
    const { entries, diagnostics } = load('multi-document.yaml');
    expect(entries.map((e) => e.ref)).toEqual(['egress/first', 'egress/second', 'egress/third']);
    expect(diagnostics).toEqual([]);
  });

  test('each document keeps the line it starts on in the file, not in the document', () => {
    const { entries } = load('multi-document.yaml');
    expect(entries.map((e) => e.location.line)).toEqual([2, 16, 28]);
    expect(entries.map((e) => e.hostsLocation.line)).toEqual([8, 22, 34]);
    expect(entries.map((e) => e.ports[0]!.location.line)).toEqual([10, 24, 36]);
  });

  test('the two 443/TCP documents of one file collide with each other', () => {
    const result = analyze(load('multi-document.yaml'));
    expect(result.findings.map((f) => [f.rule, f.listener, f.entries.map((e) => e.ref).sort()]).sort()).toEqual([
      // which of them holds the port's match-all chain depends on creation order
      ['tcp-captures-port', '0.0.0.0_443', ['egress/first', 'egress/second']],
      ['tcp-shadowed', '0.0.0.0_443', ['egress/first', 'egress/second']],
    ]);
  });

  test('an empty file and a file of bare document markers load nothing and say nothing', () => {
    const result = loadSources([{ path: 'empty.yaml', text: '' }, { path: 'markers.yaml', text: '---\n---\n...\n---\n# ServiceEntry\n' }], { defaultNamespace: 'd' });
    expect(result).toEqual({ entries: [], sidecars: [], diagnostics: [] });
  });
});

describe('API versions', () => {
  test('v1alpha3, v1beta1 and v1 of networking.istio.io all load, each keeping its apiVersion', () => {
    const { entries } = load('all-api-versions.yaml');
    expect(entries.slice(0, 3).map((e) => [e.name, e.apiVersion])).toEqual([
      ['alpha', 'networking.istio.io/v1alpha3'],
      ['beta', 'networking.istio.io/v1beta1'],
      ['ga', 'networking.istio.io/v1'],
    ]);
  });

  test('an unknown networking.istio.io/v2 still loads, with a warning at its apiVersion line', () => {
    const { entries, diagnostics } = load('all-api-versions.yaml');
    expect(entries.map((e) => e.name)).toContain('future');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'warning', code: 'unknown-version', location: { path: 'loader/all-api-versions.yaml', line: 27, column: 13 } });
    expect(diagnostics[0]!.message).toContain('networking.istio.io/v2');
  });

  test('entries of different API versions collide with each other on the same listener', () => {
    const result = analyze(load('all-api-versions.yaml'));
    const finding = result.findings.find((f) => f.rule === 'tcp-shadowed' && f.listener === '0.0.0.0_443')!;
    expect(finding.entries.map((e) => e.name).sort()).toEqual(['alpha', 'beta', 'future', 'ga']);
  });
});

describe('other kinds and groups', () => {
  test('a Kubernetes Service, a VirtualService, apiextensions objects and another Istio group are ignored without a diagnostic', () => {
    expect(load('ignored-kinds-and-groups.yaml')).toEqual({ entries: [], sidecars: [], diagnostics: [] });
  });

  test('ignored documents do not hide the ServiceEntries of the files beside them', () => {
    const { entries } = load('ignored-kinds-and-groups.yaml', 'multi-document.yaml');
    expect(entries.map((e) => e.name)).toEqual(['first', 'second', 'third']);
  });
});

describe('default namespace', () => {
  test('a manifest without metadata.namespace, or with an empty one, gets the default namespace and is marked not explicit', () => {
    const { entries, diagnostics } = load('default-namespace.yaml');
    expect(entries.map((e) => [e.ref, e.namespace, e.namespaceExplicit])).toEqual([
      ['fallback/no-namespace', 'fallback', false],
      ['fallback/empty-namespace', 'fallback', false],
      ['team-a/explicit-namespace', 'team-a', true],
    ]);
    expect(diagnostics).toEqual([]);
  });

  test('the default namespace is whatever the caller passes', () => {
    const { entries } = loadSources([fixture('default-namespace.yaml')], { defaultNamespace: 'ci-apply-ns' });
    expect(entries.map((e) => e.namespace)).toEqual(['ci-apply-ns', 'ci-apply-ns', 'team-a']);
  });
});

describe('file and line of every part', () => {
  test('the entry, its hosts and each of its ports keep path, line and column', () => {
    const [entry] = load('positions.yaml').entries;
    expect(entry!.location).toEqual({ path: 'loader/positions.yaml', line: 3, column: 1 });
    expect(entry!.hostsLocation).toEqual({ path: 'loader/positions.yaml', line: 12, column: 5 });
    expect(entry!.ports.map((p) => [p.number, p.location.path, p.location.line, p.location.column])).toEqual([
      [443, 'loader/positions.yaml', 14, 7],
      [8080, 'loader/positions.yaml', 18, 7],
      [9000, 'loader/positions.yaml', 21, 7],
    ]);
  });

  test('a finding points at the port line of each colliding entry', () => {
    const result = analyze(load('positions.yaml', 'multi-document.yaml'));
    const finding = result.findings.find((f) => f.listener === '0.0.0.0_443' && f.rule === 'tcp-shadowed')!;
    const positioned = finding.entries.find((e) => e.name === 'positioned')!;
    expect(positioned.location).toMatchObject({ path: 'loader/positions.yaml', line: 3 });
    expect(positioned.portLocation).toMatchObject({ path: 'loader/positions.yaml', line: 14 });
  });

  test('CRLF line endings give the same lines as LF', () => {
    const lf = fixture('positions.yaml');
    const [a] = loadSources([lf], { defaultNamespace: 'd' }).entries;
    const [b] = loadSources([{ ...lf, text: lf.text.replace(/\n/g, '\r\n') }], { defaultNamespace: 'd' }).entries;
    expect(b!.ports.map((p) => p.location.line)).toEqual(a!.ports.map((p) => p.location.line));
    expect(b!.hostsLocation.line).toBe(a!.hostsLocation.line);
  });

  test('in a mapping with many keys each rejected value is reported at its own line, a repeated key at its last', () => {
    const { entries, diagnostics } = load('many-label-keys.yaml');
    expect(entries.map((e) => e.ref)).toEqual(['egress/many-labels']);
    expect(diagnostics.map(where).sort()).toEqual([
      'wrong-type@loader/many-label-keys.yaml:34:15',
      'wrong-type@loader/many-label-keys.yaml:49:15',
      'wrong-type@loader/many-label-keys.yaml:50:14',
    ]);
  });

  test('in a short mapping a repeated key is reported at its last line too', () => {
    expect(load('repeated-label-key.yaml').diagnostics.map(where)).toEqual(['wrong-type@loader/repeated-label-key.yaml:11:11']);
  });

  test('a list item of the wrong type is reported at its own line', () => {
    expect(load('host-item-of-wrong-type.yaml').diagnostics.map(where)).toEqual(['wrong-type@loader/host-item-of-wrong-type.yaml:11:5']);
  });

  test('entries between documents of other kinds keep their lines', () => {
    const { entries, sidecars, diagnostics } = load('entries-among-other-kinds.yaml');
    expect(diagnostics).toEqual([]);
    expect(entries.map((e) => [e.ref, e.location.line, e.hostsLocation.line, e.ports.map((p) => p.location.line)])).toEqual([
      ['egress/first', 19, 26, [28]],
      ['egress/listed', 51, 58, [60]],
    ]);
    expect(sidecars.map((s) => [s.namespace, s.name, s.location.line])).toEqual([['egress', 'default', 64]]);
  });

  // YAML 1.2 (and js-yaml) treat a bare CR as a line break, and so must the line numbers we report.
  test('bare CR line endings give the same lines as LF', () => {
    const lf = fixture('hosts-as-a-string.yaml');
    const cr = { ...lf, text: lf.text.replace(/\n/g, '\r') };
    const fromLf = loadSources([lf], { defaultNamespace: 'd' });
    const fromCr = loadSources([cr], { defaultNamespace: 'd' });
    expect(fromCr.entries.map((e) => e.name)).toEqual(fromLf.entries.map((e) => e.name));
    expect(fromCr.diagnostics.map((d) => d.location.line)).toEqual(fromLf.diagnostics.map((d) => d.location.line));
  });
});

describe('kubectl lists', () => {
  test('items of a v1 List and of a nested ServiceEntryList load; non-ServiceEntry items are skipped', () => {
    const { entries, diagnostics } = load('kubectl-lists.yaml');
    expect(entries.map((e) => e.ref)).toEqual(['egress/listed-first', 'fallback/listed-nested']);
    expect(diagnostics).toEqual([]);
  });

  test('list items keep their own lines and creationTimestamp', () => {
    const [first, nested] = load('kubectl-lists.yaml').entries;
    expect(first).toMatchObject({ location: { line: 7 }, hostsLocation: { line: 14 }, creationTimestamp: Date.parse('2024-05-01T10:00:00Z') / 1000 });
    expect(first!.ports[0]!.location.line).toBe(16);
    expect(nested!.location.line).toBe(28);
    expect(nested!.ports[0]!.location.line).toBe(35);
  });

  test('items of a kubectl List load, with lower-case enums and creationTimestamp; a listed configScope is ignored with an error', () => {
    const { entries, diagnostics } = load('kubectl-list-lower-case-enums.yaml');
    const [listed] = entries;
    expect(listed).toMatchObject({ ref: 'egress/listed', resolution: 'DNS', creationTimestamp: Date.parse('2024-05-01T10:00:00Z') / 1000 });
    expect(listed!.exportTo).toBeUndefined();
    expect(listed!.ports[0]).toMatchObject({ number: 3306, protocol: 'MYSQL', protocolClass: 'TCP', location: { line: 13 } });
    expect(diagnostics.map(where)).toEqual(['config-scope-ignored@loader/kubectl-list-lower-case-enums.yaml:17:20']);
    expect(diagnostics[0]!.severity).toBe('error');
  });

  test('a List whose items is not a list is reported at that line', () => {
    const { entries, diagnostics } = loadSources([{ path: 'l.yaml', text: 'apiVersion: v1\nkind: List\nitems:\n  a: ServiceEntry\n' }], { defaultNamespace: 'd' });
    expect(entries).toEqual([]);
    expect(diagnostics.map(where)).toEqual(['wrong-type@l.yaml:4:3']);
  });
});

describe('legacy configScope', () => {
  // configScope never shipped in a release (replaced by exportTo before 1.1.0); today's CRD drops or rejects it.
  test('configScope is an error that teaches exportTo, never a scope: only an explicit exportTo counts', () => {
    const { entries, diagnostics } = load('legacy-config-scope.yaml');
    expect(entries.map((e) => [e.name, e.exportTo])).toEqual([
      ['private-scope', undefined],
      ['public-scope', undefined],
      ['export-to-wins', ['*']],
      ['unknown-scope', undefined],
    ]);
    expect(diagnostics.map((d) => `${d.code}@${d.location.line}`)).toEqual(['config-scope-ignored@8', 'config-scope-ignored@19', 'config-scope-ignored@30', 'config-scope-ignored@42']);
    expect(diagnostics.every((d) => d.severity === 'error' && d.message.includes('exportTo: ["."]'))).toBe(true);
  });

  test('a "PRIVATE" entry is public, so it collides in every namespace', () => {
    const result = analyze(load('legacy-config-scope.yaml'));
    const finding = result.findings.find((f) => f.rule === 'tcp-shadowed')!;
    expect(finding.namespaces.sort()).toEqual(['*']);
    const roles = Object.fromEntries(finding.entries.map((e) => [e.name, [e.role, e.losesFor]]));
    expect(roles).toEqual({
      'private-scope': ['undetermined', []],
      'public-scope': ['undetermined', []],
      'export-to-wins': ['undetermined', []],
      'unknown-scope': ['undetermined', []],
    });
  });
});

describe('wrong field types', () => {
  test('ports as a map: an error at the ports line; the entry and the next document still load', () => {
    const { entries, diagnostics } = load('ports-as-a-map.yaml');
    expect(diagnostics.map(where)).toEqual(['wrong-type@loader/ports-as-a-map.yaml:9:5']);
    expect(diagnostics[0]!.message).toMatch(/spec\.ports must be a list/);
    expect(entries.map((e) => [e.name, e.ports.length])).toEqual([['ports-map', 0], ['after-ports-map', 1]]);
  });

  test('a port number as the string "443": an error at that line; the other port and the next document still load', () => {
    const { entries, diagnostics } = load('port-number-as-a-string.yaml');
    expect(diagnostics.map(where)).toEqual(['wrong-type@loader/port-number-as-a-string.yaml:9:16']);
    expect(diagnostics[0]!.message).toMatch(/number must be an integer, found "443"/);
    expect(entries.map((e) => [e.name, e.ports.map((p) => p.number)])).toEqual([['string-number', [8443]], ['after-string-number', [443]]]);
  });

  test('hosts as a string: an error at the hosts line; the ports and the next document still load', () => {
    const { entries, diagnostics } = load('hosts-as-a-string.yaml');
    expect(diagnostics.every((d) => d.location.path === 'loader/hosts-as-a-string.yaml' && d.location.line === 7)).toBe(true);
    expect(diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(/spec\.hosts must be a list/));
    expect(entries.map((e) => [e.name, e.hosts, e.ports.length])).toEqual([['string-hosts', [], 1], ['after-string-hosts', ['after-string-hosts.example.com'], 1]]);
  });

  test('the good entries beside wrongly typed ones still collide', () => {
    const result = analyze(load('ports-as-a-map.yaml', 'port-number-as-a-string.yaml', 'hosts-as-a-string.yaml'));
    const finding = result.findings.find((f) => f.rule === 'tcp-shadowed' && f.listener === '0.0.0.0_443')!;
    expect(finding.entries.map((e) => e.name).sort()).toEqual(['after-ports-map', 'after-string-hosts', 'after-string-number']);
  });

  test('scalars of the wrong kind in every field are reported at their own line and never throw', () => {
    const text = [
      'apiVersion: networking.istio.io/v1',
      'kind: ServiceEntry',
      'metadata: {name: [a], namespace: {x: 1}, labels: [1], creationTimestamp: yesterday}',
      'spec:',
      '  hosts: [1, true, null, {a: b}, [c], ok.example.com]',
      '  addresses: {a: b}',
      '  ports: [7, "x", null, {number: 1.5}, {number: 70000}, {number: 0}, {number: true}, {number: 443, protocol: [TCP], name: 5}]',
      '  resolution: 42',
      '  exportTo: "."',
      '  endpoints: yes',
      '  workloadSelector: 3',
    ].join('\n');
    const { entries, diagnostics } = loadSources([{ path: 'w.yaml', text }], { defaultNamespace: 'd' });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.hosts).toContain('ok.example.com');
    expect(entries[0]!.ports.map((p) => p.number)).toEqual([443]);
    expect(diagnostics.length).toBeGreaterThanOrEqual(12);
    for (const d of diagnostics) {
      expect(d.location.path).toBe('w.yaml');
      expect(d.location.line).toBeGreaterThanOrEqual(3);
      expect(d.location.line).toBeLessThanOrEqual(11);
    }
    // Each wrongly typed spec line gets its own report.
    const lines = new Set(diagnostics.map((d) => d.location.line));
    for (const line of [3, 5, 6, 7, 8, 9, 10]) expect(lines).toContain(line);
  });

  // kubectl (sigs.k8s.io/yaml over go-yaml v2) resolves `<<` merge keys, so the API server stores port 443/TCP.
  test('YAML merge keys are resolved as kubectl resolves them, so the merged port collides', () => {
    const [merged] = load('merge-keys.yaml').entries;
    const result = analyze(load('merge-keys.yaml', 'multi-document.yaml'));
    expect(merged!.ports.map((p) => [p.number, p.protocol])).toEqual([[443, 'TCP']]);
    expect(result.diagnostics).toEqual([]);
    const finding = result.findings.find((f) => f.rule === 'tcp-shadowed' && f.listener === '0.0.0.0_443')!;
    expect(finding.entries.map((e) => e.name)).toContain('merged-port');
  });
});

describe("Istio's own test data", () => {
  const istio = (name: string): SourceFile => ({
    path: `istio/${name}`,
    text: readFileSync(fileURLToPath(new URL(`../../../../shared/istio/${name}`, import.meta.url)), 'utf8'),
  });

  test('serviceentry-valid.yaml loads its 5 entries without a crash', () => {
    const { entries } = loadSources([istio('serviceentry-valid.yaml')], { defaultNamespace: 'default' });
    expect(entries.map((e) => e.name)).toEqual(['full', 'static-endpoints', 'empty-selector', 'partial-wildcard', 'none-cidr']);
    expect(entries.map((e) => e.apiVersion)).toEqual([
      'networking.istio.io/v1', 'networking.istio.io/v1', 'networking.istio.io/v1alpha3', 'networking.istio.io/v1alpha3', 'networking.istio.io/v1alpha3',
    ]);
    expect(entries[0]!.exportTo).toEqual(['foo', '.']);
    expect(entries[4]!.addresses).toEqual(['1.1.1.1/32']);
  });

  test('serviceentry-valid.yaml differs from go-yaml in one place, said at its line: YAML 1.2 reads an unquoted `001:db8::` as a mapping', () => {
    const { diagnostics } = loadSources([istio('serviceentry-valid.yaml')], { defaultNamespace: 'default' });
    // YAML 1.2 reads the unquoted `001:db8::` in a flow list as a mapping (go-yaml's 1.1 reads a string): said at its line.
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'wrong-type', location: expect.objectContaining({ line: 11 }) })]);
    expect(diagnostics[0]!.message).toMatch(/quote IPv6 addresses that end in ':' \(e\.g\. "001:db8::"\)/);
  });

  test('serviceentry-valid.yaml analyses without a crash, every diagnostic on a real line of the file', () => {
    const file = istio('serviceentry-valid.yaml');
    const lineCount = file.text.split('\n').length;
    const result = analyze(loadSources([file], { defaultNamespace: 'default' }));
    for (const d of result.diagnostics) {
      expect(d.location.path).toBe('istio/serviceentry-valid.yaml');
      expect(d.location.line).toBeGreaterThanOrEqual(1);
      expect(d.location.line).toBeLessThanOrEqual(lineCount);
    }
  });

  test('serviceentry-invalid.yaml loads and analyses without a crash, every diagnostic on a real line of the file', () => {
    const file = istio('serviceentry-invalid.yaml');
    const lineCount = file.text.split('\n').length;
    const loaded = loadSources([file], { defaultNamespace: 'default' });
    const result = analyze(loaded);
    expect(loaded.entries.length).toBeGreaterThan(0);
    for (const d of result.diagnostics) {
      expect(d.location.path).toBe('istio/serviceentry-invalid.yaml');
      expect(d.location.line).toBeGreaterThanOrEqual(1);
      expect(d.location.line).toBeLessThanOrEqual(lineCount);
    }
  });
});

describe('reading YAML as kubectl does', () => {
  test('a flow collection whose closing bracket is less indented than its items is read, with its own lines', () => {
    const { entries, diagnostics } = load('flow-closing-bracket-less-indented.yaml');
    expect(diagnostics).toEqual([]);
    expect(entries.map((e) => e.ref)).toEqual(['egress/flow-ports', 'egress/plain']);
    const [flow] = entries;
    expect(flow!.hosts).toEqual(['flow.example.com']);
    expect(flow!.ports.map((p) => [p.number, p.protocol, p.location.line])).toEqual([[443, 'TCP', 13]]);
    expect(flow!.hostsLocation.line).toBe(8);
    expect(flow!.location.line).toBe(2);
  });

  test('the relaxed flow entry collides with the plain one on 0.0.0.0_443', () => {
    const result = analyze(load('flow-closing-bracket-less-indented.yaml'));
    expect(result.findings.find((f) => f.listener === '0.0.0.0_443')?.entries.map((e) => e.name).sort()).toEqual(['flow-ports', 'plain']);
  });
});
