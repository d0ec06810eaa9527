import fc from 'fast-check';
import { analyze } from '../../src/core/analysis/analyze.js';
import { loadSources } from '../../src/core/load/load-sources.js';
import type { AnalysisResult, SourceFile } from '../../src/core/model.js';
import { reviewChange } from '../../src/core/review/review-change.js';

const host = fc.oneof(
  fc.constantFrom('github.com', 'www.huaweicloud.com', 'db.example.com', '*.example.com', '*', 'a.b'),
  fc.stringMatching(/^[a-z]{1,6}\.(com|net)$/),
);
const address = fc.oneof(
  fc.constantFrom('10.0.0.1', '10.0.0.0/8', '10.1.0.0/16', '2001:db8::1', '2001:db8::/32', '1.1.1.1/32', 'not-an-ip', '300.1.1.1'),
  fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 })).map(([a, b]) => `192.168.${a}.${b}`),
);
const protocol = fc.constantFrom('TCP', 'tcp', 'TLS', 'HTTPS', 'HTTP', 'HTTP2', 'GRPC', 'MYSQL', 'MONGO', 'REDIS', 'UDP', '', 'bogus');
const port = fc.record({ number: fc.oneof(fc.constantFrom(443, 3306, 6379, 80), fc.integer({ min: -5, max: 70000 })), protocol, name: fc.constantFrom('a', 'b', 'tcp') });
const entry = fc.record({
  name: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
  namespace: fc.option(fc.constantFrom('egress', 'team-a', 'team-b', 'istio-system'), { nil: undefined }),
  hosts: fc.array(host, { minLength: 0, maxLength: 3 }),
  addresses: fc.option(fc.array(address, { maxLength: 2 }), { nil: undefined }),
  ports: fc.array(port, { maxLength: 3 }),
  resolution: fc.constantFrom('DNS', 'NONE', 'STATIC', 'DNS_ROUND_ROBIN', 'dns', 'WHAT', undefined),
  exportTo: fc.option(fc.array(fc.constantFrom('.', '*', '~', 'team-a', 'team-b'), { maxLength: 2 }), { nil: undefined }),
  created: fc.option(fc.integer({ min: 1_600_000_000, max: 1_700_000_000 }), { nil: undefined }),
});
type Entry = typeof entry extends fc.Arbitrary<infer T> ? T : never;

function manifest(e: Entry): string {
  return JSON.stringify({
    apiVersion: 'networking.istio.io/v1',
    kind: 'ServiceEntry',
    metadata: { name: e.name, ...(e.namespace ? { namespace: e.namespace } : {}), ...(e.created ? { creationTimestamp: new Date(e.created * 1000).toISOString() } : {}) },
    spec: { hosts: e.hosts, ports: e.ports, ...(e.addresses ? { addresses: e.addresses } : {}), ...(e.resolution ? { resolution: e.resolution } : {}), ...(e.exportTo ? { exportTo: e.exportTo } : {}) },
  });
}

/** Files of one to three documents each (JSON is YAML). */
const files = fc.array(fc.array(entry, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 })
  .map((groups) => groups.map((docs, i): SourceFile => ({ path: `f${i}.yaml`, text: docs.map(manifest).join('\n---\n') })));

/** What a finding says, without where it was written: the part that must not depend on order. */
function meaning(result: AnalysisResult): string[] {
  return result.findings
    .map((f) => `${f.id} ${f.severity} ${f.namespaces.join(',')} ${f.entries.map((e) => `${e.ref}:${e.role}:${e.hosts.join('+')}`).sort().join(' ')}`)
    .sort();
}

const run = (fs: SourceFile[]) => analyze(loadSources(fs, { defaultNamespace: 'default' }));

describe('properties of the analysis', () => {
  test('it never throws on random ServiceEntry-shaped manifests', () => {
    fc.assert(fc.property(files, (fs) => {
      run(fs);
    }), { numRuns: 300 });
  });

  test('findings do not depend on the order of the files', () => {
    fc.assert(fc.property(files, fc.infiniteStream(fc.nat()), (fs, seeds) => {
      const shuffled = [...fs].map((f) => ({ f, k: seeds.next().value as number })).sort((a, b) => a.k - b.k).map(({ f }) => f);
      expect(meaning(run(shuffled))).toEqual(meaning(run(fs)));
    }), { numRuns: 200 });
  });

  test('findings do not depend on the order of the documents inside a file', () => {
    fc.assert(fc.property(files, (fs) => {
      const reversed = fs.map((f) => ({ ...f, text: f.text.split('\n---\n').reverse().join('\n---\n') }));
      expect(meaning(run(reversed))).toEqual(meaning(run(fs)));
    }), { numRuns: 200 });
  });

  test('loading never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
      loadSources([{ path: 'x.yaml', text: `kind: ServiceEntry\n${text}` }], { defaultNamespace: 'd' });
    }), { numRuns: 500 });
  });

  test('a change that changes nothing introduces and resolves nothing', () => {
    fc.assert(fc.property(files, (fs) => {
      const report = reviewChange({ baseFiles: fs, changes: [], defaultNamespace: 'default' });
      expect(report.introduced).toEqual([]);
      expect(report.resolved).toEqual([]);
    }), { numRuns: 150 });
  });
});
