/**
 * Which rendered entries can be fixed in their source file, and what the
 * review says for the others (the real-kubectl cases are in
 * test/adapters/review-by-mesh-renders-each-side.test.ts).
 */
import { analyze } from '../../../src/core/analysis/analyze.js';
import { renderedFixNote, renderedSourcesOf, patchRenderedSource } from '../../../src/core/fixes/rendered-sources.js';
import { setPortNumber } from '../../../src/core/fixes/manifest-edits.js';
import { loadMeshSources, type MeshSourceGroup } from '../../../src/core/repository/load-mesh.js';
import { renderReviewMarkdown } from '../../../src/core/render/markdown.js';
import type { ReviewReport } from '../../../src/core/review/review-change.js';

const entry = (name: string, port: number) => `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: ${name}
spec:
  hosts: [${name}.example.com]
  resolution: DNS
  ports:
    - number: ${port}
      name: tcp
      protocol: TCP
`;
const renderedFile = (path: string, name: string, port: number, namespace = 'payments') => ({ path, text: entry(name, port).replace('metadata:\n', `metadata:\n  namespace: ${namespace}\n`).replace(/^/, '') });

function findingOf(groups: MeshSourceGroup[]) {
  const loaded = loadMeshSources(groups);
  const finding = analyze(loaded, { mesh: {} }).findings.find((f) => f.rule === 'tcp-shadowed');
  if (!finding) throw new Error('expected a collision');
  return { finding, loaded };
}

describe('rendered entries and their source files', () => {
  test('from a Helm template: no edit, and the note says the fix belongs in the chart\'s values or templates', () => {
    const groups: MeshSourceGroup[] = [{
      files: [renderedFile('charts/egress/templates/db.yaml', 'a', 5432), renderedFile('charts/egress/templates/db.yaml', 'b', 5432)],
      defaultNamespace: 'payments',
      rendered: { by: 'helm', input: 'charts/egress', sources: [{ path: 'charts/egress/templates/db.yaml', text: '{{- range .Values.dbs }}\n{{- end }}\n' }] },
    }];
    const sources = renderedSourcesOf(groups);
    const { finding } = findingOf(groups);
    expect(patchRenderedSource(sources.get('charts/egress/templates/db.yaml')!, [setPortNumber('charts/egress/templates/db.yaml', { path: 'charts/egress/templates/db.yaml', line: 1, column: 1 }, 5432, 15432)], () => [])).toBeUndefined();
    expect(renderedFixNote(finding, sources)).toMatch(/^payments\/a is rendered from Helm chart charts\/egress \(template charts\/egress\/templates\/db\.yaml\): a fix belongs in the chart's values or templates/);
  });

  test('a kustomize entry rendered as written: the source edit is applied to the render too, in the namespace kustomize gives it', () => {
    const source = { path: 'base/a.yaml', text: entry('a', 5432) };
    const groups: MeshSourceGroup[] = [{ files: [renderedFile('base/a.yaml', 'a', 5432)], defaultNamespace: 'default', rendered: { by: 'kustomize', input: 'base', sources: [source] } }];
    const sources = renderedSourcesOf(groups);
    const at = loadMeshSources(groups).entries[0]!.location;
    const patched = patchRenderedSource(sources.get('base/a.yaml')!, [setPortNumber('base/a.yaml', at, 5432, 15432)], () => []);
    expect(patched?.sourceText).toContain('number: 15432');
    expect(patched?.entries.map((e) => [e.ref, e.ports[0]!.number])).toEqual([['payments/a', 15432]]);
  });

  test('the summary says why a finding has no verified fix', () => {
    const groups: MeshSourceGroup[] = [{ files: [renderedFile('t/db.yaml', 'a', 5432), renderedFile('t/db.yaml', 'b', 5432)], defaultNamespace: 'payments' }];
    const { finding } = findingOf(groups);
    const report = {
      introduced: [{ finding, status: 'introduced', newEntryRefs: [] }], resolved: [], existing: [], suggestions: { [finding.id]: [] },
      fixNotes: { [finding.id]: 'payments/a is rendered from Helm chart charts/egress (template t/db.yaml): a fix belongs in the chart.' },
      diagnostics: [], changedPaths: [], baseEntryCount: 0, headEntryCount: 2, headFiles: [],
    } as unknown as ReviewReport;
    expect(renderReviewMarkdown(report)).toContain('**No verified fix:** payments/a is rendered from Helm chart charts/egress');
  });
});
