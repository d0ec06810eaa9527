import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadSourceFile } from '../../../src/core/load/load-sources.js';
import { loadMeshes, sharedLoader } from '../../../src/core/analysis/analyze-meshes.js';
import type { MeshPlan } from '../../../src/core/repository/mesh-plan.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Live heap after a full collection. */
function liveHeap(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

/** One file of ServiceEntries whose hostnames, names and label values are all longer than V8 copies when it cuts a string. */
function manyEntries(count: number): string {
  const docs: string[] = [];
  for (let i = 0; i < count; i++) {
    docs.push(`apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: a-rather-long-service-entry-name-${i}
  namespace: a-long-namespace-name
  labels:
    team: a-team-with-a-long-name-${i}
spec:
  hosts:
    - "service-number-${i}.partner.example.com"
  ports:
    - number: 443
      name: tcp-443-with-a-long-name
      protocol: TCP
  resolution: DNS
`);
  }
  return docs.join('---\n');
}

const plan: MeshPlan = { name: 'prod', why: 'test', inputs: [], settings: { defaultNamespace: 'default', mesh: {} } };

/**
 * Loads what the holder holds in a frame of its own, so no register of the test's frame keeps the input
 * alive (V8 counts a stale register as a root), and says how much the heap lost when the holder let go.
 */
function freedWhenDropped<T>(holder: { input?: unknown }, load: (input: never) => T): { loaded: T; freed: number } {
  const loaded = loadIn(holder, load);
  const withInput = liveHeap();
  holder.input = undefined;
  return { loaded, freed: withInput - liveHeap() };
}

function loadIn<T>(holder: { input?: unknown }, load: (input: never) => T): T {
  return load(holder.input as never);
}

/** The input made in a frame of its own, for the same reason. */
function holding(make: () => unknown): { input?: unknown } {
  return { input: make() };
}

// A large repository's texts are a fifth of what its analysis holds: once loaded, entries must not keep them alive
// through the strings the YAML parser cut out of them.
describe('loaded entries keep no part of their file text alive', () => {
  test('dropping the text after loading frees it', () => {
    const holder = holding(() => ({ path: 'egress.yaml', text: manyEntries(20_000) }));
    const size = manyEntries(20_000).length;
    const { loaded, freed } = freedWhenDropped(holder, (file: { path: string; text: string }) => loadSourceFile(file, { defaultNamespace: 'default' }));
    expect(loaded.entries).toHaveLength(20_000);
    expect(loaded.entries[19_999]!.hosts).toEqual(['service-number-19999.partner.example.com']);
    expect(freed).toBeGreaterThan(size * 0.9);
  });

  test('loadMeshes leaves nothing that holds the files: the loader and its inputs go, the loaded meshes stay', () => {
    const holder = holding(() => [{ plan, files: [{ path: 'egress.yaml', text: manyEntries(20_000) }], diagnostics: [] }]);
    const size = manyEntries(20_000).length;
    const { loaded, freed } = freedWhenDropped(holder, (meshes: Parameters<typeof loadMeshes>[0]) => loadMeshes(meshes, { loader: sharedLoader(undefined) }));
    expect(loaded[0]!.loaded.entries).toHaveLength(20_000);
    expect(freed).toBeGreaterThan(size * 0.9);
  });
});
