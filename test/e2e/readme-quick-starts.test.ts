import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { EXIT_CLEAN, EXIT_FINDINGS, runCli } from '../../src/cli/run-cli.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { quickStart } from '../helpers/readme.js';

interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency?: { group: string };
  jobs: Record<string, { steps: Array<{ uses?: string; id?: string; with?: Record<string, string> }> }>;
}

const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps);
const guardStep = (w: Workflow) => steps(w).find((s) => /\/serviceentry-guard@v\d+$/.test(s.uses ?? ''))!;

describe('README quick starts', () => {
  test('action: runs on pull requests and merge queues, with a concurrency group both events fill, and inputs action.yml declares', () => {
    const workflow = parse(quickStart('action')) as Workflow;
    expect(Object.keys(workflow.on).sort()).toEqual(['merge_group', 'pull_request']);
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(workflow.concurrency!.group).toContain('github.event.pull_request.number');
    expect(workflow.concurrency!.group).toContain('github.event.merge_group.head_ref');
    expect(guardStep(workflow)).toBeDefined();
    for (const step of steps(workflow).filter((s) => s === guardStep(workflow))) {
      for (const input of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs)).toContain(input);
    }
  });

  test('SARIF: uploads the action\'s sarif output with security-events: write', () => {
    const workflow = parse(quickStart('sarif')) as Workflow;
    expect(workflow.permissions['security-events']).toBe('write');
    const guard = guardStep(workflow);
    expect(Object.keys(guard.with ?? {}).every((input) => input in action.inputs)).toBe(true);
    const upload = steps(workflow).find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    const output = /^\$\{\{ steps\.([\w-]+)\.outputs\.([\w-]+) \}\}$/.exec(upload.with!['sarif_file']!);
    expect(output?.[1]).toBe(guard.id);
    expect(Object.keys(action.outputs)).toContain(output?.[2]);
  });

  test('CLI: every command runs on a repository with the seed collision, the baseline ones in order, none a usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seg-readme-'));
    cpSync(join(REPO_ROOT, 'examples/seed-huaweicloud-github'), join(dir, 'clusters/egress'), { recursive: true });
    const commands = quickStart('cli').split('\n');
    const codes: number[] = [];
    for (const line of commands) {
      const [npx, bin, ...argv] = line.split(' ');
      expect([npx, bin]).toEqual(['npx', 'serviceentry-guard']);
      codes.push(await runCli(argv, { stdout: () => {}, stderr: () => {}, cwd: dir }));
    }
    // check . and --format github find the collision; writing a baseline and checking against it pass.
    expect(codes).toEqual([EXIT_FINDINGS, EXIT_FINDINGS, EXIT_CLEAN, EXIT_CLEAN]);
  });
});
