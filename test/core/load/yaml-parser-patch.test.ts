import { constructFromEvents, CORE_SCHEMA, loadAll, parseEvents } from 'js-yaml';

/**
 * The loader parses with js-yaml as patches/js-yaml+5.5.0.patch leaves it: its parser's and constructor's state
 * built as a literal, not by spreading the options (about three times faster under Node 20; see patches/README.md).
 * An install that skipped the patch (`npm ci --ignore-scripts`) fails here instead of running, and benchmarking,
 * a slower parser without a word. The options must still reach the state.
 */
describe('js-yaml as patched', () => {
  test('builds its parser and constructor state without spreading the options into it', () => {
    for (const fn of [parseEvents, constructFromEvents]) expect(fn.toString()).not.toMatch(/const state = \{\s*\.\.\./);
  });

  test('the parser still takes maxDepth and filename from its options', () => {
    expect(() => parseEvents('a: [[[[1]]]]\n', { maxDepth: 2 })).toThrow(/nesting exceeded maxDepth \(2\)/);
    expect(() => parseEvents('a: [[[[1]]]]\n', { maxDepth: 10 })).not.toThrow();
    expect(() => parseEvents('a: [1\n', { filename: 'egress.yaml' })).toThrow(/egress\.yaml/);
  });

  test('the constructor still takes json, schema and maxAliases from its options', () => {
    const text = 'a: 1\na: 2\n';
    const events = parseEvents(text, {});
    expect(() => constructFromEvents(events, { source: text })).toThrow(/duplicated mapping key/);
    expect(constructFromEvents(events, { source: text, json: true })).toEqual([{ a: 2 }]);
    const tagged = 'a: !!binary aGk=\n';
    expect(() => constructFromEvents(parseEvents(tagged, {}), { source: tagged, schema: CORE_SCHEMA })).toThrow(/unknown scalar tag/);
    const aliases = 'a: &x 1\nb: *x\nc: *x\n';
    expect(() => loadAll(aliases, { maxAliases: 1 })).toThrow(/alias/);
    expect(loadAll(aliases)).toEqual([{ a: 1, b: 1, c: 1 }]);
  });
});
