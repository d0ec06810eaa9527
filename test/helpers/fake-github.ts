import { execFileSync } from 'node:child_process';
import { CommentableLines } from '../../src/core/review-comments/diff-hunks.js';

/**
 * A small stateful stand-in for the parts of GitHub's REST API the action
 * uses, shared by the nock tests (in-process) and the end-to-end test (a
 * loopback server). It keeps comments and reviews between runs, paginates
 * like GitHub (Link headers), refuses review comments outside the diff with
 * a 422 as GitHub does, and can be told to fail requests in the ways GitHub
 * fails: 403, 422, 5xx, secondary rate limits, responses lost after the write.
 */

export interface FakeFile {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previous_filename?: string;
  patch?: string;
  /** Blob id at head, as GitHub lists it. */
  sha?: string;
}

export interface FakeUser {
  login: string;
  id: number;
  type: 'Bot' | 'User';
}

export const ACTIONS_BOT: FakeUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
export const PR_AUTHOR: FakeUser = { login: 'octocat', id: 583231, type: 'User' };

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  /** When the fake received it (ms since the epoch), for tests of pacing. */
  at?: number;
}

export interface FakeResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface Fault {
  method: string;
  /** Matched against the path without the API prefix, e.g. /repos/o/r/pulls/1/reviews. */
  path: RegExp;
  status: number;
  times: number;
  /** Carry the request out, then answer with the error: the response got lost. */
  afterEffect?: boolean;
  headers?: Record<string, string>;
  message?: string;
}

interface StoredComment { id: number; body: string; user: FakeUser; created_at: string; updated_at: string }
interface StoredReviewComment { id: number; body: string; user: FakeUser; path: string; line: number; start_line: number | null; side: string; commit_id: string; pull_request_review_id: number }
interface StoredReview { id: number; body: string; user: FakeUser; state: string; commit_id: string }

export interface FakeGitHubOptions {
  owner: string;
  repo: string;
  pullNumber: number;
  baseSha: string;
  headSha: string;
  files: FakeFile[];
  /** Who the token is (what GraphQL viewer returns and who authors what the action posts). */
  tokenUser?: FakeUser;
  /** Contents served by GET /contents/{path}?ref= and the tarball endpoint, per ref. */
  contents?: Record<string, Record<string, string>>;
  tarballs?: Record<string, Buffer>;
  /** Base path of the API (`/api/v3` on GHES). */
  prefix?: string;
  /**
   * A real git repository behind the fake: contents, archives, commits and
   * three-dot comparisons are then served from its objects, as GitHub does.
   */
  gitDir?: string;
}

export class FakeGitHub {
  readonly requests: FakeRequest[] = [];
  readonly issueComments: StoredComment[] = [];
  readonly reviewComments: StoredReviewComment[] = [];
  readonly reviews: StoredReview[] = [];
  readonly faults: Fault[] = [];
  headSha: string;
  readOnly = false;
  /** GraphQL mutations answer FORBIDDEN, as for a token without the permission (queries still work). */
  graphqlMutationsRefused = false;
  /** Review threads resolved through GraphQL, by the id of their first comment. */
  readonly resolvedThreads = new Set<number>();
  /** Runs before each request is answered: lets a test change the pull request mid-run. */
  beforeHandle: ((request: FakeRequest) => void) | undefined;
  private nextId = 1000;

  constructor(readonly options: FakeGitHubOptions) {
    this.headSha = options.headSha;
  }

  get tokenUser(): FakeUser {
    return this.options.tokenUser ?? ACTIONS_BOT;
  }

  fail(fault: Fault): this {
    this.faults.push(fault);
    return this;
  }

  /** A comment someone else wrote, e.g. the pull request's author pasting our marker. */
  addIssueComment(body: string, user: FakeUser): void {
    this.issueComments.push({ id: this.nextId++, body, user, created_at: now(), updated_at: now() });
  }

  addReviewComment(body: string, user: FakeUser, path: string, line: number): void {
    this.reviewComments.push({ id: this.nextId++, body, user, path, line, start_line: null, side: 'RIGHT', commit_id: this.headSha, pull_request_review_id: 1 });
  }

  writes(): FakeRequest[] {
    return this.requests.filter((r) => r.method !== 'GET' && !r.path.endsWith('/graphql'));
  }

  handle(request: FakeRequest): FakeResponse {
    this.requests.push({ ...request, at: Date.now() });
    this.beforeHandle?.(request);
    const prefix = this.options.prefix ?? '';
    const path = request.path.startsWith(prefix) ? request.path.slice(prefix.length) : request.path;
    const fault = this.faults.find((f) => f.times > 0 && f.method === request.method && f.path.test(path));
    if (fault) {
      fault.times--;
      if (fault.afterEffect) this.route(request.method, path, request);
      return this.error(fault.status, fault.message ?? defaultMessage(fault.status), fault.headers);
    }
    if (this.readOnly && request.method !== 'GET' && !path.endsWith('/graphql')) {
      return this.error(403, 'Resource not accessible by integration');
    }
    return this.route(request.method, path, request);
  }

  private route(method: string, path: string, request: FakeRequest): FakeResponse {
    const { owner, repo, pullNumber } = this.options;
    const repoPath = `/repos/${owner}/${repo}`;
    const pr = `${repoPath}/pulls/${pullNumber}`;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const user = this.tokenUser;
    if (method === 'POST' && path.endsWith('/graphql')) return this.graphql(body, user);
    if (method === 'GET' && path === pr) {
      return ok({ number: pullNumber, state: 'open', head: { sha: this.headSha, ref: 'feature' }, base: { sha: this.options.baseSha, ref: 'main' } });
    }
    if (method === 'GET' && path === `${pr}/files`) return this.page(request, this.options.files.map((f, i) => fileResponse(f, i, this.options)));
    if (method === 'GET' && path === `/repos/${owner}/${repo}/issues/${pullNumber}/comments`) return this.page(request, this.issueComments.map((c) => this.commentResponse(c)));
    if (method === 'POST' && path === `/repos/${owner}/${repo}/issues/${pullNumber}/comments`) {
      const comment = { id: this.nextId++, body: String(body['body']), user, created_at: now(), updated_at: now() };
      this.issueComments.push(comment);
      return { status: 201, headers: {}, body: this.commentResponse(comment) };
    }
    const commentId = new RegExp(`^${repoPath}/issues/comments/(\\d+)$`).exec(path);
    if (commentId) {
      const index = this.issueComments.findIndex((c) => c.id === Number(commentId[1]));
      const comment = this.issueComments[index];
      if (!comment) return this.error(404, 'Not Found');
      if (comment.user.login !== user.login) return this.error(403, 'Resource not accessible by integration');
      if (method === 'PATCH') {
        comment.body = String(body['body']);
        comment.updated_at = now();
        return ok(this.commentResponse(comment));
      }
      if (method === 'DELETE') {
        this.issueComments.splice(index, 1);
        return { status: 204, headers: {}, body: undefined };
      }
    }
    const reviewCommentId = new RegExp(`^${repoPath}/pulls/comments/(\\d+)$`).exec(path);
    if (reviewCommentId && method === 'PATCH') {
      const comment = this.reviewComments.find((c) => c.id === Number(reviewCommentId[1]));
      if (!comment) return this.error(404, 'Not Found');
      if (comment.user.login !== user.login) return this.error(403, 'Resource not accessible by integration');
      comment.body = String(body['body']);
      return ok({ ...comment, html_url: `https://github.com/${owner}/${repo}/pull/${pullNumber}#discussion_r${comment.id}` });
    }
    if (method === 'GET' && path === `${pr}/comments`) return this.page(request, this.reviewComments.map((c) => ({ ...c, html_url: `https://github.com/${owner}/${repo}/pull/${pullNumber}#discussion_r${c.id}` })));
    if (method === 'GET' && path === `${pr}/reviews`) return this.page(request, this.reviews.map((r) => this.reviewResponse(r)));
    if (method === 'POST' && path === `${pr}/reviews`) return this.createReview(body, user);
    if (method === 'GET' && this.options.gitDir) {
      const fromGit = this.routeGit(path, request.query);
      if (fromGit) return fromGit;
    }
    const contents = new RegExp(`^${repoPath}/contents/(.+)$`).exec(path);
    if (method === 'GET' && contents) {
      const file = decodeURIComponent(contents[1]!);
      const text = this.options.contents?.[request.query.get('ref') ?? '']?.[file];
      if (text === undefined) return this.error(404, 'Not Found');
      return ok({ type: 'file', encoding: 'base64', size: Buffer.byteLength(text), name: file.split('/').pop(), path: file, sha: 'f'.repeat(40), content: Buffer.from(text).toString('base64') });
    }
    const tarball = new RegExp(`^${repoPath}/tarball/(.+)$`).exec(path);
    if (method === 'GET' && tarball) {
      const archive = this.options.tarballs?.[decodeURIComponent(tarball[1]!)];
      if (!archive) return this.error(404, 'Not Found');
      return { status: 200, headers: { 'content-type': 'application/x-gzip' }, body: archive };
    }
    return this.error(404, `Not Found (fake has no ${method} ${path})`);
  }

  /** Reads answered from the backing git repository; undefined for routes it does not serve. */
  private routeGit(path: string, query: URLSearchParams): FakeResponse | undefined {
    const { owner, repo, gitDir } = this.options;
    const repoPath = `/repos/${owner}/${repo}`;
    const git = (...args: string[]) => execFileSync('git', args, { cwd: gitDir, maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
    const attempt = (read: () => FakeResponse): FakeResponse => {
      try {
        return read();
      } catch {
        return this.error(404, 'Not Found');
      }
    };
    const contents = new RegExp(`^${repoPath}/contents/(.+)$`).exec(path);
    if (contents) {
      const file = decodeURIComponent(contents[1]!);
      const ref = query.get('ref') ?? 'HEAD';
      return attempt(() => {
        const [mode, , oid] = git('ls-tree', ref, '--', file).toString('utf8').split(/\s+/);
        if (!oid) throw new Error('absent');
        const bytes = git('cat-file', 'blob', oid);
        return ok({ type: mode === '120000' ? 'symlink' : 'file', encoding: 'base64', size: bytes.length, name: file.split('/').pop(), path: file, sha: oid, content: bytes.toString('base64') });
      });
    }
    const commit = new RegExp(`^${repoPath}/git/commits/([0-9a-f]{40})$`).exec(path);
    if (commit) {
      return attempt(() => {
        const raw = git('cat-file', 'commit', commit[1]!).toString('utf8');
        const parents = [...raw.split('\n\n')[0]!.matchAll(/^parent ([0-9a-f]{40})$/gm)].map((m) => ({ sha: m[1]!, url: '', html_url: '' }));
        return ok({ sha: commit[1], node_id: 'C', url: '', html_url: '', author: { name: 't', email: 't@e', date: now() }, committer: { name: 't', email: 't@e', date: now() }, message: 'm', tree: { sha: git('rev-parse', `${commit[1]}^{tree}`).toString('utf8').trim(), url: '' }, parents, verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null } });
      });
    }
    const compare = new RegExp(`^${repoPath}/compare/([0-9a-f]{40})\\.\\.\\.([0-9a-f]{40})$`).exec(decodeURIComponent(path));
    if (compare) {
      return attempt(() => {
        const base = git('merge-base', compare[1]!, compare[2]!).toString('utf8').trim();
        return ok({ url: '', html_url: '', permalink_url: '', diff_url: '', patch_url: '', base_commit: { sha: compare[1] }, merge_base_commit: { sha: base }, status: 'diverged', ahead_by: 1, behind_by: 1, total_commits: 1, commits: [], files: [] });
      });
    }
    const tarball = new RegExp(`^${repoPath}/tarball/(.+)$`).exec(path);
    if (tarball) {
      const ref = decodeURIComponent(tarball[1]!);
      return attempt(() => ({ status: 200, headers: { 'content-type': 'application/x-gzip' }, body: git('archive', '--format=tar.gz', `--prefix=${owner}-${repo}-${ref.slice(0, 7)}/`, ref) }));
    }
    return undefined;
  }

  /**
   * The GraphQL queries the action sends, answered as GitHub does: the
   * viewer; a pull request's review threads (one per top-level review
   * comment, paginated by `first`/`after` with opaque cursors, bot authors
   * without their `[bot]` suffix); and `resolveReviewThread`, which a token
   * without the permission gets as a FORBIDDEN error in a 200 response.
   */
  private graphql(body: Record<string, unknown>, user: FakeUser): FakeResponse {
    const query = String(body['query'] ?? '');
    const variables = (body['variables'] ?? {}) as Record<string, unknown>;
    const login = (u: FakeUser) => u.login.replace(/\[bot\]$/, '');
    if (/\bresolveReviewThread\b/.test(query)) {
      if (this.readOnly || this.graphqlMutationsRefused) {
        return ok({ data: { resolveReviewThread: null }, errors: [{ type: 'FORBIDDEN', path: ['resolveReviewThread'], locations: [{ line: 2, column: 3 }], message: 'Resource not accessible by integration' }] });
      }
      const id = /^PRRT_fake(\d+)$/.exec(String(variables['threadId'] ?? ''));
      const comment = id ? this.reviewComments.find((c) => c.id === Number(id[1])) : undefined;
      if (!comment) return ok({ data: { resolveReviewThread: null }, errors: [{ type: 'NOT_FOUND', path: ['resolveReviewThread'], message: `Could not resolve to a node with the global id of '${String(variables['threadId'])}'` }] });
      this.resolvedThreads.add(comment.id);
      return ok({ data: { resolveReviewThread: { thread: { id: `PRRT_fake${comment.id}`, isResolved: true } } } });
    }
    if (/\breviewThreads\b/.test(query)) {
      if (variables['number'] !== this.options.pullNumber || variables['owner'] !== this.options.owner || variables['name'] !== this.options.repo) {
        return ok({ data: { repository: null }, errors: [{ type: 'NOT_FOUND', path: ['repository'], message: 'Could not resolve to a Repository' }] });
      }
      const first = Number(/reviewThreads\(first:\s*(\d+)/.exec(query)?.[1] ?? NaN);
      if (!(first >= 1 && first <= 100)) return ok({ errors: [{ type: 'MISSING_PAGINATION_BOUNDARIES', message: 'You must provide a `first` value between 1 and 100 to properly paginate the `reviewThreads` connection.' }] });
      const start = typeof variables['cursor'] === 'string' ? Number(Buffer.from(variables['cursor'], 'base64').toString('utf8').replace(/^cursor:/, '')) : 0;
      const threads = this.reviewComments.slice(start, start + first);
      const end = start + threads.length;
      return ok({ data: { repository: { pullRequest: { reviewThreads: {
        pageInfo: { hasNextPage: end < this.reviewComments.length, endCursor: threads.length > 0 ? Buffer.from(`cursor:${end}`).toString('base64') : null },
        nodes: threads.map((c) => ({ id: `PRRT_fake${c.id}`, isResolved: this.resolvedThreads.has(c.id), comments: { nodes: [{ databaseId: c.id, body: c.body, author: { login: login(c.user) } }] } })),
      } } } } });
    }
    if (/\bviewer\b/.test(query)) return ok({ data: { viewer: { login: login(user) } } });
    return ok({ errors: [{ message: `the fake GitHub does not answer this query: ${query.slice(0, 80)}` }] });
  }

  private createReview(body: Record<string, unknown>, user: FakeUser): FakeResponse {
    if (body['commit_id'] !== undefined && body['commit_id'] !== this.headSha) {
      // GitHub accepts an older commit_id; the comments then sit on that commit's diff. Not what we want to test against.
    }
    const comments = (body['comments'] as Array<Record<string, unknown>> | undefined) ?? [];
    for (const c of comments) {
      const file = this.options.files.find((f) => f.filename === c['path']);
      const lines = CommentableLines.fromPatch(file?.patch);
      const line = Number(c['line']);
      const start = c['start_line'] === undefined ? line : Number(c['start_line']);
      if (!file || !lines.hasRange(start, line)) {
        return this.error(422, 'Unprocessable Entity', undefined, ['Line could not be resolved']);
      }
    }
    const review: StoredReview = { id: this.nextId++, body: String(body['body'] ?? ''), user, state: 'COMMENTED', commit_id: String(body['commit_id'] ?? this.headSha) };
    this.reviews.push(review);
    for (const c of comments) {
      this.reviewComments.push({ id: this.nextId++, body: String(c['body']), user, path: String(c['path']), line: Number(c['line']), start_line: c['start_line'] === undefined ? null : Number(c['start_line']), side: String(c['side'] ?? 'RIGHT'), commit_id: review.commit_id, pull_request_review_id: review.id });
    }
    return ok(this.reviewResponse(review));
  }

  private commentResponse(c: StoredComment) {
    const { owner, repo, pullNumber } = this.options;
    return { ...c, html_url: `https://github.com/${owner}/${repo}/pull/${pullNumber}#issuecomment-${c.id}`, author_association: 'NONE' };
  }

  private reviewResponse(r: StoredReview) {
    const { owner, repo, pullNumber } = this.options;
    return { ...r, html_url: `https://github.com/${owner}/${repo}/pull/${pullNumber}#pullrequestreview-${r.id}` };
  }

  /** GitHub's pagination: per_page (default 30, max 100), page, and a Link header to the next page. */
  private page(request: FakeRequest, items: unknown[]): FakeResponse {
    const perPage = Math.min(Number(request.query.get('per_page') ?? 30), 100);
    const page = Number(request.query.get('page') ?? 1);
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (page * perPage < items.length) {
      const next = new URLSearchParams(request.query);
      next.set('page', String(page + 1));
      next.set('per_page', String(perPage));
      const last = new URLSearchParams(next);
      last.set('page', String(Math.ceil(items.length / perPage)));
      headers['link'] = `<${this.selfUrl(request.path, next)}>; rel="next", <${this.selfUrl(request.path, last)}>; rel="last"`;
    }
    return { status: 200, headers, body: slice };
  }

  baseUrl = 'https://api.github.com';

  private selfUrl(path: string, query: URLSearchParams): string {
    return `${new URL(this.baseUrl).origin}${path}?${query.toString()}`;
  }

  private error(status: number, message: string, headers: Record<string, string> = {}, errors?: string[]): FakeResponse {
    return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: { message, documentation_url: 'https://docs.github.com/rest', ...(errors ? { errors, status: String(status) } : {}) } };
  }
}

function fileResponse(f: FakeFile, index: number, o: FakeGitHubOptions) {
  return {
    sha: f.sha ?? index.toString(16).padStart(40, '0'),
    filename: f.filename,
    status: f.status,
    additions: 1,
    deletions: 0,
    changes: 1,
    blob_url: `https://github.com/${o.owner}/${o.repo}/blob/${o.headSha}/${f.filename}`,
    raw_url: `https://github.com/${o.owner}/${o.repo}/raw/${o.headSha}/${f.filename}`,
    contents_url: `https://api.github.com/repos/${o.owner}/${o.repo}/contents/${f.filename}?ref=${o.headSha}`,
    ...(f.patch !== undefined ? { patch: f.patch } : {}),
    ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
  };
}

function ok(body: unknown): FakeResponse {
  return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body };
}

function now(): string {
  return new Date(0).toISOString();
}

function defaultMessage(status: number): string {
  if (status === 403) return 'Resource not accessible by integration';
  if (status === 422) return 'Unprocessable Entity';
  if (status === 429) return 'Too Many Requests';
  return 'Server Error';
}
