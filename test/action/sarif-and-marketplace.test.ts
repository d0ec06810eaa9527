import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { FINGERPRINT_KEY } from '../../src/core/render/sarif.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { expectValidSarif } from '../helpers/sarif-schema.js';
import { readJson, runAction } from '../helpers/action-harness.js';
import { usePullRequestRepo } from '../helpers/pull-request-repo.js';

const pr = usePullRequestRepo('pr-adds-second-tcp-443-entry');

describe('the action\'s sarif output', () => {
  it('names a valid SARIF 2.1.0 file with the introduced finding as a new result at the new entry', async () => {
    const { io } = await runAction({ fake: pr.fake, workspace: pr.repo.dir });
    const log = readJson(io.outputs['sarif']!) as { runs: Array<{ results: Array<Record<string, any>> }> };
    expectValidSarif(log);
    const introduced = (readJson(io.outputs['report-json']!) as { introduced: Array<{ id: string }> }).introduced;
    // huaweicloud already held the 0.0.0.0_443 chain on the base and keeps it (winner): its capture is unchanged.
    expect(log.runs[0]!.results).toEqual([
      expect.objectContaining({ ruleId: 'tcp-shadowed', baselineState: 'new', partialFingerprints: { [FINGERPRINT_KEY]: introduced[0]!.id } }),
      expect.objectContaining({ ruleId: 'tcp-captures-port', baselineState: 'unchanged' }),
    ]);
    expect(introduced).toHaveLength(1);
    expect(log.runs[0]!.results[0]!['locations'][0].physicalLocation.artifactLocation.uri).toBe('deploy/github.yaml');
  });
});

describe('action.yml for the Marketplace', () => {
  const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as { name: string; description: string; branding: { icon: string; color: string } };

  it('has a name, a description under 125 characters and branding GitHub accepts', () => {
    expect(action.name).toBe('ServiceEntry Guard');
    expect(action.description.length).toBeLessThan(125);
    expect(['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark']).toContain(action.branding.color);
    expect(action.branding.icon).toMatch(/^[a-z0-9-]+$/);
  });
});
