import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The runner's artifact service on 127.0.0.1, for @actions/artifact in a
 * child process: the Twirp calls CreateArtifact and FinalizeArtifact
 * (JSON), and the blob storage upload they hand out (block list PUTs, as
 * Azure Blob Storage answers them). Keeps each artifact's uploaded bytes.
 */
export class FakeArtifactService {
  readonly artifacts = new Map<string, { bytes: Buffer; id: number; finalized: boolean }>();
  private readonly blocks = new Map<string, Buffer>();
  private server: Server | undefined;
  private url = '';

  /** The environment the runner gives an action step: results URL and a runtime token whose scp names run and job. */
  env(): Record<string, string> {
    const claims = { scp: 'Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:11111111-1111-1111-1111-111111111111:22222222-2222-2222-2222-222222222222' };
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    return { ACTIONS_RESULTS_URL: `${this.url}/`, ACTIONS_RUNTIME_TOKEN: `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`, GITHUB_RUN_ID: '4242', GITHUB_JOB: 'serviceentry-guard' };
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const url = new URL(req.url ?? '/', this.url);
        const json = (status: number, value: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(value));
        };
        if (req.method === 'POST' && url.pathname.endsWith('/CreateArtifact')) {
          const { name } = JSON.parse(body.toString('utf8')) as { name: string };
          if (this.artifacts.has(name)) return json(409, { code: 'already_exists', msg: 'an artifact with this name already exists on the workflow run' });
          this.artifacts.set(name, { bytes: Buffer.alloc(0), id: 1000 + this.artifacts.size, finalized: false });
          return json(200, { ok: true, signedUploadUrl: `${this.url}/blob/${encodeURIComponent(name)}?sv=2023-11-03&sig=fake` });
        }
        if (req.method === 'POST' && url.pathname.endsWith('/FinalizeArtifact')) {
          const { name } = JSON.parse(body.toString('utf8')) as { name: string };
          const artifact = this.artifacts.get(name);
          if (!artifact) return json(404, { code: 'not_found', msg: 'no such artifact' });
          artifact.finalized = true;
          return json(200, { ok: true, artifactId: String(artifact.id) });
        }
        const blob = /^\/blob\/(.+)$/.exec(url.pathname);
        if (req.method === 'PUT' && blob) {
          const name = decodeURIComponent(blob[1]!);
          const headers = { etag: '"0x1"', 'last-modified': new Date(0).toUTCString(), 'x-ms-request-id': 'fake', 'x-ms-version': '2023-11-03', 'x-ms-request-server-encrypted': 'true' };
          if (url.searchParams.get('comp') === 'block') {
            this.blocks.set(`${name}\u0000${url.searchParams.get('blockid')}`, body);
            res.writeHead(201, headers);
            return res.end();
          }
          if (url.searchParams.get('comp') === 'blocklist') {
            const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map((m) => m[1]!);
            const artifact = this.artifacts.get(name);
            if (artifact) artifact.bytes = Buffer.concat(ids.map((id) => this.blocks.get(`${name}\u0000${id}`) ?? Buffer.alloc(0)));
            res.writeHead(201, headers);
            return res.end();
          }
          const artifact = this.artifacts.get(name);
          if (artifact) artifact.bytes = body;
          res.writeHead(201, headers);
          return res.end();
        }
        json(404, { code: 'not_found', msg: `fake artifact service has no ${req.method} ${url.pathname}` });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
