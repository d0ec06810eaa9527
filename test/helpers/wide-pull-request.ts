import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A pull request too wide to write by hand, in the layout of
 * test/fixtures/merges (branch-point/, main/, head/): the base holds `count`
 * TCP entries, one per port from 20000, all in one file; the branch adds
 * `count` files, each a new TCP entry on one of those ports (so each is a
 * new collision, whose older entry wins); main moves on by adding an
 * unrelated entry after the branch point. Returns the folder, for movingBaseRepo.
 */
export function widePullRequestFixture(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'seg-wide-'));
  const entry = (name: string, host: string, port: number, comment: string) => [
    `# ${comment}`,
    'apiVersion: networking.istio.io/v1',
    'kind: ServiceEntry',
    'metadata:',
    `  name: ${name}`,
    '  namespace: egress',
    'spec:',
    '  hosts:',
    `    - ${host}`,
    '  location: MESH_EXTERNAL',
    '  ports:',
    `    - number: ${port}`,
    `      name: tcp-${port}`,
    '      protocol: TCP',
    '  resolution: DNS',
    '',
  ].join('\n');
  const ports = Array.from({ length: count }, (_, i) => 20000 + i);
  const existing = ports.map((port) => entry(`db-${port}`, `db-${port}.example.com`, port, `The database on ${port}, long before this change.`)).join('---\n');
  for (const side of ['branch-point', 'main', 'head']) {
    mkdirSync(join(dir, side));
    writeFileSync(join(dir, side, 'existing.yaml'), existing);
  }
  writeFileSync(join(dir, 'main', 'docs.yaml'), entry('docs', 'docs.example.com', 8443, 'Main added this after the branch point; it collides with nothing.'));
  for (const port of ports) writeFileSync(join(dir, 'head', `cache-${port}.yaml`), entry(`cache-${port}`, `cache-${port}.example.com`, port, `A new cache on ${port}: TCP without addresses, so it shares 0.0.0.0_${port}.`));
  return dir;
}
