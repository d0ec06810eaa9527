import { decodeText, symlinkSkipped, tooLarge, type FileRead } from '../git/file-read.js';
import type { GitHubClient } from './client.js';
import { classifyFailure } from './failures.js';
import type { RepoRef } from './pull-request.js';

/**
 * GitHub asks integrators to avoid many concurrent requests; a handful of
 * reads in flight keeps a 300-file pull request to seconds, well inside
 * the secondary rate limits (the throttling plugin still paces each one).
 */
export const CONCURRENT_READS = 8;

/**
 * The pull request's changed files at a commit, through the contents
 * endpoint of the base repository (which serves fork heads too, as the files
 * endpoint's own contents_url does). One call per changed manifest, a few in
 * flight at once: the cost follows the size of the change, not of the repository.
 */
export async function readFilesAtRef(client: GitHubClient, repo: RepoRef, ref: string, paths: readonly string[], maxBytes: number): Promise<Map<string, FileRead>> {
  const results: FileRead[] = new Array(paths.length);
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const index = next++;
      results[index] = await readOne(client, repo, ref, paths[index]!, maxBytes);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_READS, paths.length) }, worker));
  return new Map(paths.map((path, i) => [path, results[i]!] as const));
}

async function readOne(client: GitHubClient, repo: RepoRef, ref: string, path: string, maxBytes: number): Promise<FileRead> {
  let data;
  try {
    ({ data } = await client.rest.repos.getContent({ owner: repo.owner, repo: repo.repo, path, ref }));
  } catch (error) {
    if (classifyFailure(error).kind === 'not-found') return { kind: 'absent' };
    throw error;
  }
  if (Array.isArray(data)) return { kind: 'absent' };
  if (data.type === 'symlink') return { kind: 'skipped', diagnostic: symlinkSkipped(path) };
  if (data.type !== 'file') return { kind: 'absent' };
  if (data.size > maxBytes) return { kind: 'skipped', diagnostic: tooLarge(path, data.size, maxBytes) };
  if ('content' in data && data.content && data.encoding === 'base64') return { kind: 'text', text: decodeText(Buffer.from(data.content, 'base64')), oid: data.sha };
  // Files over 1 MB come without content; the blob endpoint serves up to 100 MB.
  const blob = await client.rest.git.getBlob({ owner: repo.owner, repo: repo.repo, file_sha: data.sha });
  return { kind: 'text', text: decodeText(Buffer.from(blob.data.content, blob.data.encoding === 'base64' ? 'base64' : 'utf8')), oid: data.sha };
}
