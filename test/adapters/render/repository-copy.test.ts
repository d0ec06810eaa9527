/**
 * The render copy takes in only what a render can read, and keeps the copy's
 * rules for each file it takes: a repository of many plain manifests and one
 * overlay copies the overlay and its bases, not the manifests.
 */
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { kustomizeRenderer } from '../../../src/adapters/render/kustomize-renderer.js';
import { copyOnDemand, type RepositoryCopy } from '../../../src/adapters/render/repository-copy.js';
import { loadSources } from '../../../src/core/load/load-sources.js';

const dirs: string[] = [];
const copies: RepositoryCopy[] = [];
afterAll(async () => {
  for (const c of copies) await c.dispose();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function repoWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'seg-copy-test-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

async function copyOf(repo: string): Promise<RepositoryCopy> {
  const copy = await copyOnDemand(repo);
  copies.push(copy);
  return copy;
}

const entry = (name: string) => `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: ${name}\nspec:\n  hosts: [${name}.example.com]\n  ports: [{number: 5432, name: tcp, protocol: TCP}]\n`;

describe('a copy made on demand', () => {
  test('a Kustomize root brings its own folder and the folders of what it includes, nothing else; the build is the same', async () => {
    const repo = await repoWith({
      'clusters/plain/a.yaml': entry('plain'),
      'platform/base/kustomization.yaml': 'resources:\n  - db.yaml\n',
      'platform/base/db.yaml': entry('db'),
      'platform/base/unrelated/other.yaml': entry('other'),
      'apps/prod/kustomization.yaml': 'namespace: prod\nresources:\n  - ../../platform/base\nconfigMapGenerator:\n  - name: settings\n    envs: [settings.env]\n',
      'apps/prod/settings.env': 'MODE=prod\n',
      'apps/staging/kustomization.yaml': 'resources:\n  - ../../platform/base\n',
    });
    const copy = await copyOf(repo);
    await copy.include!({ kind: 'kustomize', root: 'apps/prod' });
    expect([...copy.paths].sort()).toEqual([
      'apps/prod/kustomization.yaml', 'apps/prod/settings.env',
      'platform/base/db.yaml', 'platform/base/kustomization.yaml', 'platform/base/unrelated/other.yaml',
    ]);
    const result = await kustomizeRenderer({ path: '/usr/bin' }).render({ kind: 'kustomize', root: 'apps/prod' }, copy);
    expect(result.diagnostics).toEqual([]);
    expect(loadSources(result.files, { defaultNamespace: 'default' }).entries.map((e) => [e.ref, e.location.path])).toEqual([['prod/db', 'platform/base/db.yaml']]);
  });

  test('a base whose kustomization file is named Kustomization is followed too', async () => {
    const repo = await repoWith({
      'base/Kustomization': 'resources:\n  - db.yaml\n',
      'base/db.yaml': entry('db'),
      'app/kustomization.yaml': 'resources:\n  - ../base\n',
    });
    const copy = await copyOf(repo);
    await copy.include!({ kind: 'kustomize', root: 'app' });
    const result = await kustomizeRenderer({ path: '/usr/bin' }).render({ kind: 'kustomize', root: 'app' }, copy);
    expect(result.diagnostics).toEqual([]);
    expect(loadSources(result.files, { defaultNamespace: 'default' }).entries.map((e) => e.ref)).toEqual(['default/db']);
  });

  test('a file a kustomization names through a folder link is not copied, nor one through a link that leaves the repository', async () => {
    const outside = await repoWith({ 'secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: host\n' });
    const repo = await repoWith({ 'app/kustomization.yaml': 'resources:\n  - linked/secret.yaml\n  - direct.yaml\n  - ../../../../../../../../etc/hostname\n' });
    await symlink(outside, join(repo, 'app/linked'));
    await symlink(join(outside, 'secret.yaml'), join(repo, 'app/direct.yaml'));
    const copy = await copyOf(repo);
    await copy.include!({ kind: 'kustomize', root: 'app' });
    expect([...copy.paths]).toEqual(['app/kustomization.yaml']);
  });

  test('a Helm chart brings its folder and its values files', async () => {
    const repo = await repoWith({
      'charts/egress/Chart.yaml': 'apiVersion: v2\nname: egress\nversion: 1.0.0\n',
      'charts/egress/templates/se.yaml': entry('{{ .Values.name }}'),
      'charts/other/Chart.yaml': 'apiVersion: v2\nname: other\nversion: 1.0.0\n',
      'values/prod.yaml': 'name: prod\n',
      'values/staging.yaml': 'name: staging\n',
    });
    const copy = await copyOf(repo);
    await copy.include!({ kind: 'helm', chart: 'charts/egress', valueFiles: ['values/prod.yaml'], releaseName: 'egress', namespace: 'egress' });
    expect([...copy.paths].sort()).toEqual(['charts/egress/Chart.yaml', 'charts/egress/templates/se.yaml', 'values/prod.yaml']);
  });
});
