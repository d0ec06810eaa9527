import { spawn } from 'node:child_process';
import { dirname, resolve as resolvePath } from 'node:path';

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

export interface GitOptions {
  /** Bytes written to git's standard input (cat-file --batch requests). */
  input?: string | Buffer;
  /** Output past this many bytes aborts the command instead of filling memory. */
  maxOutputBytes?: number;
}

const DEFAULT_MAX_OUTPUT = 512 * 1024 * 1024;

/**
 * Runs git with an argument vector (never a shell), no prompts, and no
 * pager, in the repository at `cwd`. Only plumbing commands that read objects
 * are used on the pull request's content, so no hook, filter or
 * checked-out file of the pull request is ever executed.
 */
export function runGit(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<GitResult> {
  const max = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['--no-pager', '-c', 'core.fsmonitor=false', ...args], {
      cwd,
      // The ceiling keeps git from walking up into some enclosing repository when the workspace is not one.
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C', GIT_CEILING_DIRECTORIES: dirname(resolvePath(cwd)) },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let size = 0;
    let err = '';
    let overflow = false;
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        overflow = true;
        child.kill();
        return;
      }
      out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (err.length < 64 * 1024) err += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (overflow) reject(new Error(`git ${args[0] ?? ''} printed more than ${max} bytes`));
      else resolve({ code: code ?? -1, stdout: Buffer.concat(out), stderr: err.trim() });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** Like runGit, but a non-zero exit is an error carrying git's own message. */
export async function gitOk(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<Buffer> {
  const result = await runGit(cwd, args, options);
  if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
  return result.stdout;
}
