import type { Diagnostic, SourceFile } from '../../core/model.js';

/**
 * What reading one path of a commit gave: its text, a reason it was not
 * read (reported with path:line like any other unreadable file), or nothing
 * because the commit has no file there. Shared by the git and API readers.
 */
export type FileRead =
  /** `oid`: the blob's id when the reader knows it, so two reads can be compared without their text. */
  | { kind: 'text'; text: string; oid?: string }
  | { kind: 'skipped'; diagnostic: Diagnostic }
  | { kind: 'absent' };

export interface SnapshotRead {
  files: SourceFile[];
  /** Files matching the globs that were deliberately not read. */
  diagnostics: Diagnostic[];
}

/** A symlink's target is a path, not a manifest; following it could read outside the repository. */
export function symlinkSkipped(path: string): Diagnostic {
  return { severity: 'warning', code: 'symlink-not-followed', message: 'is a symbolic link; links are never followed, so it was not analysed', location: { path, line: 1, column: 1 } };
}

export function tooLarge(path: string, size: number, maxBytes: number): Diagnostic {
  return { severity: 'error', code: 'file-too-large', message: `is ${size} bytes, over the ${maxBytes} limit; not analysed`, location: { path, line: 1, column: 1 } };
}

/** Invalid UTF-8 becomes U+FFFD (the loader reports it) rather than failing the file. */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}
