import fc from 'fast-check';
import { isRealExternalHost, tlsFixApplies, TlsFixTally } from '../../../src/core/analysis/client-protocols.js';
import type { MemberOutcome } from '../../../src/core/analysis/collision-accumulator.js';
import type { ListenerUnit } from '../../../src/core/analysis/listener-units.js';
import { surveyMembers } from '../../../src/core/analysis/member-survey.js';
import type { EntryRole, ServiceEntry } from '../../../src/core/model.js';

/** Members as a finding holds them: each an entry with its ports, some of its units on the finding's port, a role. */
const memberArb = fc.record({
  role: fc.constantFrom<EntryRole>('winner', 'shadowed', 'undetermined'),
  resolution: fc.constantFrom('DNS', 'NONE', 'STATIC'),
  meshLocation: fc.option(fc.constantFrom('MESH_EXTERNAL' as const, 'MESH_INTERNAL' as const), { nil: undefined }),
  hosts: fc.array(fc.constantFrom('github.com', '*.example.com', 'db.team-a.svc.cluster.local', 'printer.LAN', 'nas.home.arpa', 'redis', '*.local', 'x.internal'), { minLength: 1, maxLength: 3 }),
  ports: fc.array(fc.record({
    number: fc.constantFrom(443, 3306, 9000),
    protocol: fc.constantFrom('TCP', 'TLS', 'MYSQL', 'REDIS', '', 'HTTP'),
    name: fc.constantFrom('tcp', 'tls-a', 'HTTPS', 'db'),
  }), { minLength: 1, maxLength: 3 }),
  chains: fc.array(fc.constantFrom<ListenerUnit['chain']>('tcp', 'tls', 'http', 'auto'), { minLength: 1, maxLength: 2 }),
});

function membersOf(specs: ReadonlyArray<typeof memberArb extends fc.Arbitrary<infer T> ? T : never>): MemberOutcome[] {
  return specs.map((spec, entryIndex) => {
    const ports = spec.ports.map((p) => ({ ...p, protocolClass: 'TCP' as const, location: { path: 'se.yaml', line: 1, column: 1 } }));
    const entry = { name: `e${entryIndex}`, namespace: 'egress', hosts: spec.hosts, ports, resolution: spec.resolution, meshLocation: spec.meshLocation } as unknown as ServiceEntry;
    const units = spec.chains.map((chain, i) => ({ entry, entryIndex, host: spec.hosts[0]!, port: ports[i % ports.length]!, chain }) as unknown as ListenerUnit);
    return { entry, entryIndex, hosts: spec.hosts, units, role: spec.role, winsFor: [], losesFor: [] } as unknown as MemberOutcome;
  });
}

describe('one pass over a finding\'s members answers what each walk over them did', () => {
  test('roles, protocols, chains, passthrough, movable members and the TLS cure', () => {
    fc.assert(fc.property(fc.array(memberArb, { maxLength: 12 }), fc.constantFrom(443, 3306, 9000), (specs, port) => {
      const members = membersOf(specs);
      const visited: MemberOutcome[] = [];
      const survey = surveyMembers(members, port, { visit: (m) => visited.push(m), movable: true });
      const ofRole = (role: EntryRole) => members.filter((m) => m.role === role);
      expect(visited).toEqual(members);
      expect(survey.winners).toEqual(ofRole('winner'));
      expect(survey.losers).toEqual(ofRole('shadowed'));
      expect(survey.open).toEqual(ofRole('undetermined'));
      expect(survey.protocols).toEqual([...new Set(members.flatMap((m) => m.units.map((u) => u.port.protocol)))].sort());
      expect(survey.sniffed).toBe(members.some((m) => m.units.some((u) => u.chain === 'auto')));
      expect(survey.plainTcp).toBe(members.some((m) => m.units.some((u) => u.chain === 'tcp')));
      for (const role of ['winner', 'shadowed', 'undetermined'] as const) {
        expect(survey.passthrough[role]).toBe(ofRole(role).filter((m) => m.entry.resolution === 'NONE').length);
      }
      expect(survey.allPassthrough).toBe(members.every((m) => m.entry.resolution === 'NONE'));
      expect(survey.movable.shadowed).toEqual(ofRole('shadowed').filter((m) => !isRealExternalHost(m.entry)));
      expect(survey.movable.undetermined).toEqual(ofRole('undetermined').filter((m) => !isRealExternalHost(m.entry)));
      expect(survey.tlsFixApplies).toBe(tlsFixApplies(port, members.map((m) => m.entry)));
    }), { numRuns: 300 });
  });

  test('movable members are only looked for when asked', () => {
    const members = membersOf([{ role: 'shadowed', resolution: 'DNS', meshLocation: undefined, hosts: ['redis'], ports: [{ number: 443, protocol: 'TCP', name: 'tcp' }], chains: ['tcp'] }]);
    expect(surveyMembers(members, 443).movable.shadowed).toEqual([]);
    expect(surveyMembers(members, 443, { movable: true }).movable.shadowed).toEqual(members);
  });
});

describe('whether protocol: TLS cures a port', () => {
  const entry = (ports: Array<{ number: number; protocol: string; name: string }>) => ({ ports }) as unknown as ServiceEntry;

  test('told one entry at a time, it answers as for the whole list', () => {
    expect(tlsFixApplies(443, [entry([{ number: 443, protocol: 'TCP', name: 'tcp' }])])).toBe(true);
    // A protocol whose TLS starts inside the connection rules it out, whatever comes after it.
    const tally = new TlsFixTally(9000);
    tally.add(entry([{ number: 9000, protocol: 'TCP', name: 'tls-a' }]));
    expect(tally.applies()).toBe(true);
    tally.add(entry([{ number: 9000, protocol: 'REDIS', name: 'tls-b' }]));
    tally.add(entry([{ number: 9000, protocol: 'TCP', name: 'tls-c' }]));
    expect(tally.applies()).toBe(false);
    // A port nobody names tls/https is cured only on a TLS-first port; a plaintext-first port never.
    expect(tlsFixApplies(9000, [entry([{ number: 9000, protocol: 'TCP', name: 'db' }])])).toBe(false);
    expect(tlsFixApplies(9000, [entry([{ number: 443, protocol: 'TCP', name: 'tls' }])])).toBe(false);
    expect(tlsFixApplies(3306, [entry([{ number: 3306, protocol: 'TCP', name: 'tls' }])])).toBe(false);
  });

  test('hostnames under private suffixes, or with no dot, are not real external hosts, in any case', () => {
    const hostsOf = (hosts: string[], meshLocation?: string) => ({ hosts, meshLocation }) as unknown as ServiceEntry;
    expect(isRealExternalHost(hostsOf(['github.com']))).toBe(true);
    expect(isRealExternalHost(hostsOf(['*.github.com']))).toBe(true);
    expect(isRealExternalHost(hostsOf(['github.com'], 'MESH_INTERNAL'))).toBe(false);
    for (const host of ['redis', '*.local', 'db.team-a.svc.cluster.local', 'printer.LAN', 'nas.home.arpa', 'x.Internal', 'box.localdomain', 'db.svc']) {
      expect([host, isRealExternalHost(hostsOf([host]))]).toEqual([host, false]);
    }
    expect(isRealExternalHost(hostsOf(['redis', 'api.example.com']))).toBe(true);
  });
});
