import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';
import type { Diagnostic, SourceFile } from '../../core/model.js';
import { decodeText, symlinkSkipped, tooLarge, type SnapshotRead } from '../git/file-read.js';
import type { GitHubClient } from './client.js';
import type { RepoRef } from './pull-request.js';

/**
 * The full set of manifests at a commit when no local clone has it.
 *
 * Why the tarball and not trees + blobs: a recursive tree call truncates
 * past 100,000 entries or 7 MB and then needs a call per subtree, and blobs
 * cost one REST call each (or one GraphQL query per ~100 files), so the call
 * count grows with the repository and runs into rate limits on exactly the
 * big GitOps repositories this is for. The archive is one call (plus the
 * redirect to the download host) whatever the size; we stream it through
 * gunzip and keep only matching regular files under the size limit, so
 * memory stays bounded too. Symlinks arrive as link entries and are never
 * followed.
 */
export async function readSnapshotViaTarball(client: GitHubClient, repo: RepoRef, ref: string, select: (path: string) => boolean, maxBytes: number): Promise<SnapshotRead> {
  const response = await client.request('GET /repos/{owner}/{repo}/tarball/{ref}', {
    owner: repo.owner,
    repo: repo.repo,
    ref,
    request: { parseSuccessResponseBody: false },
  });
  const body = response.data as unknown as WebReadableStream<Uint8Array> | null;
  if (!body) throw new Error(`the archive of ${ref} came back empty`);
  const gunzip = Readable.fromWeb(body).pipe(createGunzip());
  return collectManifests(gunzip, select, maxBytes);
}

/**
 * Walks an uncompressed tar stream of a GitHub archive (whose paths all
 * start with one `owner-repo-sha/` folder) with tar-stream, which handles
 * the pax headers git archive writes for long paths. Bodies of entries we
 * do not keep are drained, never buffered. An archive that ends early is
 * reported, and what was read before that point is kept.
 */
export async function collectManifests(tar: AsyncIterable<Buffer | Uint8Array>, select: (path: string) => boolean, maxBytes: number): Promise<SnapshotRead> {
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const repoPath = (archivePath: string) => archivePath.slice(archivePath.indexOf('/') + 1);
  const extractor = extract();
  const source = Readable.from(tar);
  source.on('error', (error) => extractor.destroy(error));
  source.pipe(extractor as unknown as NodeJS.WritableStream);
  try {
    for await (const entry of extractor) {
      const path = repoPath(entry.header.name);
      if (!path || !select(path) || (entry.header.type !== 'file' && entry.header.type !== 'symlink')) {
        entry.resume();
        continue;
      }
      if (entry.header.type === 'symlink') diagnostics.push(symlinkSkipped(path));
      else if (entry.header.size > maxBytes) diagnostics.push(tooLarge(path, entry.header.size, maxBytes));
      else {
        const chunks: Buffer[] = [];
        for await (const chunk of entry) chunks.push(chunk as Buffer);
        files.push({ path, text: decodeText(Buffer.concat(chunks)) });
        continue;
      }
      entry.resume();
    }
  } catch (error) {
    diagnostics.push({
      severity: 'error',
      code: 'archive-incomplete',
      message: `the repository archive could not be read to its end (${error instanceof Error ? error.message : String(error)}); manifests after that point are not analysed`,
      location: { path: '<repository archive>', line: 1, column: 1 },
    });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, diagnostics };
}
