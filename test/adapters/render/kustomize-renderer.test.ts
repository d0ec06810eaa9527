/**
 * Against the real kustomize inside kubectl (this project's machines have
 * /usr/bin/kubectl with kustomize v5). These tests fail, never skip, when it
 * is missing: what they check is exactly what a fake could not show.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadSources } from '../../../src/core/load/load-sources.js';
import { kustomizeRenderer } from '../../../src/adapters/render/kustomize-renderer.js';
import { copyRepository, type RepositoryCopy } from '../../../src/adapters/render/repository-copy.js';
import { REPOSITORIES_DIR } from '../../helpers/repositories.js';

const KUBECTL_DIR = '/usr/bin';
const copies: RepositoryCopy[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const c of copies) await c.dispose();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function copyOf(repoDir: string, allowRemote = false): Promise<RepositoryCopy> {
  const copy = await copyRepository(repoDir, { allowRemote });
  copies.push(copy);
  return copy;
}

async function repoWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'seg-kustomize-test-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

const renderer = () => kustomizeRenderer({ path: KUBECTL_DIR });

/** Builds the root `app` of a repository holding `files`, from a copy as the review does. */
async function buildApp(files: Record<string, string>) {
  return renderer().render({ kind: 'kustomize', root: 'app' }, await copyOf(await repoWith(files)));
}

test('kubectl with kustomize is on this machine', () => {
  expect(existsSync(join(KUBECTL_DIR, 'kubectl'))).toBe(true);
});

describe('kustomize build of a real overlay', () => {
  test('each entry of the overlay comes back once, with the overlay namespace, at its source file and line', async () => {
    const copy = await copyOf(join(REPOSITORIES_DIR, 'kustomize-overlays'));
    const result = await renderer().render({ kind: 'kustomize', root: 'overlays/prod' }, copy);
    expect(result.diagnostics).toEqual([]);
    const loaded = loadSources(result.files, { defaultNamespace: 'default' });
    expect(loaded.entries.map((e) => [e.ref, e.location.path, e.location.line, e.ports[0]!.location.line]).sort()).toEqual([
      // base/payments-db.yaml: apiVersion on line 1, the port number on line 12.
      ['payments/payments-db', 'base/payments-db.yaml', 1, 12],
      // overlays/prod/ledger-db.yaml: a comment on line 1 and a blank line 6 push the port to line 13.
      ['payments/ledger-db', 'overlays/prod/ledger-db.yaml', 2, 13],
    ].sort());
    expect(loaded.diagnostics).toEqual([]);
  });

  test('the origin annotation kustomize was asked for is not left on the entries', async () => {
    const copy = await copyOf(join(REPOSITORIES_DIR, 'kustomize-overlays'));
    const result = await renderer().render({ kind: 'kustomize', root: 'overlays/staging' }, copy);
    expect(result.files.map((f) => f.text).join('\n')).not.toContain('config.kubernetes.io/origin');
    expect(loadSources(result.files, { defaultNamespace: 'default' }).entries.map((e) => e.ref)).toEqual(['payments-staging/payments-db']);
  });

  test('a Flux targetNamespace is set on every object of the build, as Flux does', async () => {
    const copy = await copyOf(join(REPOSITORIES_DIR, 'kustomize-overlays'));
    const result = await renderer().render({ kind: 'kustomize', root: 'base', targetNamespace: 'team-a' }, copy);
    expect(loadSources(result.files, { defaultNamespace: 'default' }).entries.map((e) => e.ref)).toEqual(['team-a/payments-db']);
  });
});

describe('each built entry points at its own source document', () => {
  test('an entry maps to the document of its own name, not to the first one whose name is part of it', async () => {
    const copy = await copyOf(join(REPOSITORIES_DIR, 'kustomize-name-mapping'));
    const result = await renderer().render({ kind: 'kustomize', root: 'base' }, copy);
    const loaded = loadSources(result.files, { defaultNamespace: 'default' });
    // base/egress.yaml: dep-1 starts on line 2 (after a comment), dep-10 on line 15.
    expect(loaded.entries.map((e) => [e.ref, e.location.path, e.location.line])).toEqual([
      ['default/dep-1', 'base/egress.yaml', 2],
      ['default/dep-10', 'base/egress.yaml', 15],
    ]);
    expect(loaded.entries[1]!.ports[0]!.location.line).toBeGreaterThan(15);
  });

  test('with a namePrefix from the overlay, each entry still maps to its own document', async () => {
    const copy = await copyOf(join(REPOSITORIES_DIR, 'kustomize-name-mapping'));
    const result = await renderer().render({ kind: 'kustomize', root: 'overlays/prefixed' }, copy);
    const loaded = loadSources(result.files, { defaultNamespace: 'default' });
    expect(loaded.entries.map((e) => [e.ref, e.location.path, e.location.line])).toEqual([
      ['prod/prod-dep-1', 'base/egress.yaml', 2],
      ['prod/prod-dep-10', 'base/egress.yaml', 15],
    ]);
  });

  test('building a base as a root with a targetNamespace leaves it as written for the overlays that include it', async () => {
    const copy = await copyOf(join(REPOSITORIES_DIR, 'kustomize-name-mapping'));
    const namespaces = async (root: string, targetNamespace?: string) => {
      const result = await renderer().render({ kind: 'kustomize', root, ...(targetNamespace ? { targetNamespace } : {}) }, copy);
      return loadSources(result.files, { defaultNamespace: 'default' }).entries.map((e) => e.namespace);
    };
    expect(await namespaces('base', 'team-x')).toEqual(['team-x', 'team-x']);
    expect(await namespaces('overlays/unchanged')).toEqual(['default', 'default']);
    expect(await readFile(join(copy.dir, 'base/kustomization.yaml'), 'utf8')).toBe('resources:\n  - egress.yaml\n');
  });

  test('the entry\'s own annotations stay when the origin annotation is taken off', async () => {
    const copy = await copyOf(join(REPOSITORIES_DIR, 'kustomize-name-mapping'));
    const result = await renderer().render({ kind: 'kustomize', root: 'base' }, copy);
    const dep10 = result.files.find((f) => f.text.includes('name: dep-10'))!.text;
    expect(dep10).toContain('serviceentry-guard.io/ignore: tcp-shadowed');
    expect(dep10).not.toContain('config.kubernetes.io/origin');
    expect(loadSources(result.files, { defaultNamespace: 'default' }).diagnostics).toEqual([]);
  });
});

describe('what kustomize may not do', () => {
  test('the default load restrictor holds: a file outside the root is refused, and the root\'s own files are still read as written', async () => {
    const result = await buildApp({
      'secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: outside-root\n',
      'app/kustomization.yaml': 'resources:\n  - ../secret.yaml\n  - se.yaml\n',
      'app/se.yaml': 'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: db\nspec:\n  hosts: [db.example.com]\n  ports: [{number: 5432, name: tcp, protocol: TCP}]\n',
    });
    expect(result.diagnostics.map((d) => [d.code, d.location.path])).toEqual([['kustomize-failed', 'app/kustomization.yaml']]);
    expect(result.diagnostics[0]!.message).toMatch(/security; file .* is not in or below|not in or below/);
    expect(loadSources(result.files, { defaultNamespace: 'default' }).entries.map((e) => e.ref)).toEqual(['default/db']);
  });

  test('a base folder outside the repository is never built: the load restrictor guards files, not kustomization folders', async () => {
    // A folder on the runner, outside the repository, holding a kustomization kustomize would happily build.
    const elsewhere = await mkdtemp(join(tmpdir(), 'seg-outside-base-'));
    dirs.push(elsewhere);
    await writeFile(join(elsewhere, 'kustomization.yaml'), 'resources:\n  - se.yaml\n');
    await writeFile(join(elsewhere, 'se.yaml'), 'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: runner-secret\nspec:\n  hosts: [leak.example.com]\n  ports: [{number: 5432, name: tcp, protocol: TCP}]\n');
    for (const reference of [elsewhere, `../../../../../../../../..${elsewhere}`]) {
      const result = await buildApp({ 'app/kustomization.yaml': `resources:\n  - ${reference}\n  - se.yaml\n`, 'app/se.yaml': 'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: db\nspec:\n  hosts: [db.example.com]\n  ports: [{number: 5432, name: tcp, protocol: TCP}]\n' });
      expect(result.files).toEqual([]);
      expect(result.diagnostics.map((d) => [d.code, d.severity, d.location.path])).toEqual([['kustomize-outside', 'warning', 'app/kustomization.yaml']]);
      expect(result.diagnostics[0]!.message).toContain(`references ${reference} (in app/kustomization.yaml), outside the repository`);
    }
  });

  test('a failed build says the same on every run: no kubectl log header (time, process), no temporary folder', async () => {
    const files = { 'app/kustomization.yaml': 'resources:\n  - ../missing-base\n  - se.yaml\n', 'app/se.yaml': 'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: db\nspec:\n  hosts: [db.example.com]\n  ports: [{number: 5432, name: tcp, protocol: TCP}]\n' };
    const first = await buildApp(files);
    const second = await buildApp(files);
    expect(first.diagnostics.map((d) => d.code)).toEqual(['kustomize-failed']);
    const message = first.diagnostics[0]!.message;
    expect(message).toContain('missing-base');
    expect(message).not.toMatch(/[IWEF]\d{4} \d\d:\d\d:\d\d/);
    expect(message).not.toContain(tmpdir());
    expect(second.diagnostics[0]!.message).toBe(message);
  });

  test('a remote base is not fetched: the root is named in a diagnostic, no network is tried', async () => {
    const result = await buildApp({ 'app/kustomization.yaml': 'resources:\n  - https://github.com/example/platform//base?ref=v1\n' });
    expect(result.files).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([['kustomize-remote', 'warning']]);
    expect(result.diagnostics[0]!.message).toContain('Kustomize root app not analysed');
  });

  test('plugins (a generator with an exec function) are refused', async () => {
    const result = await buildApp({
      'app/kustomization.yaml': 'generators:\n  - gen.yaml\n',
      'app/gen.yaml': 'apiVersion: example.com/v1\nkind: Exec\nmetadata:\n  name: x\n  annotations:\n    config.kubernetes.io/function: |\n      exec:\n        path: ./touch.sh\n',
      'app/touch.sh': '#!/bin/sh\necho pwned > /tmp/seg-should-not-exist\n',
    });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['kustomize-failed']);
    expect(existsSync('/tmp/seg-should-not-exist')).toBe(false);
  });

  test('a symlink to a file outside the repository is not copied, so kustomize cannot read it', async () => {
    const outside = await repoWith({ 'host-secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: host\n' });
    const repo = await repoWith({ 'app/kustomization.yaml': 'resources:\n  - link.yaml\n' });
    const { symlink } = await import('node:fs/promises');
    await symlink(join(outside, 'host-secret.yaml'), join(repo, 'app/link.yaml'));
    const copy = await copyOf(repo);
    expect(copy.paths.has('app/link.yaml')).toBe(false);
    const result = await renderer().render({ kind: 'kustomize', root: 'app' }, copy);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['kustomize-failed']);
  });

  test('without kustomize or kubectl on PATH, the root is named as not analysed', async () => {
    const copy = await copyOf(join(REPOSITORIES_DIR, 'kustomize-overlays'));
    const result = await kustomizeRenderer({ path: '/nonexistent' }).render({ kind: 'kustomize', root: 'overlays/prod' }, copy);
    expect(result.files).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.location.path])).toEqual([['kustomize-missing', 'overlays/prod/kustomization.yaml']]);
    expect(result.diagnostics[0]!.message).toContain('Kustomize root overlays/prod not analysed');
  });
});
