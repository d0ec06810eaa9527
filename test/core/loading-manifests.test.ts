import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSources } from '../../src/core/load/load-sources.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

const load = (...names: string[]) => loadSources(names.map((n) => ({ path: `loader/${n}`, text: readFileSync(join(REPO_ROOT, 'test/fixtures/loader', n), 'utf8') })), { defaultNamespace: 'fallback' });

describe('loading manifests', () => {
  test('every networking.istio.io version loads; an unknown one is read as v1 with a warning at its line', () => {
    const { entries, diagnostics } = load('all-api-versions.yaml');
    expect(entries.map((e) => e.ref)).toEqual(['fallback/alpha', 'team-b/beta', 'team-c/ga', 'team-d/future']);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'unknown-version', severity: 'warning', location: { path: 'loader/all-api-versions.yaml', line: 27, column: 13 } })]);
  });

  test('a manifest without a namespace gets the default one and is marked as such', () => {
    const [alpha, beta] = load('all-api-versions.yaml').entries;
    expect(alpha).toMatchObject({ namespace: 'fallback', namespaceExplicit: false });
    expect(beta).toMatchObject({ namespace: 'team-b', namespaceExplicit: true });
  });

  test('other kinds, and a ServiceEntry kind of another API group, are ignored without complaint', () => {
    expect(load('other-kinds-ignored.yaml')).toEqual({ entries: [], sidecars: [], diagnostics: [] });
  });

  test('each entry keeps the file and line of itself, its hosts and each port', () => {
    const ga = load('all-api-versions.yaml').entries[2]!;
    expect(ga.location).toEqual({ path: 'loader/all-api-versions.yaml', line: 18, column: 1 });
    expect(ga.hostsLocation.line).toBe(24);
    expect(ga.ports[0]!.location.line).toBe(25);
  });

  test('items of a kubectl List load, with lower-case enums, configScope ignored (never a released field) and creationTimestamp', () => {
    const { entries: [listed], diagnostics } = load('kubectl-list.yaml');
    expect(diagnostics.map((d) => d.code)).toContain('config-scope-ignored');
    expect(listed).toMatchObject({ ref: 'egress/listed', resolution: 'DNS', exportTo: undefined, creationTimestamp: Date.parse('2024-05-01T10:00:00Z') / 1000 });
    expect(listed!.ports[0]).toMatchObject({ number: 3306, protocol: 'MYSQL', protocolClass: 'TCP', location: { line: 13 } });
  });

  test("Istio's own valid ServiceEntries load without a crash", () => {
    const text = readFileSync(join(REPO_ROOT, '..', 'shared', 'istio', 'serviceentry-valid.yaml'), 'utf8');
    const { entries, diagnostics } = loadSources([{ path: 'istio/valid.yaml', text }], { defaultNamespace: 'default' });
    expect(entries.map((e) => e.name)).toEqual(['full', 'static-endpoints', 'empty-selector', 'partial-wildcard', 'none-cidr']);
    // YAML 1.2 reads the unquoted `001:db8::` in a flow list as a mapping (go-yaml's 1.1 reads a string): said at its line.
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'wrong-type', location: expect.objectContaining({ line: 11 }) })]);
    expect(diagnostics[0]!.message).toMatch(/quote IPv6 addresses that end in ':' \(e\.g\. "001:db8::"\)/);
  });

  test("Istio's own invalid ServiceEntries load without a crash", () => {
    const text = readFileSync(join(REPO_ROOT, '..', 'shared', 'istio', 'serviceentry-invalid.yaml'), 'utf8');
    expect(() => loadSources([{ path: 'istio/invalid.yaml', text }], { defaultNamespace: 'default' })).not.toThrow();
  });
});
