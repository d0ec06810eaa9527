import { loadSources } from '../../../src/core/load/load-sources.js';
import { countServiceEntryTemplates, documentSpans, looksLikeTemplate } from '../../../src/core/load/templates.js';
import { cpuTimeOf } from '../../helpers/cpu-time.js';

const load = (text: string, path = 'chart/templates/x.yaml') => loadSources([{ path, text }], { defaultNamespace: 'default' });

const helmServiceEntry = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: {{ .Values.name }}
spec:
  hosts: [db.example.com]
  ports:
    - number: {{ .Values.port }}
      name: tcp
      protocol: TCP
`;

const plainEntry = (name: string) => `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: ${name}
spec:
  hosts: [${name}.example.com]
  ports:
    - number: 5432
      name: tcp
      protocol: TCP
`;

describe('unrendered templates are never read as literal values', () => {
  test('a Helm ServiceEntry template is one info diagnostic "not analysed (template)", counted, and loads no entry', () => {
    const result = load(helmServiceEntry);
    expect(result.entries).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.location.line])).toEqual([['template', 'info', 2]]);
    expect(result.unrenderedServiceEntries).toBe(1);
  });

  test('a template whose values happen to parse is still not read (its name would be the literal "{{ .Values.name }}")', () => {
    const result = load(`apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: "{{ .Values.name }}"\nspec:\n  hosts: [a.example.com]\n  ports: [{number: 5432, name: tcp, protocol: TCP}]\n`);
    expect(result.entries).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['template']);
  });

  test('the count the fail-on-unrendered input reads from diagnostics is the ServiceEntry templates only, not Sidecar ones', () => {
    const sidecar = `apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: {{ .Values.name }}\n`;
    const result = load(`${helmServiceEntry}---\n${sidecar}---\n${helmServiceEntry}`);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['template', 'template', 'template']);
    expect(countServiceEntryTemplates(result.diagnostics)).toBe(2);
    expect(result.unrenderedServiceEntries).toBe(2);
  });

  test('a ytt annotation after a value (namespace: #@ expr) makes a document a template; a # comment mentioning #@ inside a word does not', () => {
    expect(load(`apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: s\n  namespace: #@ workloads_namespace()\n`).diagnostics.map((d) => d.code)).toEqual(['template']);
    expect(looksLikeTemplate('metadata:\n  name: a#@b\n')).toBe(false);
  });

  test('a ytt #@ annotation makes a document a template', () => {
    const result = load(`#@ load("@ytt:data", "data")\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: #@ data.values.name\n`);
    expect(result.entries).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.location.line])).toEqual([['template', 3]]);
  });

  test('plain documents of the same file still load, at their own lines', () => {
    const result = load(`${plainEntry('before')}---\n${helmServiceEntry}---\n${plainEntry('after')}`);
    expect(result.entries.map((e) => [e.name, e.location.line])).toEqual([['before', 1], ['after', 23]]);
    expect(result.diagnostics.map((d) => [d.code, d.location.line])).toEqual([['template', 13]]);
    expect(result.unrenderedServiceEntries).toBe(1);
  });

  test('an unrelated Helm template with "Sidecar" in a name is silent: no yaml-syntax error, no template note', () => {
    const text = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "sidecar-injector.fullname" . }}\n  labels: {{- include "Sidecar.labels" . | nindent 4 }}\n`;
    expect(load(text).diagnostics).toEqual([]);
  });

  test('a syntax error in a document of another kind is not reported; one in a ServiceEntry is', () => {
    const other = `kind: ConfigMap\nmetadata:\n  name: sidecar-config\ndata: [unclosed\n`;
    expect(load(`${other}---\n${plainEntry('ok')}`).diagnostics).toEqual([]);
    const broken = `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: "broken\n`;
    const result = load(`${other}---\n${broken}---\n${plainEntry('ok')}`);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['yaml-syntax']);
    expect(result.diagnostics[0]!.location.line).toBeGreaterThanOrEqual(6);
    expect(result.entries.map((e) => e.name)).toEqual(['ok']);
  });

  test('detection is linear: 4 MB of "{{" (the old /\\{\\{.*\\}\\}/ was quadratic on it) and 3 MB of "#@" load in well under the time a quadratic scan needs', () => {
    const braces = `kind: ServiceEntry\nmetadata:\n  name: ${'{{'.repeat(2 * 1024 * 1024)}\n`;
    const ytt = `kind: ServiceEntry\n${' #@'.repeat(1024 * 1024)}x: [\n`;
    for (const text of [braces, ytt]) {
      const { ms } = cpuTimeOf(() => expect(() => load(text)).not.toThrow());
      expect(ms).toBeLessThan(3000);
    }
    expect(load(braces).diagnostics.map((d) => d.code)).toEqual(['yaml-syntax']);
    expect(load(ytt).diagnostics.map((d) => d.code)).toEqual(['template']);
  });

  test('document splitting is linear: a million "---" lines split in seconds, not hours', () => {
    const markers = `kind: ServiceEntry\n${'---\n'.repeat(1024 * 1024)}`;
    const { ms } = cpuTimeOf(() => {
      expect(documentSpans(markers)).toHaveLength(1024 * 1024 + 1);
      expect(looksLikeTemplate(markers)).toBe(false);
    });
    expect(ms).toBeLessThan(5000);
  });
});
