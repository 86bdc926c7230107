import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  /** performance.now() when the request arrived, for tests of the delays between attempts. */
  at: number;
}

/** What the server does with the next request. */
export type Behaviour =
  | { kind: 'answer'; status: number; body?: unknown }
  | { kind: 'reset' }
  | { kind: 'stall' };

/**
 * A real HTTP server on a Unix socket in a private temp dir, standing in for the backend so a test can
 * make it fail (503, dropped connection) or stall. Behaviours are consumed in order; `fallback` after that.
 */
export class ScriptedBackend {
  readonly seen: SeenRequest[] = [];
  readonly aborted: SeenRequest[] = [];
  private script: Behaviour[] = [];
  fallback: Behaviour = { kind: 'answer', status: 200, body: { ok: 1 } };
  private constructor(
    readonly dir: string,
    readonly socketPath: string,
    private readonly server: http.Server,
  ) {}

  static async start(): Promise<ScriptedBackend> {
    const dir = await mkdtemp(join(tmpdir(), 'odsm-bridge-'));
    const socketPath = join(dir, 'backend.sock');
    const server = http.createServer();
    const backend = new ScriptedBackend(dir, socketPath, server);
    server.on('request', (req, res) => backend.onRequest(req, res));
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    return backend;
  }

  queue(...behaviours: Behaviour[]): this {
    this.script.push(...behaviours);
    return this;
  }

  private onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const seen: SeenRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: text ? JSON.parse(text) : undefined, at: performance.now() };
      this.seen.push(seen);
      const behaviour = this.script.shift() ?? this.fallback;
      if (behaviour.kind === 'reset') {
        req.socket.destroy();
        return;
      }
      if (behaviour.kind === 'stall') {
        res.on('close', () => this.aborted.push(seen));
        return;
      }
      const payload = JSON.stringify(behaviour.body ?? {});
      res.writeHead(behaviour.status, { 'content-type': 'application/json', 'x-request-id': String(req.headers['x-request-id'] ?? '') });
      res.end(payload);
    });
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await rm(this.dir, { recursive: true, force: true });
  }
}
