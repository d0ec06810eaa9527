import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeGitHub } from './fake-github.js';
import type { OpenApiChecker } from './openapi-checker.js';

/**
 * GitHub's REST API on 127.0.0.1 and a random port, for a child process:
 * answers from the shared fake, and checks each request against the
 * OpenAPI description before answering, collecting every violation.
 */
export class LoopbackGitHub {
  readonly violations: string[] = [];
  private server: Server | undefined;

  constructor(private readonly fake: FakeGitHub, private readonly checker: OpenApiChecker, private readonly token: string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.answer(req).then(({ status, headers, body }) => {
        res.writeHead(status, headers);
        res.end(body);
      }, (error: unknown) => {
        this.violations.push(`server error: ${String(error)}`);
        res.writeHead(500);
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}`;
    this.fake.baseUrl = url;
    return url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async answer(req: IncomingMessage): Promise<{ status: number; headers: Record<string, string>; body: Buffer | string }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    let body: unknown;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        this.violations.push(`${method} ${url.pathname}: body is not JSON`);
      }
    }
    if (req.headers['authorization'] !== `token ${this.token}`) this.violations.push(`${method} ${url.pathname}: missing or wrong Authorization header`);
    if (url.pathname === '/graphql') {
      if (method !== 'POST' || typeof (body as { query?: unknown })?.query !== 'string') this.violations.push(`${method} /graphql: not a GraphQL query`);
    } else {
      this.violations.push(...this.checker.check(method, url.pathname, url.searchParams, body));
    }
    const response = this.fake.handle({ method, path: url.pathname, query: url.searchParams, body, headers: req.headers });
    const payload = Buffer.isBuffer(response.body) ? response.body : response.body === undefined ? '' : JSON.stringify(response.body);
    return { status: response.status, headers: { 'content-type': 'application/json; charset=utf-8', ...response.headers }, body: payload };
  }
}
