import { spawn } from 'node:child_process';
import { dirname, resolve as resolvePath } from 'node:path';

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** How one git process ended. */
export interface GitExit {
  code: number;
  stderr: string;
}

/**
 * The one way git is started. Tests substitute a recording one to see which
 * commands a read issues; everything else uses `systemGit`.
 */
export interface Git {
  /**
   * Runs git with this argument vector in `cwd`, writes `input` to its
   * standard input, and hands its standard output to `onStdout` chunk by
   * chunk as it arrives; `onStdout` returning false stops git. Settles once
   * git has exited and its output has been delivered.
   */
  spawn(cwd: string, args: readonly string[], input: string | Buffer, onStdout: (chunk: Buffer) => boolean | void): Promise<GitExit>;
}

/**
 * Git with an argument vector (never a shell), no prompts, and no pager, in
 * the repository at `cwd`. Only plumbing commands that read objects are used
 * on the pull request's content, so no hook, filter or checked-out file of
 * the pull request is ever executed.
 */
export const systemGit: Git = {
  spawn(cwd, args, input, onStdout) {
    return new Promise((resolve, reject) => {
      const child = spawn('git', ['--no-pager', '-c', 'core.fsmonitor=false', ...args], {
        cwd,
        // The ceiling keeps git from walking up into some enclosing repository when the workspace is not one.
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C', GIT_CEILING_DIRECTORIES: dirname(resolvePath(cwd)) },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let err = '';
      let stopped = false;
      let failure: unknown;
      child.stdout.on('data', (chunk: Buffer) => {
        if (stopped) return;
        try {
          if (onStdout(chunk) !== false) return;
        } catch (error) {
          // Thrown inside an event handler it would crash the process: it fails this run instead.
          failure = error;
        }
        stopped = true;
        child.kill();
      });
      child.stderr.on('data', (chunk: Buffer) => {
        if (err.length < 64 * 1024) err += chunk.toString('utf8');
      });
      child.on('error', reject);
      child.on('close', (code) => (failure === undefined ? resolve({ code: code ?? -1, stderr: err.trim() }) : reject(failure)));
      child.stdin.on('error', () => undefined);
      child.stdin.end(input);
    });
  },
};

export interface GitOptions {
  /** Bytes written to git's standard input (cat-file --batch requests). */
  input?: string | Buffer;
  /** Output past this many bytes aborts the command instead of filling memory. */
  maxOutputBytes?: number;
  /** Who starts git: the system's by default, a recording one in tests. */
  git?: Git;
}

export const DEFAULT_MAX_OUTPUT = 512 * 1024 * 1024;

/** Runs git (see `systemGit`) and collects its whole output. */
export async function runGit(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<GitResult> {
  const max = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
  const out: Buffer[] = [];
  let size = 0;
  let overflow = false;
  const exit = await (options.git ?? systemGit).spawn(cwd, args, options.input ?? '', (chunk) => {
    size += chunk.length;
    if (size > max) {
      overflow = true;
      return false;
    }
    out.push(chunk);
    return true;
  });
  if (overflow) throw new Error(`git ${args[0] ?? ''} printed more than ${max} bytes`);
  return { code: exit.code, stdout: Buffer.concat(out), stderr: exit.stderr };
}

/** Like runGit, but a non-zero exit is an error carrying git's own message. */
export async function gitOk(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<Buffer> {
  const result = await runGit(cwd, args, options);
  if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
  return result.stdout;
}

/**
 * Runs git and hands its output to `onStdout` as it arrives, never holding
 * all of it; a non-zero exit is an error carrying git's own message, as with
 * gitOk. `onStdout` returning false stops git and rejects with `stopReason`.
 */
export async function streamGit(cwd: string, args: readonly string[], options: { input: string | Buffer; onStdout: (chunk: Buffer) => boolean | void; git?: Git | undefined; stopReason?: () => Error }): Promise<void> {
  let stopped = false;
  const exit = await (options.git ?? systemGit).spawn(cwd, args, options.input, (chunk) => {
    if (options.onStdout(chunk) !== false) return true;
    stopped = true;
    return false;
  });
  if (stopped) throw options.stopReason?.() ?? new Error(`git ${args[0] ?? ''} was stopped`);
  if (exit.code !== 0) throw new Error(`git ${args.join(' ')} failed (${exit.code}): ${exit.stderr}`);
}
