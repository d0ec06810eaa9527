import { analyze } from '../../../src/core/analysis/analyze.js';
import { loadSources } from '../../../src/core/load/load-sources.js';
import { tcpEntry } from '../../helpers/meshes.js';

describe('the members of a finding', () => {
  test('are listed by namespace/name as the locale orders them, also where code-unit order differs (case, punctuation)', () => {
    // Names the API server would reject are still analysed; they are where the two orders part.
    const names = ['Zeta', 'alpha', 'beta_1', 'beta-2', 'beta.3', 'a1', 'A2'];
    const files = names.map((name, i) => ({ path: `${name}.yaml`, text: tcpEntry(name, `host-${i}.example.com`) }));
    const finding = analyze(loadSources(files, { defaultNamespace: 'default' })).findings.find((f) => f.rule === 'tcp-shadowed')!;
    const refs = finding.entries.map((e) => e.ref);
    const byLocale = names.map((n) => `egress/${n}`).sort((a, b) => a.localeCompare(b));
    const byCodeUnit = [...byLocale].sort();
    expect(byLocale).not.toEqual(byCodeUnit);
    expect(refs).toEqual(byLocale);
  });
});
