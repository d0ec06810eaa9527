import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addAddress, applyEdit, setExportTo, setPortNumber, setPortProtocol } from '../../../src/core/fixes/manifest-edits.js';
import { lineChange } from '../../../src/core/fixes/line-changes.js';
import { REPO_ROOT } from '../../helpers/fixtures.js';

const fixture = (name: string) => readFileSync(join(REPO_ROOT, 'test/fixtures/edits', name), 'utf8');
const at = (line: number) => ({ path: 'x.yaml', line, column: 1 });

describe('editing a manifest in place', () => {
  const commented = fixture('commented-entry.yaml');

  test('adding a protocol keeps every comment and touches one new line beside the port number', () => {
    const after = applyEdit(commented, setPortProtocol('x.yaml', at(2), 443, 'TLS'))!;
    expect(after).toBe(commented.replace('    - number: 443\n', '    - number: 443\n      protocol: TLS\n'));
    const change = lineChange('x.yaml', commented, after)!;
    expect(change).toMatchObject({ startLine: 12, endLine: 12, originalLines: ['      name: https     # keep this name'], replacementLines: ['      protocol: TLS', '      name: https     # keep this name'] });
  });

  test('adding addresses places a block list before ports, at the spec\'s indentation', () => {
    const after = applyEdit(commented, addAddress('x.yaml', at(2), '240.241.0.9'))!;
    expect(after).toContain('    - api.stripe.com # primary\n  addresses:\n    - "240.241.0.9"\n  ports:\n');
    expect(after.replace('  addresses:\n    - "240.241.0.9"\n', '')).toBe(commented);
  });

  test('a suggestion for a pure insertion covers the next existing line, as GitHub requires', () => {
    const after = applyEdit(commented, setExportTo('x.yaml', at(2), ['.']))!;
    const change = lineChange('x.yaml', commented, after)!;
    expect(change.originalLines).toEqual(['  ports:']);
    expect(change.replacementLines).toEqual(['  exportTo:', '    - "."', '  ports:']);
  });

  test('the right document of a multi-document file is edited, in flow or block style', () => {
    const text = fixture('two-documents.yaml');
    const flow = applyEdit(text, setPortProtocol('x.yaml', at(1), 443, 'TLS'))!;
    expect(flow).toContain('    - {protocol: TLS, number: 443, name: tcp}');
    const second = applyEdit(text, setPortProtocol('x.yaml', at(13), 443, 'TLS'))!;
    expect(second).toContain('      protocol: TLS\n  resolution: DNS\n');
    expect(second).toContain('    - {number: 443, name: tcp}');
  });

  test('an existing block list is replaced by a flow list on the key\'s line', () => {
    const text = fixture('two-documents.yaml');
    const after = applyEdit(text, setExportTo('x.yaml', at(13), ['.']))!;
    expect(after).toContain('  exportTo: ["."]\n  ports:');
  });

  test('a port number changes alone', () => {
    const after = applyEdit(commented, setPortNumber('x.yaml', at(2), 443, 10443))!;
    expect(lineChange('x.yaml', commented, after)).toMatchObject({ originalLines: ['    - number: 443'], replacementLines: ['    - number: 10443'] });
  });

  test('an edit that finds nothing to change gives no text rather than a guess', () => {
    expect(applyEdit(commented, setPortProtocol('x.yaml', at(2), 80, 'TLS'))).toBeUndefined();
    expect(applyEdit('not: [valid', setPortProtocol('x.yaml', at(1), 443, 'TLS'))).toBeUndefined();
  });
});
