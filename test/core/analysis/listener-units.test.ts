import fc from 'fast-check';
import { buildListenerUnits, type ListenerUnit } from '../../../src/core/analysis/listener-units.js';
import { loadSources } from '../../../src/core/load/load-sources.js';
import { DEFAULT_MESH_OPTIONS } from '../../../src/core/model.js';
import { entryArb, entryYaml, portArb, toFile } from '../../helpers/service-entry-arbitraries.js';

/** A unit as plain data, its entry named by index, so two builds can be compared field by field. */
function plain(u: ListenerUnit): unknown {
  return { ...u, entry: u.entryIndex, port: `${u.port.number}/${u.port.protocol}/${u.port.name}` };
}

describe('listener units of one port', () => {
  test('are the units of that port that the whole build makes, with the same entry indexes', () => {
    // The fix probe (listenerMembersFor) builds only its listener's port: entries without it are skipped, and every
    // other entry must keep the index the whole analysis gives it (ages, exportTo and host copies are read by index).
    fc.assert(fc.property(fc.array(entryArb, { minLength: 1, maxLength: 8 }), portArb, fc.boolean(), (entries, extra, controller) => {
      const loaded = loadSources([toFile('x.yaml', entries.map(entryYaml))], { defaultNamespace: 'default' });
      const mesh = { ...DEFAULT_MESH_OPTIONS, controllerManagedAddresses: controller };
      const ports = new Set([...loaded.entries.flatMap((e) => e.ports.map((p) => p.number)), extra.number]);
      const whole = buildListenerUnits(loaded.entries, mesh, []);
      for (const port of ports) {
        const only = buildListenerUnits(loaded.entries, mesh, [], port);
        expect(only.map(plain)).toEqual(whole.filter((u) => u.port.number === port).map(plain));
        // Every listener's name ends in its port, which is how the probe finds the port from the listener.
        for (const u of only) expect(u.listener.endsWith(`_${port}`)).toBe(true);
      }
    }), { numRuns: 300 });
  });
});
