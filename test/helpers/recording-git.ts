import { systemGit, type Git } from '../../src/adapters/git/run-git.js';

/** One git command a read issued: its arguments, and the lines of standard input it was handed (cat-file's object names). */
export interface GitCall {
  args: readonly string[];
  input: string[];
}

/**
 * Starts git as the action does, and records each command, so a test can
 * say which commands a read issues and how often (by argument vector,
 * the same one git ran).
 */
export class RecordingGit implements Git {
  readonly calls: GitCall[] = [];

  spawn(...[cwd, args, input, onStdout]: Parameters<Git['spawn']>): ReturnType<Git['spawn']> {
    const text = typeof input === 'string' ? input : input.toString('utf8');
    this.calls.push({ args: [...args], input: text.split('\n').filter(Boolean) });
    return systemGit.spawn(cwd, args, input, onStdout);
  }

  /** Calls whose arguments start with these. */
  matching(...prefix: string[]): GitCall[] {
    return this.calls.filter((c) => prefix.every((p, i) => c.args[i] === p));
  }

  /** Each command as one line, for readable failures. */
  lines(): string[] {
    return this.calls.map((c) => c.args.join(' '));
  }
}
