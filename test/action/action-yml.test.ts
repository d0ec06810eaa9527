import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readInputs } from '../../src/action/inputs.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

interface ActionYml {
  runs: { using: string; main: string };
  inputs: Record<string, { default?: string; description: string }>;
  outputs: Record<string, { description: string }>;
  branding: { icon: string; color: string };
}

const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionYml;

describe('action.yml', () => {
  it('runs the bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(action.branding.icon).toBeTruthy();
  });

  it('declares exactly the inputs the code reads, and its defaults read back as the documented settings', () => {
    const read: string[] = [];
    const inputs = readInputs((name) => {
      read.push(name);
      return name === 'token' ? 'x' : String(action.inputs[name]?.default ?? '');
    });
    expect(new Set(read)).toEqual(new Set(Object.keys(action.inputs)));
    expect(inputs).toEqual({
      token: 'x',
      paths: ['**/*.yaml', '**/*.yml'],
      failLevel: 'error',
      failOnUnrendered: false,
      defaultNamespace: 'default',
      autoAllocate: false,
      mode: 'review',
      meshDefaultExportTo: undefined,
      rootNamespace: undefined,
      commentAuthor: undefined,
      maxInlineComments: 25,
      uploadReport: true,
      vipPool: '240.241.0.0/16',
    });
  });

  it('declares the outputs the run sets', () => {
    const source = readFileSync(join(REPO_ROOT, 'src/action/run.ts'), 'utf8');
    const set = [...source.matchAll(/setOutput\('([a-z-]+)'/g)].map((m) => m[1]);
    expect(new Set(set)).toEqual(new Set(Object.keys(action.outputs)));
  });

  it('rejects a bad value by naming the input and what it accepts', () => {
    expect(() => readInputs((n) => (n === 'fail-level' ? 'fatal' : ''))).toThrow('input fail-level is "fatal"; expected one of error, warning, info, never');
    expect(() => readInputs((n) => (n === 'auto-allocate' ? 'yes' : ''))).toThrow('expected true or false');
    expect(() => readInputs((n) => (n === 'max-inline-comments' ? '-1' : ''))).toThrow('max-inline-comments');
  });

  it('reads comma- and newline-separated lists', () => {
    const inputs = readInputs((n) => (n === 'paths' ? 'clusters/**, !**/kustomization.yaml\nextra/*.yml' : n === 'mesh-default-export-to' ? '.' : ''));
    expect(inputs.paths).toEqual(['clusters/**', '!**/kustomization.yaml', 'extra/*.yml']);
    expect(inputs.meshDefaultExportTo).toEqual(['.']);
  });
});
