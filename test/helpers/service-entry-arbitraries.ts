/** fast-check arbitraries for ServiceEntry-shaped manifests, written out as YAML in block or flow style. */
import fc from 'fast-check';
import type { AnalysisResult, SourceFile } from '../../src/core/model.js';

const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,5}$/);

export const hostArb = fc.oneof(
  fc.constantFrom('github.com', 'www.huaweicloud.com', 'db.example.com', '*.example.com', '*.com', '*', 'example.com', 'a.b', 'redis.team-a.svc.cluster.local', '*x', ''),
  fc.tuple(label, fc.constantFrom('com', 'net', 'example.com')).map(([a, b]) => `${a}.${b}`),
  label.map((a) => `*.${a}.example.com`),
);

export const addressArb = fc.oneof(
  fc.constantFrom('10.0.0.1', '10.0.0.0/8', '10.0.0.0/24', '10.0.0.1/32', '0.0.0.0/0', '2001:db8::1', '2001:db8::/32', '2001:db8::1/128', '::', '::/0', 'fe80::1%eth0', '1.1.1.1/33', 'not-an-ip', '300.1.1.1', '10.0.0.1/abc', ''),
  fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 3 })).map(([a, b]) => `192.168.${b}.${a}`),
  fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 8, max: 32 })).map(([a, p]) => `172.16.${a}.0/${p}`),
);

export const protocolArb = fc.option(
  fc.constantFrom('TCP', 'tcp', 'Tcp', 'TLS', 'tls', 'HTTPS', 'HTTP', 'http', 'HTTP2', 'GRPC', 'grpc-web', 'MYSQL', 'mysql', 'MONGO', 'REDIS', 'UDP', 'udp', '', 'bogus', 'SCTP'),
  { nil: undefined },
);

export const portArb = fc.record({
  number: fc.oneof(fc.constantFrom(443, 3306, 6379, 27017, 80, 8080, 0, 65535, 65536, -1), fc.integer({ min: -10, max: 70_000 })),
  protocol: protocolArb,
  name: fc.option(fc.constantFrom('tcp', 'tls', 'https', 'http', 'mysql', 'p'), { nil: undefined }),
});

export const namespaceArb = fc.oneof(fc.constantFrom('egress', 'team-a', 'team-b', 'istio-system', 'default'), label);

export const entryArb = fc.record({
  name: fc.oneof(label, fc.constantFrom('github', 'redis', 'db')),
  namespace: fc.option(namespaceArb, { nil: undefined }),
  hosts: fc.array(hostArb, { maxLength: 3 }),
  addresses: fc.option(fc.array(addressArb, { maxLength: 3 }), { nil: undefined }),
  ports: fc.array(portArb, { maxLength: 3 }),
  resolution: fc.option(fc.constantFrom('DNS', 'NONE', 'STATIC', 'DNS_ROUND_ROBIN', 'dns', 'none', 'WHAT'), { nil: undefined }),
  exportTo: fc.option(fc.array(fc.oneof(fc.constantFrom('.', '*', '~', 'team-a', 'team-b', 'egress'), label), { maxLength: 3 }), { nil: undefined }),
  configScope: fc.option(fc.constantFrom('PRIVATE', 'PUBLIC', 'private'), { nil: undefined }),
  created: fc.option(fc.integer({ min: 1_600_000_000, max: 1_600_000_100 }), { nil: undefined }),
  endpoints: fc.option(fc.array(addressArb, { maxLength: 2 }), { nil: undefined }),
  workloadSelector: fc.boolean(),
  apiVersion: fc.constantFrom('v1', 'v1beta1', 'v1alpha3'),
  flow: fc.boolean(),
});
export type EntrySpec = typeof entryArb extends fc.Arbitrary<infer T> ? T : never;

export const sidecarArb = fc.record({
  namespace: namespaceArb,
  selector: fc.boolean(),
  egress: fc.array(fc.record({
    port: fc.option(fc.constantFrom(443, 3306, 80), { nil: undefined }),
    hosts: fc.array(fc.constantFrom('./*', '*/*', 'istio-system/*', 'egress/*', '~/*', 'team-a/github.com', '*/*.example.com', 'egress/github.com'), { minLength: 1, maxLength: 3 }),
  }), { minLength: 1, maxLength: 2 }),
});
export type SidecarSpec = typeof sidecarArb extends fc.Arbitrary<infer T> ? T : never;

/** What a pooled entry draws from a test's own small pools; everything else is fixed (see pooledEntryArb). */
export interface EntryPools {
  names: readonly string[];
  namespace: fc.Arbitrary<string>;
  hosts: fc.Arbitrary<string[]>;
  addresses: fc.Arbitrary<string[] | undefined>;
  ports: fc.Arbitrary<EntrySpec['ports']>;
  exportTo: fc.Arbitrary<string[] | undefined>;
}

/**
 * Entries from small pools, so random entries share ports, hostnames, namespaces and creation seconds (three
 * seconds apart at most): the inputs scoping must follow across ports. Always valid v1 manifests without
 * endpoints or workload selector, in block or flow style.
 */
export function pooledEntryArb(pools: EntryPools): fc.Arbitrary<EntrySpec> {
  return fc.record({
    name: fc.constantFrom(...pools.names),
    namespace: fc.option(pools.namespace, { nil: undefined }),
    hosts: pools.hosts,
    addresses: pools.addresses,
    ports: pools.ports,
    resolution: fc.option(fc.constantFrom('DNS', 'NONE', 'STATIC'), { nil: undefined }),
    exportTo: pools.exportTo,
    configScope: fc.constant(undefined),
    created: fc.option(fc.integer({ min: 1_600_000_000, max: 1_600_000_002 }), { nil: undefined }),
    endpoints: fc.constant(undefined),
    workloadSelector: fc.constant(false),
    apiVersion: fc.constant('v1'),
    flow: fc.boolean(),
  });
}

/** Sidecars of namespaces a, b and the root namespace, whose egress names hosts from `egressHosts` on 443, 3306 or every port. */
export function pooledSidecarArb(egressHosts: readonly string[], selector: fc.Arbitrary<boolean>): fc.Arbitrary<SidecarSpec> {
  return fc.record({
    namespace: fc.constantFrom('a', 'b', 'istio-system'),
    selector,
    egress: fc.array(fc.record({
      port: fc.option(fc.constantFrom(443, 3306), { nil: undefined }),
      hosts: fc.array(fc.constantFrom(...egressHosts), { minLength: 1, maxLength: 2 }),
    }), { minLength: 1, maxLength: 2 }),
    // sidecarYaml writes any `ns/host` string; the type lists only the pool of sidecarArb.
  }).map((s) => s as unknown as SidecarSpec);
}

const q = (s: string) => JSON.stringify(s);

/** One ServiceEntry as YAML: block style with quoted strings, or one flow (JSON) mapping. */
export function entryYaml(e: EntrySpec): string {
  const metadata: Record<string, unknown> = { name: e.name };
  if (e.namespace !== undefined) metadata['namespace'] = e.namespace;
  if (e.created !== undefined) metadata['creationTimestamp'] = new Date(e.created * 1000).toISOString();
  const ports = e.ports.map((p) => ({ number: p.number, ...(p.name !== undefined ? { name: p.name } : {}), ...(p.protocol !== undefined ? { protocol: p.protocol } : {}) }));
  const spec: Record<string, unknown> = { hosts: e.hosts, ports };
  if (e.addresses !== undefined) spec['addresses'] = e.addresses;
  if (e.resolution !== undefined) spec['resolution'] = e.resolution;
  if (e.exportTo !== undefined) spec['exportTo'] = e.exportTo;
  if (e.configScope !== undefined) spec['configScope'] = e.configScope;
  if (e.endpoints !== undefined) spec['endpoints'] = e.endpoints.map((address) => ({ address }));
  if (e.workloadSelector) spec['workloadSelector'] = { labels: { app: 'x' } };
  const doc = { apiVersion: `networking.istio.io/${e.apiVersion}`, kind: 'ServiceEntry', metadata, spec };
  return e.flow ? JSON.stringify(doc) : block(doc, 0);
}

export function sidecarYaml(s: SidecarSpec): string {
  return block({
    apiVersion: 'networking.istio.io/v1',
    kind: 'Sidecar',
    metadata: { name: 'default', namespace: s.namespace },
    spec: {
      ...(s.selector ? { workloadSelector: { labels: { app: 'x' } } } : {}),
      egress: s.egress.map((l) => ({ ...(l.port !== undefined ? { port: { number: l.port, protocol: 'TCP', name: 'p' } } : {}), hosts: l.hosts })),
    },
  }, 0);
}

/** Block-style YAML; strings are always double-quoted, so `*`, `~`, `.` and IPv6 stay strings. */
function block(value: unknown, indent: number): string {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return value.map((item) => {
      const inner = block(item, indent + 2);
      return `\n${pad}- ${isContainer(item) && !isEmpty(item) ? inner.trimStart() : inner}`;
    }).join('');
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    return entries.map(([k, v]) => `\n${pad}${k}:${isContainer(v) && !isEmpty(v) ? '' : ' '}${block(v, indent + 2)}`).join('');
  }
  return typeof value === 'string' ? q(value) : String(value);
}

const isContainer = (v: unknown) => v !== null && typeof v === 'object';
const isEmpty = (v: unknown) => (Array.isArray(v) ? v.length === 0 : Object.keys(v as object).length === 0);

export interface Corpus {
  files: SourceFile[];
  /** The documents of each file, so tests can reorder them. */
  documents: string[][];
}

/** One to eight files of one to four documents each; some files hold a Sidecar. */
export const corpusArb: fc.Arbitrary<Corpus> = fc.array(
  fc.tuple(fc.array(entryArb, { minLength: 1, maxLength: 4 }), fc.option(sidecarArb, { freq: 4, nil: undefined })),
  { minLength: 1, maxLength: 8 },
).map((groups) => {
  // Two selector-less Sidecars in one namespace are undefined behaviour in Istio (and one object in a
  // cluster): each namespace gets at most one Sidecar here.
  const sidecarNamespaces = new Set<string>();
  const documents = groups.map(([entries, sidecar]) => {
    const keep = sidecar !== undefined && !sidecarNamespaces.has(sidecar.namespace);
    if (keep) sidecarNamespaces.add(sidecar.namespace);
    return [...entries.map(entryYaml), ...(keep ? [sidecarYaml(sidecar)] : [])];
  });
  return { documents, files: documents.map((docs, i) => toFile(`f${i}.yaml`, docs)) };
});

export function toFile(path: string, documents: readonly string[]): SourceFile {
  return { path, text: documents.map((d) => d.replace(/^\n/, '')).join('\n---\n') };
}

/** What a set of findings says, without where anything was written: ids, severities, entries (with their hosts) and roles, sorted. */
export function meaning(result: AnalysisResult): string[] {
  return result.findings
    .map((f) => [
      f.id, f.rule, f.severity, f.listener, f.port, f.namespaces.join(','),
      f.entries.map((e) => `${e.ref}:${e.hosts.join('+')}=${e.role}[${e.winsFor.join(',')}|${e.losesFor.join(',')}]`).sort().join(' '),
    ].join(' '))
    .sort();
}
