import fc from 'fast-check';
import { analyze } from '../../src/core/analysis/analyze.js';
import { loadSources } from '../../src/core/load/load-sources.js';
import type { SourceFile } from '../../src/core/model.js';
import { reviewChange } from '../../src/core/review/review-change.js';
import { corpusArb, entryArb, entryYaml, meaning, toFile } from '../helpers/service-entry-arbitraries.js';

const run = (files: readonly SourceFile[], autoAllocate = false) => analyze(loadSources(files, { defaultNamespace: 'default' }), { mesh: { autoAllocate } });

/** A permutation drawn by fast-check, so a failure shrinks to the smallest reordering. */
const permutation = (n: number) => fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: n, maxLength: n });

describe('analysis properties over random ServiceEntry-shaped YAML', () => {
  test('the generator writes YAML the loader reads back: one entry per generated ServiceEntry', () => {
    fc.assert(fc.property(fc.array(entryArb, { minLength: 1, maxLength: 5 }), (entries) => {
      const loaded = loadSources([toFile('x.yaml', entries.map(entryYaml))], { defaultNamespace: 'default' });
      expect(loaded.entries.map((e) => e.name)).toEqual(entries.map((e) => e.name));
      expect(loaded.diagnostics.filter((d) => d.code === 'yaml-syntax')).toEqual([]);
    }), { numRuns: 100 });
  });

  test('analyze never throws, with and without auto-allocation, and every diagnostic has a path and a line', () => {
    fc.assert(fc.property(corpusArb, fc.boolean(), (corpus, autoAllocate) => {
      const result = run(corpus.files, autoAllocate);
      const lines = new Map(corpus.files.map((f) => [f.path, f.text.split('\n').length]));
      for (const d of result.diagnostics) {
        expect(lines.has(d.location.path)).toBe(true);
        expect(d.location.line).toBeGreaterThanOrEqual(1);
        expect(d.location.line).toBeLessThanOrEqual(lines.get(d.location.path)!);
      }
      for (const f of result.findings) {
        expect(f.entries.length).toBeGreaterThan(0);
        for (const e of f.entries) expect(lines.has(e.portLocation.path)).toBe(true);
      }
    }), { numRuns: 200 });
  });

  test('findings do not depend on the order of the files', () => {
    fc.assert(fc.property(corpusArb.chain((c) => fc.tuple(fc.constant(c), permutation(c.files.length))), ([corpus, order]) => {
      const shuffled = order.map((i) => corpus.files[i]!);
      expect(meaning(run(shuffled))).toEqual(meaning(run(corpus.files)));
    }), { numRuns: 150 });
  });

  test('findings do not depend on the order of the documents inside each file', () => {
    const arb = corpusArb.chain((c) => fc.tuple(fc.constant(c), fc.tuple(...c.documents.map((docs) => permutation(docs.length)))));
    fc.assert(fc.property(arb, ([corpus, orders]) => {
      const reordered = corpus.documents.map((docs, i) => toFile(`f${i}.yaml`, orders[i]!.map((j) => docs[j]!)));
      expect(meaning(run(reordered))).toEqual(meaning(run(corpus.files)));
    }), { numRuns: 150 });
  });

  test('findings do not depend on how documents are split into files', () => {
    fc.assert(fc.property(corpusArb, (corpus) => {
      const oneFile = [toFile('all.yaml', corpus.documents.flat())];
      const onePerDocument = corpus.documents.flat().map((d, i) => toFile(`d${i}.yaml`, [d]));
      expect(meaning(run(onePerDocument))).toEqual(meaning(run(oneFile)));
    }), { numRuns: 100 });
  });

  test('a review with no changes introduces and resolves nothing, and keeps every base finding as existing', () => {
    fc.assert(fc.property(corpusArb, (corpus) => {
      const report = reviewChange({ baseFiles: corpus.files, changes: [], defaultNamespace: 'default' });
      expect(report.introduced).toEqual([]);
      expect(report.resolved).toEqual([]);
      expect(report.existing.map((c) => c.finding.id).sort()).toEqual(run(corpus.files).findings.map((f) => f.id).sort());
    }), { numRuns: 150 });
  });

  test('a review that rewrites every file with its own text introduces and resolves nothing', () => {
    fc.assert(fc.property(corpusArb, (corpus) => {
      const report = reviewChange({ baseFiles: corpus.files, changes: corpus.files.map((f) => ({ path: f.path, status: 'modified' as const, headText: f.text })), defaultNamespace: 'default' });
      expect(report.introduced).toEqual([]);
      expect(report.resolved).toEqual([]);
    }), { numRuns: 100 });
  });
});

describe('loading arbitrary text', () => {
  const YAML_TOKENS = [
    'kind: ServiceEntry\n', 'kind: Sidecar\n', 'kind: List\nitems:\n', 'apiVersion: networking.istio.io/v1\n', 'metadata:\n', '  name: x\n', 'spec:\n',
    '  hosts: ', '  ports:\n', '  - number: 443\n', '    protocol: TCP\n', '  addresses: ', 'exportTo: ["."]\n',
    '---\n', '...\n', '%YAML 1.2\n', '[', ']', '{', '}', ',', ': ', '- ', '? ', '&a ', '*a', '*b', '!!str ', '!!binary ', '!tag ', '<<: ', '"', "'", '\\',
    '|\n', '>-\n', '#', '\t', '  ', '    ', '\n', '\r', '\r\n', '\u0000', '\uFFFD', '\uFEFF', '\u2028', '\uD800', '{{ .Values.x }}', 'null', '~', '0x1bb', '1e3', '2001:db8::',
  ];
  const tokenText = fc.array(fc.constantFrom(...YAML_TOKENS), { maxLength: 60 }).map((t) => t.join(''));
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.string({ unit: fc.constantFrom(...'kind: ServiceEntry\n-[]{}&*!|>"\'#\t :,?%@`'.split('')), maxLength: 300 }),
    tokenText,
  );

  test('loadSources never throws on arbitrary strings, and analyze never throws on what it loads', () => {
    fc.assert(fc.property(anyText, (text) => {
      const files = [{ path: 'a.yaml', text }, { path: 'b.yaml', text: `kind: ServiceEntry\n${text}` }];
      const loaded = loadSources(files, { defaultNamespace: 'd' });
      analyze(loaded);
    }), { numRuns: 300 });
  });

  test('every diagnostic on arbitrary text names its file and a line inside it', () => {
    fc.assert(fc.property(anyText, (text) => {
      const file = { path: 'b.yaml', text: `kind: ServiceEntry\n${text}` };
      const lineCount = file.text.split(/\r\n|\r|\n/).length;
      for (const d of loadSources([file], { defaultNamespace: 'd' }).diagnostics) {
        expect(d.location.path).toBe('b.yaml');
        expect(d.location.line).toBeGreaterThanOrEqual(1);
        expect(d.location.line).toBeLessThanOrEqual(lineCount);
      }
    }), { numRuns: 300 });
  });

  test('a good file beside arbitrary text is still loaded', () => {
    const good = toFile('good.yaml', ['apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: good, namespace: egress}\nspec:\n  hosts: [good.example.com]\n  ports: [{number: 443, protocol: TCP}]\n']);
    fc.assert(fc.property(anyText, (text) => {
      const loaded = loadSources([{ path: 'bad.yaml', text: `kind: ServiceEntry\n${text}` }, good], { defaultNamespace: 'd' });
      expect(loaded.entries.filter((e) => e.location.path === 'good.yaml').map((e) => e.ref)).toEqual(['egress/good']);
    }), { numRuns: 200 });
  });
});

describe('per-namespace outcomes of a multi-host entry', () => {
  // README (JSON output): "winsFor / losesFor are filled only when an entry's outcome differs between
  // consumer namespaces; otherwise role holds for all of namespaces". A single multi-host TCP entry
  // seen only by `*` wins for one host and loses for the other alike everywhere: no lists.
  const multiHost = 'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: github, namespace: egress}\nspec:\n  hosts: [github.com, a.example.com]\n  ports: [{number: 443, protocol: TCP}]\n';

  test('a multi-host TCP entry seen by every namespace gives one multi-host-tcp finding for `*`', () => {
    // Set aside the port's match-all chain (tcp-captures-port), which the entry also holds.
    const [finding, ...rest] = run([{ path: 'multi.yaml', text: multiHost }]).findings.filter((f) => f.rule !== 'tcp-captures-port');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'multi-host-tcp', namespaces: ['*'], entries: [expect.objectContaining({ ref: 'egress/github', role: 'winner' })] });
  });

  test('winsFor and losesFor stay empty when the finding has one consumer namespace', () => {
    const [finding] = run([{ path: 'multi.yaml', text: multiHost }]).findings.filter((f) => f.rule === 'multi-host-tcp');
    expect(finding!.entries.map((e) => [e.winsFor, e.losesFor])).toEqual([[[], []]]);
  });
});
