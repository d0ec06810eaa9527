import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers/fixtures.js';

interface Step { uses?: string; run?: string; id?: string; with?: Record<string, unknown> }
interface Workflow { on: Record<string, unknown>; jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }> }

const workflow = (name: string) => parse(readFileSync(join(REPO_ROOT, '.github/workflows', name), 'utf8')) as Workflow;
const runs = (w: Workflow, job: string) => w.jobs[job]!.steps.map((s) => s.run ?? '').join('\n');

describe('the project\'s own workflows', () => {
  test('CI runs .ci/run on pushes, pull requests and the merge queue, and checks dist/ against a fresh build', () => {
    const ci = workflow('ci.yml');
    expect(Object.keys(ci.on).sort()).toEqual(['merge_group', 'pull_request', 'push']);
    expect(runs(ci, 'test')).toContain('bash .ci/run');
    expect(runs(ci, 'check-dist')).toMatch(/npm run build[\s\S]*git status --porcelain -- dist/);
    const selfCheck = ci.jobs['self-check']!.steps.find((s) => s.uses === './')!;
    expect(runs(ci, 'self-check')).toContain(`steps.${selfCheck.id}.outputs.sarif`);
  });

  test('a version tag is verified, published to npm with provenance, released, and moves the major tag', () => {
    const release = workflow('release.yml');
    expect(release.on).toEqual({ push: { tags: ['v[0-9]+.[0-9]+.[0-9]+'] } });
    expect(release.jobs['release']!.permissions).toEqual({ contents: 'write', 'id-token': 'write' });
    const script = runs(release, 'release');
    const order = ['require("./package.json").version', 'bash .ci/run', 'npm publish --provenance', 'gh release create', 'git push --force origin "refs/tags/$major"'];
    const positions = order.map((text) => script.indexOf(text));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // The workflow's own line, run by bash: v12.3.4 moves v12.
    const line = script.split('\n').find((l) => l.trim().startsWith('major='))!.trim();
    expect(execFileSync('bash', ['-c', `${line}; echo "$major"`], { env: { GITHUB_REF_NAME: 'v12.3.4' }, encoding: 'utf8' })).toBe('v12\n');
  });
});
