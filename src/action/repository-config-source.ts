import type { GitReads } from '../adapters/git/snapshot.js';
import type { GitHubClient } from '../adapters/github/client.js';
import { readFilesAtRef } from '../adapters/github/contents.js';
import type { RepoRef } from '../adapters/github/pull-request.js';
import { configFromRead, type ConfigText } from '../adapters/review-by-mesh.js';
import { formatLocation, type Diagnostic, type SourceFile } from '../core/model.js';
import type { ActionIo } from './io.js';

export interface ConfigSource {
  client: GitHubClient;
  repo: RepoRef;
  /** The checkout's git objects, shared with the run's other reads so a commit already listed is not listed again. */
  reads: GitReads | undefined;
  /** Where this run reads commits from. */
  via: 'git' | 'api';
  select: (path: string) => boolean;
  maxBytes: number;
}

/**
 * The repository config at one commit. When the `paths` globs select it, it
 * is already among that side's files and costs nothing; otherwise one read
 * from git objects, or one contents call without them.
 */
export async function configAt(source: ConfigSource, sha: string, path: string, sideFiles: readonly SourceFile[]): Promise<ConfigText | undefined> {
  if (source.select(path)) {
    const file = sideFiles.find((f) => f.path === path);
    return file ? { text: file.text, path } : undefined;
  }
  const reads = source.via === 'git' && source.reads
    ? await source.reads.paths(sha, [path], source.maxBytes)
    : await readFilesAtRef(source.client, source.repo, sha, [path], source.maxBytes);
  return configFromRead(path, reads.get(path));
}

/** A config with errors fails the step, each error also marked on its line of the config file. */
export function failOnConfigErrors(io: ActionIo, diagnostics: readonly Diagnostic[]): { exitCode: 1 } {
  for (const d of diagnostics) io.annotate('error', d.message, { file: d.location.path, startLine: d.location.line, title: `ServiceEntry Guard config: ${d.code}` });
  const lines = diagnostics.map((d) => `${formatLocation(d.location)}:${d.location.column}: ${d.message}`);
  io.setFailed(`ServiceEntry Guard: the repository config has errors, so nothing was analysed:\n${lines.join('\n')}`);
  return { exitCode: 1 };
}
