import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/fixtures.js';

/**
 * No regular expression or text scan may be worse than linear on hostile
 * input: each gets a 16 MB adversarial text (see linear-scans.ts) and must
 * finish within BOUND × the CPU time js-yaml takes to parse a valid 16 MB
 * manifest stream in the same process. Linear work stays well inside that
 * (a syntax error in each of 560,000 documents measured about 11 parses'
 * worth, every error being a js-yaml exception with a stack and a snippet;
 * the test uses larger documents to stay fast); a quadratic scan of 16 MB
 * would take hours. The scans run
 * in a child process that is killed as soon as one overruns its bound by
 * the wall clock (with room for a busy machine).
 */
const BOUND = 8;
const WALL_SLACK = 2;

interface Line { name: string; ms: number; wallMs: number }

function runScans(): Promise<{ lines: Line[]; overrun?: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'test/hostile-input/linear-scans.ts')], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const lines: Line[] = [];
    let running = 'floor';
    let buffered = '';
    let timer: NodeJS.Timeout | undefined;
    let overrun: string | undefined;
    const watch = () => {
      clearTimeout(timer);
      const floor = lines[0]?.wallMs;
      if (floor !== undefined) timer = setTimeout(() => { overrun = running; child.kill('SIGKILL'); }, WALL_SLACK * BOUND * floor + 5000);
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      let newline;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = JSON.parse(buffered.slice(0, newline)) as Line | { starting: string };
        buffered = buffered.slice(newline + 1);
        if ('starting' in line) {
          running = line.starting;
          continue;
        }
        lines.push(line);
        watch();
      }
    });
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      resolve({ lines, overrun });
    });
  });
}

describe('scans of hostile text', () => {
  test(`every regular expression and scan takes a 16 MB adversarial file in at most ${BOUND}× the bare parse of 16 MB`, async () => {
    const { lines, overrun } = await runScans();
    const [floor, ...scans] = lines;
    expect(floor?.name).toBe('floor');
    expect(overrun).toBeUndefined();
    const slow = scans.filter((s) => s.ms > BOUND * floor!.ms).map((s) => `${s.name}: ${Math.round(s.ms)} ms`);
    expect(slow).toEqual([]);
    expect(scans.length).toBeGreaterThanOrEqual(19);
  }, 900_000);
});
