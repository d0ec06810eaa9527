import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/fixtures.js';

/** Exit 1 means "findings": a crash must never be read as one, whatever throws. */
function cliWithPreload(preload: string, ...argv: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', '--import', `data:text/javascript,${encodeURIComponent(preload)}`, join(REPO_ROOT, 'src/cli/main.ts'), ...argv], { cwd: REPO_ROOT, encoding: 'utf8' });
}

const SEED = 'test/fixtures/cases/seed-huaweicloud-github';

describe('the CLI when something unexpected throws', () => {
  test('a throw while writing the report (as JSON.stringify did past V8\'s string limit) exits 2 with the error on stderr', () => {
    const run = cliWithPreload("process.stdout.write = () => { throw new RangeError('Invalid string length'); };", 'check', SEED, '--format', 'json');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('internal error');
    expect(run.stderr).toContain('Invalid string length');
  });

  test('without a crash the findings exit code is unchanged', () => {
    expect(cliWithPreload('', 'check', SEED).status).toBe(1);
  });
});
