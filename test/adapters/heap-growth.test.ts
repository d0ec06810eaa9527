import { spawnSync } from 'node:child_process';
import { CHECK_HEAP_GROWING_PERCENT as HEAP_GROWING_PERCENT, limitHeapGrowth } from '../../src/adapters/heap-growth.js';

describe('limiting how far V8 grows the heap past the live set', () => {
  function flagsSet(execArgv: string[]): string[] {
    const set: string[] = [];
    limitHeapGrowth(HEAP_GROWING_PERCENT, execArgv, (flags) => set.push(flags));
    return set;
  }

  test('a process started without a factor gets the tool\'s', () => {
    expect(flagsSet([])).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
    expect(flagsSet(['--enable-source-maps', '--max-old-space-size=4096'])).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
  });

  test('a factor the user started node with is kept, in either spelling', () => {
    expect(flagsSet(['--heap-growing-percent=100'])).toEqual([]);
    expect(flagsSet(['--heap_growing_percent=10'])).toEqual([]);
  });

  test('the factor is a real V8 flag: setting it does not make V8 complain', () => {
    // An unknown flag makes V8 print "unrecognized flag" on stdout, which would corrupt a report written there.
    const run = spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString('--heap-growing-percent=${HEAP_GROWING_PERCENT}'); process.stdout.write('ok')`], { encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('ok');
  });
});
