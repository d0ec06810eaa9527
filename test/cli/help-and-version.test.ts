import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT_CLEAN, EXIT_USAGE, runCli, USAGE } from '../../src/cli/run-cli.js';
import { COMMAND_HELP } from '../../src/cli/help.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: REPO_ROOT });
  return { code, stdout, stderr };
}

describe('--version, --help and help <command>', () => {
  test('--version and -V print the package.json version alone', async () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await cli('--version')).toEqual({ code: EXIT_CLEAN, stdout: `${version}\n`, stderr: '' });
    expect((await cli('-V')).stdout).toBe(`${version}\n`);
  });

  test('--help, -h and help alone print the overview; help check and check --help the command', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) expect(await cli(...argv)).toEqual({ code: EXIT_CLEAN, stdout: USAGE, stderr: '' });
    expect((await cli('help', 'check')).stdout).toBe(COMMAND_HELP['check']);
    expect((await cli('check', '--help')).stdout).toBe(COMMAND_HELP['check']);
    expect((await cli('help', 'diff')).stdout).toContain('--base REF');
  });

  test('help for an unknown command lists the commands', async () => {
    const { code, stderr } = await cli('help', 'lint');
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toContain('no help for "lint": commands are check, diff, help');
  });

  test('every option check reads is in its help', async () => {
    for (const option of ['--format', '--fail-level', '--baseline', '--write-baseline', '--default-namespace', '--auto-allocate', '--mesh-default-export-to', '--root-namespace', '--include', '--output']) {
      expect(COMMAND_HELP['check']).toContain(option);
    }
  });
});
