import type { SourceFile } from '../src/core/model.js';

/**
 * realistic: mixed ports, protocols, addresses and private entries in 50 namespaces.
 * one-port: every entry on 443/TCP without addresses, all public: one collision holding them all.
 * k-namespaces: 10k public entries on 443 plus `count` namespaces with one private entry each on 443,
 *   so every one of those namespaces sees a different winner.
 * n-namespaces: `count` namespaces each defining one host on 443, every other one private.
 * sidecars: `count` public entries on 443 plus 300 namespace Sidecars (a third import `*\/*`,
 *   a third `./*` and istio-system, a third `./*` and one of the entries' namespaces).
 * cluster-export: the realistic entries as `kubectl get serviceentries -A -o yaml` prints them: the items
 *   of one List in one file (which the loader reads a run of items at a time; files over 64 MB are skipped).
 */
export type Shape = 'realistic' | 'one-port' | 'k-namespaces' | 'n-namespaces' | 'sidecars' | 'cluster-export';

export const SHAPES: readonly Shape[] = ['realistic', 'one-port', 'k-namespaces', 'n-namespaces', 'sidecars', 'cluster-export'];

const PORTS = [443, 443, 443, 443, 80, 3306, 6379, 5432, 9092, 8443, 27017, 8080];
const PROTOCOLS = ['TCP', 'TCP', 'TLS', 'HTTP', 'TCP', '', 'HTTPS'];
const PER_FILE = 10;
const K_PUBLIC = 10_000;
const SIDECARS = 300;

/** How many ServiceEntries the shape holds for a size parameter (k-namespaces adds its 10k public ones). */
export function entryCount(shape: Shape, count: number): number {
  return shape === 'k-namespaces' ? K_PUBLIC + count : count;
}

export function syntheticRepo(count: number, shape: Shape): SourceFile[] {
  switch (shape) {
    case 'realistic':
    case 'one-port':
      return inFiles(count, (i) => entry(i, shape));
    case 'k-namespaces':
      return [
        ...inFiles(K_PUBLIC, (i) => entry(i, 'one-port')),
        ...inFiles(count, (k) => plainEntry({ name: `private-${k}`, namespace: `team-${k}`, host: `private-${k}.internal.example.com`, exportTo: '.' }), 'private'),
      ];
    case 'n-namespaces':
      return inFiles(count, (i) => plainEntry({ name: `svc-${i}`, namespace: `app-${i}`, host: `host-${i}.example.com`, exportTo: i % 2 === 1 ? '.' : undefined }), 'apps');
    case 'sidecars':
      return [...inFiles(count, (i) => entry(i, 'one-port')), ...sidecarFiles()];
    case 'cluster-export':
      return [{ path: 'clusters/prod/export/serviceentries.yaml', text: clusterExport(count) }];
  }
}

/** The realistic entries as the items of one List, indented as kubectl prints them (without the comments). */
function clusterExport(count: number): string {
  const items: string[] = [];
  for (let i = 0; i < count; i++) {
    const lines = entry(i, 'realistic').split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    items.push(lines.map((line, n) => `${n === 0 ? '- ' : '  '}${line}`).join('\n'));
  }
  return `apiVersion: v1\nkind: List\nmetadata:\n  resourceVersion: ""\nitems:\n${items.join('\n')}\n`;
}

/** One change for the PR path: `findings` new entries, each joining a different port's collision of the realistic shape. */
export function pullRequestFile(findings: number): SourceFile {
  const ports = [443, 3306, 6379, 5432, 9092, 27017, 8080];
  const docs = ports.slice(0, findings).map((port, i) => plainEntry({ name: `new-dependency-${i}`, namespace: 'ns-0', host: `new-${i}.partner.example.com`, port }));
  return { path: 'clusters/prod/ns-0/new-dependency.yaml', text: docs.join('---\n') };
}

function inFiles(count: number, make: (i: number) => string, dir = 'egress'): SourceFile[] {
  const files: SourceFile[] = [];
  for (let f = 0; f * PER_FILE < count; f++) {
    const docs: string[] = [];
    for (let i = f * PER_FILE; i < Math.min(count, (f + 1) * PER_FILE); i++) docs.push(make(i));
    files.push({ path: `clusters/prod/${dir}-${f % 50}/${dir}-${f}.yaml`, text: docs.join('---\n') });
  }
  return files;
}

function entry(i: number, shape: 'realistic' | 'one-port'): string {
  const port = shape === 'one-port' ? 443 : PORTS[i % PORTS.length]!;
  const protocol = shape === 'one-port' ? 'TCP' : PROTOCOLS[(i * 7) % PROTOCOLS.length]!;
  const withAddress = shape === 'realistic' && i % 5 === 0;
  const exportTo = shape === 'realistic' && i % 13 === 0;
  return `# external dependency ${i}
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: svc-${i}
  namespace: ns-${i % 50}
  labels:
    team: team-${i % 17}
spec:
  hosts:
    - host-${i}.example.com
${withAddress ? `  addresses:\n    - 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}\n` : ''}  location: MESH_EXTERNAL
  ports:
    - number: ${port}
      name: port-${port}
${protocol ? `      protocol: ${protocol}\n` : ''}  resolution: ${i % 9 === 0 ? 'NONE' : 'DNS'}
${exportTo ? '  exportTo: ["."]\n' : ''}`;
}

function plainEntry(e: { name: string; namespace: string; host: string; exportTo?: string; port?: number }): string {
  const port = e.port ?? 443;
  return `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: ${e.name}
  namespace: ${e.namespace}
spec:
  hosts:
    - ${e.host}
  location: MESH_EXTERNAL
  ports:
    - number: ${port}
      name: tcp-${port}
      protocol: TCP
  resolution: DNS
${e.exportTo ? `  exportTo: ["${e.exportTo}"]\n` : ''}`;
}

function sidecarFiles(): SourceFile[] {
  const files: SourceFile[] = [];
  for (let i = 0; i < SIDECARS; i++) {
    const hosts = i % 3 === 0 ? ['*/*'] : i % 3 === 1 ? ['./*', 'istio-system/*'] : ['./*', `ns-${i % 50}/*`];
    files.push({
      path: `clusters/prod/sidecars/team-${i}.yaml`,
      text: `apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: default
  namespace: team-${i}
spec:
  egress:
    - hosts:
${hosts.map((h) => `        - "${h}"`).join('\n')}
`,
    });
  }
  return files;
}
