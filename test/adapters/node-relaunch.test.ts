import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { relaunchArguments, RELAUNCH_ENV, SEMI_SPACE_MB, type NodeStart } from '../../src/adapters/node-relaunch.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

const FLAG = `--max-semi-space-size=${SEMI_SPACE_MB}`;

function start(overrides: Partial<NodeStart> = {}): NodeStart {
  return { execPath: '/usr/bin/node', execArgv: [], argv: ['/usr/bin/node', '/opt/seg/dist/cli.js', 'check', '.'], env: {}, nodeVersion: 'v24.21.0', canReplace: true, ...overrides };
}

describe('starting node again with a smaller young generation', () => {
  test('Node 24 starts again with the flag first, then its own options, the script and its arguments', () => {
    expect(relaunchArguments(start({ execArgv: ['--cpu-prof'] }))).toEqual(['/usr/bin/node', FLAG, '--cpu-prof', '/opt/seg/dist/cli.js', 'check', '.']);
    expect(relaunchArguments(start({ nodeVersion: 'v25.2.0' }))).toEqual(['/usr/bin/node', FLAG, '/opt/seg/dist/cli.js', 'check', '.']);
  });

  test('Node 20 and 22, whose young generation is already that size, run on as started', () => {
    expect(relaunchArguments(start({ nodeVersion: 'v20.20.2' }))).toBeUndefined();
    expect(relaunchArguments(start({ nodeVersion: 'v22.23.3' }))).toBeUndefined();
  });

  test('a size the user gave node, on its command line or in NODE_OPTIONS, in either spelling, is kept', () => {
    expect(relaunchArguments(start({ execArgv: ['--max-semi-space-size=32'] }))).toBeUndefined();
    expect(relaunchArguments(start({ execArgv: ['--max_semi_space_size=8'] }))).toBeUndefined();
    expect(relaunchArguments(start({ execArgv: ['--max-heap-size=2048'] }))).toBeUndefined();
    expect(relaunchArguments(start({ env: { NODE_OPTIONS: '--enable-source-maps --max-semi-space-size=64' } }))).toBeUndefined();
    // Other sizes leave the young generation to V8's default, which is what the flag is for.
    expect(relaunchArguments(start({ execArgv: ['--max-old-space-size=2048'] }))).toEqual(['/usr/bin/node', FLAG, '--max-old-space-size=2048', '/opt/seg/dist/cli.js', 'check', '.']);
  });

  test(`a node that cannot replace its process (Windows, before 22.15) runs on, and ${RELAUNCH_ENV}=0 turns it off`, () => {
    expect(relaunchArguments(start({ canReplace: false }))).toBeUndefined();
    expect(relaunchArguments(start({ env: { [RELAUNCH_ENV]: '0' } }))).toBeUndefined();
    expect(relaunchArguments(start({ env: { [RELAUNCH_ENV]: '1' } }))).toBeDefined();
  });

  // The launchers as built, under the node running this suite (CI runs it under Node 20 and Node 24), with a
  // stand-in for the bundle they import that says how it was started.
  test.each([['dist/cli.js', 'cli-main.js'], ['dist/index.js', 'action-main.js']])('%s starts %s with the flag where the node needs it, with the same pid, arguments and streams', (launcher, main) => {
    const dir = mkdtempSync(join(tmpdir(), 'seg-launch-'));
    copyFileSync(join(REPO_ROOT, launcher), join(dir, 'launch.js'));
    writeFileSync(join(dir, main), "process.stdout.write(JSON.stringify({ execArgv: process.execArgv, args: process.argv.slice(2), pid: process.pid }));\nprocess.exitCode = 3;\n");
    const run = spawnSync(process.execPath, [join(dir, 'launch.js'), 'check', '--format', 'json'], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    const seen = JSON.parse(run.stdout) as { execArgv: string[]; args: string[]; pid: number };
    const expected = relaunchArguments({ execPath: process.execPath, execArgv: [], argv: [process.execPath, 'launch.js'], env: {}, nodeVersion: process.version, canReplace: typeof (process as { execve?: unknown }).execve === 'function' });
    expect(seen.execArgv).toEqual(expected ? [FLAG] : []);
    expect(seen.args).toEqual(['check', '--format', 'json']);
    expect(seen.pid).toBe(run.pid);
    expect(run.status).toBe(3);
    expect(run.stderr).toBe('');
  });
});
