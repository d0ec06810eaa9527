import { ImportIndex, importScopeKey } from '../../../src/core/analysis/sidecar-scope.js';
import { sidecarImports } from '../../../src/core/analysis/visibility.js';
import type { ListenerUnit } from '../../../src/core/analysis/listener-units.js';
import type { ServiceEntry, Sidecar } from '../../../src/core/model.js';

const at = { path: 'x.yaml', line: 1, column: 1 };
const sidecar = (namespace: string, ...egress: Array<{ hosts: string[]; port?: number }>): Sidecar =>
  ({ kind: 'Sidecar', name: 'default', namespace, hasWorkloadSelector: false, egress: egress.map((e) => ({ hosts: e.hosts, port: e.port })), location: at });

const units: ListenerUnit[] = [];
['a', 'b', 'c', 'istio-system'].forEach((namespace, n) => {
  for (let i = 0; i < 4; i++) {
    const entry = { namespace, name: `svc-${i}` } as ServiceEntry;
    for (const port of [443, 3306]) {
      units.push({ entry, entryIndex: n * 4 + i, port: { number: port } as ListenerUnit['port'], host: i % 2 ? `h${i}.example.com` : `h${i}.internal`, listener: `0.0.0.0_${port}`, bind: 'wildcard', cidr: undefined, chain: 'tcp', sni: undefined });
    }
  }
});

const sidecars: Sidecar[] = [
  sidecar('a', { hosts: ['./*'] }),
  sidecar('a', { hosts: ['./*', 'istio-system/*'] }),
  sidecar('b', { hosts: ['c/*.example.com', '~/*'] }),
  sidecar('b', { hosts: ['*/*'] }),
  sidecar('c', { hosts: ['a/h1.example.com'], port: 443 }, { hosts: ['*/*.internal'] }),
  sidecar('istio-system', { hosts: ['./*'] }),
  sidecar('c', { hosts: ['nohostslash'] }),
  sidecar('c'),
];

describe('Sidecar import scopes', () => {
  test.each(sidecars.map((s, i) => [i, s] as const))('sidecar %i: the indexed lookup imports exactly what testing every unit imports, in the same order', (_i, s) => {
    for (const consumer of [s.namespace, 'b', undefined]) {
      const sees = (u: ListenerUnit) => sidecarImports(s, u.entry.namespace, u.host, u.port.number);
      expect(new ImportIndex(units).imported(s, consumer, sees)).toEqual(units.filter(sees));
    }
  });

  test('Sidecars that say the same thing share a scope; `./` ties it to the namespace', () => {
    expect(importScopeKey(sidecar('x', { hosts: ['*/*'] }))).toBe(importScopeKey(sidecar('y', { hosts: ['*/*'] })));
    expect(importScopeKey(sidecar('x', { hosts: ['./*'] }))).not.toBe(importScopeKey(sidecar('y', { hosts: ['./*'] })));
    expect(importScopeKey(sidecar('x', { hosts: ['a/*'] }))).not.toBe(importScopeKey(sidecar('x', { hosts: ['a/*'], port: 443 })));
    expect(importScopeKey(sidecar('x'))).toBe(importScopeKey(sidecar('y')));
    expect(importScopeKey(sidecar('x'))).not.toBe(importScopeKey(undefined));
  });
});
