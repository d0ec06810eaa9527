/** A link to a line of a file at a commit, for the tables; every path segment encoded, so no manifest path can break out of the URL. */
export function blobUrlFor(serverUrl: string, repository: string, sha: string): (path: string, line: number) => string {
  const base = `${serverUrl.replace(/\/+$/, '')}/${repository.split('/').map(encodeURIComponent).join('/')}/blob/${encodeURIComponent(sha)}`;
  return (path, line) => `${base}/${path.split('/').map(encodeURIComponent).join('/')}#L${line}`;
}
