import type { SourceFile } from '../src/core/model.js';

export type Shape = 'realistic' | 'one-port';

const PORTS = [443, 443, 443, 443, 80, 3306, 6379, 5432, 9092, 8443, 27017, 8080];
const PROTOCOLS = ['TCP', 'TCP', 'TLS', 'HTTP', 'TCP', '', 'HTTPS'];

/**
 * A GitOps repository of `count` ServiceEntries, ten to a file, in 50
 * namespaces. `one-port` puts every entry on 443/TCP without addresses: the
 * worst case, one collision group holding them all.
 */
export function syntheticRepo(count: number, shape: Shape): SourceFile[] {
  const files: SourceFile[] = [];
  const perFile = 10;
  for (let f = 0; f * perFile < count; f++) {
    const docs: string[] = [];
    for (let i = f * perFile; i < Math.min(count, (f + 1) * perFile); i++) docs.push(entry(i, shape));
    files.push({ path: `clusters/prod/ns-${f % 50}/egress-${f}.yaml`, text: docs.join('---\n') });
  }
  return files;
}

function entry(i: number, shape: Shape): string {
  const port = shape === 'one-port' ? 443 : PORTS[i % PORTS.length]!;
  const protocol = shape === 'one-port' ? 'TCP' : PROTOCOLS[(i * 7) % PROTOCOLS.length]!;
  const withAddress = shape === 'realistic' && i % 5 === 0;
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
${i % 13 === 0 ? '  exportTo: ["."]\n' : ''}`;
}
