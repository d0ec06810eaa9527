/**
 * helm is not on this project's machines and cannot be installed, so these
 * tests put a fake `helm` on PATH: a shell script that records its arguments
 * and prints what `helm template` prints for the fixture chart (documents
 * with `# Source:` comments). What they show: the arguments we pass, how
 * output maps back to template files, and the diagnostics when helm is
 * missing or fails. What they cannot show: that real helm renders the chart
 * this way.
 */
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSources } from '../../../src/core/load/load-sources.js';
import { helmRenderer } from '../../../src/adapters/render/helm-renderer.js';
import { copyRepository, type RepositoryCopy } from '../../../src/adapters/render/repository-copy.js';
import { REPO_ROOT } from '../../helpers/fixtures.js';
import { REPOSITORIES_DIR, repositoryFiles } from '../../helpers/repositories.js';

/** What `helm template` prints for the helm-chart fixture repository: documents with `# Source:` comments. */
const RENDERED = join(REPO_ROOT, 'test/fixtures/helm-template/helm-chart.yaml');

let binDir: string;
let copy: RepositoryCopy;
const input = { kind: 'helm' as const, chart: 'charts/egress', valueFiles: ['charts/egress/values.yaml'], releaseName: 'egress', namespace: 'egress' };

beforeAll(async () => {
  binDir = await mkdtemp(join(tmpdir(), 'seg-fake-helm-'));
  // PATH holds only this folder when the renderer runs it, so the script names every tool by its full path.
  await writeFile(join(binDir, 'helm'), `#!/bin/sh\nprintf '%s\\n' "$@" > "${binDir}/args.txt"\npwd > "${binDir}/cwd.txt"\n/usr/bin/env > "${binDir}/env.txt"\n/bin/cat "${RENDERED}"\n`);
  await chmod(join(binDir, 'helm'), 0o755);
  // Records every values file as helm would read it, while it exists (the renderer removes its temporary files afterwards).
  await writeFile(join(binDir, 'values-helm'), `#!/bin/sh\nprintf '%s\\n' "$@" > "${binDir}/args.txt"\n: > "${binDir}/values.txt"\nprev=\nfor a in "$@"; do if [ "$prev" = --values ]; then /bin/cat "$a" >> "${binDir}/values.txt"; echo >> "${binDir}/values.txt"; fi; prev="$a"; done\n/bin/cat "${RENDERED}"\n`);
  await chmod(join(binDir, 'values-helm'), 0o755);
  await writeFile(join(binDir, 'failing-helm'), '#!/bin/sh\necho "Error: found in Chart.yaml, but missing in charts/ directory: common" >&2\nexit 1\n');
  await chmod(join(binDir, 'failing-helm'), 0o755);
  copy = await copyRepository(join(REPOSITORIES_DIR, 'helm-chart'));
});
afterAll(async () => {
  await copy.dispose();
  await rm(binDir, { recursive: true, force: true });
});

describe('helm template through a fake helm', () => {
  test('runs `helm template RELEASE ./CHART --namespace NS --values ./FILE` in the copy, never in the checkout, with no network', async () => {
    await helmRenderer({ path: binDir }).render(input, copy);
    const args = (await readFile(join(binDir, 'args.txt'), 'utf8')).trim().split('\n');
    expect(args).toEqual(['template', 'egress', './charts/egress', '--namespace', 'egress', '--values', './charts/egress/values.yaml']);
    expect((await readFile(join(binDir, 'cwd.txt'), 'utf8')).trim()).toBe(copy.dir);
    const env = await readFile(join(binDir, 'env.txt'), 'utf8');
    expect(env).toContain('HTTPS_PROXY=http://127.0.0.1:9');
    expect(env).toContain(`HOME=${copy.home}`);
  });

  test('every rendered entry is analysed, in the release namespace, at the template file it came from', async () => {
    const result = await helmRenderer({ path: binDir }).render(input, copy);
    expect(result.diagnostics).toEqual([]);
    const loaded = loadSources(result.files, { defaultNamespace: input.namespace });
    expect(loaded.entries.map((e) => [e.ref, e.location.path])).toEqual([
      ['egress/payments-db', 'charts/egress/templates/databases.yaml'],
      ['egress/ledger-db', 'charts/egress/templates/databases.yaml'],
    ]);
    // In the template the document starts on line 3 (after `{{- range` and `---`) and the port number is on line 13.
    expect(loaded.entries.map((e) => [e.location.line, e.ports[0]!.location.line])).toEqual([[3, 13], [3, 13]]);
  });

  test('a chart helm cannot render (a missing dependency, say) is named with helm\'s own reason', async () => {
    const { symlink } = await import('node:fs/promises');
    const failingDir = await mkdtemp(join(tmpdir(), 'seg-failing-helm-'));
    await symlink(join(binDir, 'failing-helm'), join(failingDir, 'helm'));
    const result = await helmRenderer({ path: failingDir }).render(input, copy);
    await rm(failingDir, { recursive: true, force: true });
    expect(result.files).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.location.path])).toEqual([['helm-failed', 'charts/egress/Chart.yaml']]);
    expect(result.diagnostics[0]!.message).toContain('missing in charts/ directory: common');
  });

  test('without helm on PATH: one diagnostic for the chart, its ServiceEntry templates counted as not analysed', async () => {
    const files = repositoryFiles('helm-chart');
    const result = await helmRenderer({ path: '/nonexistent', chartFiles: (chart) => files.filter((f) => f.path.startsWith(`${chart}/`)) }).render(input, copy);
    expect(result.files).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.location.path])).toEqual([['helm-missing', 'warning', 'charts/egress/Chart.yaml']]);
    expect(result.diagnostics[0]!.message).toContain('Helm chart charts/egress not analysed: helm is not on PATH (1 ServiceEntry template not analysed)');
    expect(result.unrenderedServiceEntries).toBe(1);
  });
});

describe('inline values (Argo CD values/valuesObject/parameters, Flux values/valuesFrom) through a fake helm', () => {
  test('each values layer is a temporary values file after the input\'s own, in order; parameters are --set/--set-string with commas escaped', async () => {
    const { symlink, stat } = await import('node:fs/promises');
    const dir = await mkdtemp(join(tmpdir(), 'seg-values-helm-'));
    await symlink(join(binDir, 'values-helm'), join(dir, 'helm'));
    const layered = {
      ...input,
      values: [
        { kind: 'set' as const, from: 'app.yaml helm.parameters', name: 'databases[0].host', value: 'a.example.com,b.example.com', string: false },
        { kind: 'values' as const, from: 'app.yaml helm.values', values: { defaults: { protocol: 'TLS' } } },
        { kind: 'set' as const, from: 'app.yaml helm.parameters', name: 'ports', value: '{5432,5433}', string: true },
        { kind: 'values' as const, from: 'app.yaml helm.valuesObject', values: { databases: [{ name: 'search', host: 'search.example.com' }] } },
      ],
    };
    const result = await helmRenderer({ path: dir }).render(layered, copy);
    await rm(dir, { recursive: true, force: true });
    expect(result.diagnostics).toEqual([]);
    const args = (await readFile(join(binDir, 'args.txt'), 'utf8')).trim().split('\n');
    const files = args.filter((_, i) => args[i - 1] === '--values');
    expect(files[0]).toBe('./charts/egress/values.yaml');
    expect(files).toHaveLength(3);
    // Written outside the repository copy, and gone once helm has run.
    for (const file of files.slice(1)) {
      expect(file.startsWith(copy.dir)).toBe(false);
      await expect(stat(file)).rejects.toThrow();
    }
    // Every --values before any --set: helm applies --set last whatever the order on the line.
    expect(args.slice(args.indexOf('--set'))).toEqual(['--set', 'databases[0].host=a.example.com\\,b.example.com', '--set-string', 'ports={5432,5433}']);
    expect((await readFile(join(binDir, 'values.txt'), 'utf8')).split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l))).toEqual([
      { defaults: { protocol: 'TLS' } },
      { databases: [{ name: 'search', host: 'search.example.com' }] },
    ]);
  });
});
