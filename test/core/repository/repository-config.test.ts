import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { REPOSITORY_CONFIG_SCHEMA } from '../../../src/core/repository/config-schema.js';
import { parseRepositoryConfig } from '../../../src/core/repository/repository-config.js';
import { REPO_ROOT } from '../../helpers/fixtures.js';

const PATH = '.serviceentry-guard.yaml';

function errorsOf(text: string) {
  const parsed = parseRepositoryConfig(text, PATH);
  expect(parsed.config).toBeUndefined();
  return parsed.diagnostics.map((d) => ({ line: d.location.line, column: d.location.column, code: d.code, message: d.message }));
}

describe('reading .serviceentry-guard.yaml', () => {
  test('a complete config becomes typed meshes, defaults, render policy and suppressions', () => {
    const parsed = parseRepositoryConfig(`defaults:
  defaultNamespace: egress
  istioVersion: "1.30"
render:
  allowRemote: false
meshes:
  - name: prod
    paths: [clusters/prod/**, "!clusters/prod/tests/**"]
    kustomize: [apps/overlays/prod]
    helm:
      - chart: charts/egress
        valueFiles: [charts/egress/values-prod.yaml]
        releaseName: egress
        namespace: egress-system
    settings:
      autoAllocate: true
      outboundTrafficPolicy: REGISTRY_ONLY
      dnsCapture: true
      autoAllocatePrefix: 240.240.0.0/16
      controllerManagedAddresses: false
      defaultExportTo: ["."]
      rootNamespace: istio-config
  - name: staging
    paths: [clusters/staging]
suppressions:
  - rule: tcp-shadowed
    entry: legacy/*
    reason: the legacy proxy is retired next quarter
    expires: 2026-12-31
`, PATH);
    expect(parsed.diagnostics).toEqual([]);
    const config = parsed.config!;
    expect(config.defaults).toEqual({ defaultNamespace: 'egress', istioVersion: '1.30' });
    expect(config.render).toEqual({ allowRemote: false });
    expect(config.meshes.map((m) => m.name)).toEqual(['prod', 'staging']);
    expect(config.meshes[0]).toMatchObject({
      paths: ['clusters/prod/**', '!clusters/prod/tests/**'],
      kustomize: ['apps/overlays/prod'],
      helm: [{ chart: 'charts/egress', valueFiles: ['charts/egress/values-prod.yaml'], releaseName: 'egress', namespace: 'egress-system' }],
      settings: { autoAllocate: true, outboundTrafficPolicy: 'REGISTRY_ONLY', dnsCapture: true, autoAllocatePrefix: '240.240.0.0/16', controllerManagedAddresses: false, defaultExportTo: ['.'], rootNamespace: 'istio-config' },
      location: { path: PATH, line: 7, column: 11 },
    });
    expect(config.meshes[0]!.pathLocations.map((l) => l.line)).toEqual([8, 8]);
    expect(config.suppressions).toEqual([{ rule: 'tcp-shadowed', entry: 'legacy/*', reason: 'the legacy proxy is retired next quarter', expires: '2026-12-31', location: { path: PATH, line: 26, column: 5 } }]);
  });

  test('an unknown key is an error at the key, naming the keys that are allowed', () => {
    expect(errorsOf('meshes:\n  - name: prod\n    path: [a/**]\n')).toEqual([
      { line: 2, column: 5, code: 'config-schema', message: 'meshes[0] names no manifests: set paths, kustomize or helm' },
      { line: 3, column: 5, code: 'config-schema', message: expect.stringMatching(/^unknown key "path" in meshes\[0\]; expected one of name, paths, kustomize, helm, settings$/) },
    ]);
    expect(errorsOf('meshes:\n  - name: prod\n    paths: [a]\n    settings:\n      autoAllocation: true\n')).toEqual([
      expect.objectContaining({ line: 5, column: 7, message: expect.stringContaining('unknown key "autoAllocation" in meshes[0].settings; expected one of defaultNamespace, defaultExportTo, rootNamespace, autoAllocate') }),
    ]);
  });

  test('a wrong type is an error at the value, saying what was expected', () => {
    expect(errorsOf('meshes:\n  - name: prod\n    paths: clusters/prod\n')).toEqual([
      { line: 3, column: 12, code: 'config-schema', message: 'meshes[0].paths is "clusters/prod"; expected a list' },
    ]);
    expect(errorsOf('defaults:\n  autoAllocate: "yes"\nmeshes: [{name: a, paths: [x]}]\n')).toEqual([
      { line: 2, column: 17, code: 'config-schema', message: 'defaults.autoAllocate is "yes"; expected a boolean' },
    ]);
    expect(errorsOf('defaults:\n  istioVersion: 1.30\nmeshes: [{name: a, paths: [x]}]\n')[0]!.message).toContain('quote it');
    expect(errorsOf('defaults:\n  outboundTrafficPolicy: DENY\nmeshes: [{name: a, paths: [x]}]\n')[0]).toMatchObject({ line: 2, message: 'defaults.outboundTrafficPolicy is "DENY"; expected one of ALLOW_ANY, REGISTRY_ONLY' });
  });

  test('missing meshes, a mesh without a name and a bad namespace are errors with their lines', () => {
    expect(errorsOf('defaults: {}\n')).toEqual([{ line: 1, column: 1, code: 'config-schema', message: 'the top level is missing the required key "meshes"' }]);
    expect(errorsOf('meshes:\n  - paths: [a]\n')).toEqual([{ line: 2, column: 5, code: 'config-schema', message: 'meshes[0] is missing the required key "name"' }]);
    expect(errorsOf('meshes:\n  - name: a\n    paths: [a]\n    settings: {defaultNamespace: Payments}\n')[0]).toMatchObject({ line: 4, message: expect.stringContaining('expected a Kubernetes namespace name') });
  });

  test('two meshes with one name are an error at the second', () => {
    expect(errorsOf('meshes:\n  - name: prod\n    paths: [a]\n  - name: prod\n    paths: [b]\n')).toEqual([
      { line: 4, column: 11, code: 'config-duplicate-mesh', message: expect.stringContaining('mesh name "prod" is already used at line 2') },
    ]);
  });

  test('a suppression needs a rule Istio checks, an entry and a reason', () => {
    expect(errorsOf('meshes: [{name: a, paths: [x]}]\nsuppressions:\n  - rule: tcp-shadowd\n    entry: a/b\n')).toEqual([
      expect.objectContaining({ line: 3, message: 'suppressions[0] is missing the required key "reason"' }),
      expect.objectContaining({ line: 3, message: expect.stringMatching(/^suppressions\[0\]\.rule is "tcp-shadowd"; expected one of tcp-shadowed/) }),
    ]);
    expect(errorsOf('meshes: [{name: a, paths: [x]}]\nsuppressions:\n  - {rule: same-host, entry: a/b, reason: r, expires: next year}\n')[0]!.message).toContain('expected a date like 2026-12-31');
  });

  test('YAML that does not parse is an error at the offending line, duplicate keys included', () => {
    expect(errorsOf('meshes:\n  - name: a\n    name: b\n    paths: [x]\n')).toEqual([expect.objectContaining({ line: 3, column: 5, code: 'config-yaml' })]);
    expect(errorsOf('meshes: [\n')[0]).toMatchObject({ code: 'config-yaml' });
  });

  test('the shipped JSON Schema is the one the parser uses, and it validates the example config in the README', () => {
    const shipped = JSON.parse(readFileSync(join(REPO_ROOT, 'schema/serviceentry-guard.schema.json'), 'utf8'));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(REPOSITORY_CONFIG_SCHEMA)));
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const example = /```yaml\n(# yaml-language-server: \$schema=[^\n]*serviceentry-guard\.schema\.json\n[\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const validate = new Ajv({ allErrors: true, strictRequired: false }).compile(shipped);
    expect({ valid: validate(parse(example!)), errors: validate.errors ?? null }).toEqual({ valid: true, errors: null });
    expect(parseRepositoryConfig(example!, PATH).diagnostics).toEqual([]);
  });
});
