/**
 * kustomize's output is read from its canonical lines when it is in
 * kustomize's own style, and parsed when it is not: both read the same kind,
 * name and origin, and leave the entry without the origin annotation.
 */
import { kustomizeDocuments } from '../../../src/adapters/render/source-mapping.js';
import { loadSources } from '../../../src/core/load/load-sources.js';

// As kubectl kustomize v5.5 prints it with buildMetadata: [originAnnotations].
const canonical = `apiVersion: v1
kind: ConfigMap
metadata:
  annotations:
    config.kubernetes.io/origin: |
      path: ../../base/config.yaml
  name: settings
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  annotations:
    config.kubernetes.io/origin: |
      path: ../../base/egress.yaml
    serviceentry-guard.io/ignore: tcp-shadowed
  name: payments-db
  namespace: prod
spec:
  hosts:
  - payments.db.example.com
  ports:
  - name: tcp
    number: 5432
    protocol: TCP
---
apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  annotations:
    config.kubernetes.io/origin: |
      path: sidecar.yaml
  name: default
  namespace: prod
spec:
  egress:
  - hosts:
    - ./*
`;

// The same objects in another style: quoted scalars, a flow mapping, another indentation.
const other = `apiVersion: networking.istio.io/v1
kind: "ServiceEntry"
metadata:
  name: "payments-db"
  namespace: prod
  annotations:
      serviceentry-guard.io/ignore: tcp-shadowed
      config.kubernetes.io/origin: "path: ../../base/egress.yaml\\n"
spec: {hosts: [payments.db.example.com], ports: [{name: tcp, number: 5432, protocol: TCP}]}
---
apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: 'default'
  namespace: prod
  annotations:
    config.kubernetes.io/origin: |
      path: sidecar.yaml
spec: {egress: [{hosts: [./*]}]}
`;

const summary = (output: string) => kustomizeDocuments(output).map((d) => ({ kind: d.kind, name: d.name, originPath: d.originPath }));

describe('reading a kustomize build', () => {
  test('only ServiceEntries and Sidecars come back, each with its origin path', () => {
    expect(summary(canonical)).toEqual([
      { kind: 'ServiceEntry', name: 'payments-db', originPath: '../../base/egress.yaml' },
      { kind: 'Sidecar', name: 'default', originPath: 'sidecar.yaml' },
    ]);
  });

  test('output in another style reads the same', () => {
    expect(summary(other)).toEqual(summary(canonical));
  });

  test('the origin annotation is taken off and every other annotation stays, so the entries load as the build made them', () => {
    for (const output of [canonical, other]) {
      const docs = kustomizeDocuments(output);
      const texts = docs.map((d) => d.text).join('---\n');
      expect(texts).not.toContain('config.kubernetes.io/origin');
      expect(texts).toContain('serviceentry-guard.io/ignore: tcp-shadowed');
      const loaded = loadSources(docs.map((d, i) => ({ path: `doc-${i}.yaml`, text: d.text })), { defaultNamespace: 'default' });
      expect(loaded.diagnostics).toEqual([]);
      expect(loaded.entries.map((e) => [e.ref, e.hosts, e.ports.map((p) => p.number)])).toEqual([['prod/payments-db', ['payments.db.example.com'], [5432]]]);
      expect(loaded.sidecars.map((s) => s.namespace)).toEqual(['prod']);
    }
  });
});
