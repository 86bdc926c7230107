import http from 'node:http';
import type { HttpMethod } from './manifest';

/** Where the backend listens: a Unix socket (POSIX) or loopback host and port (Windows). */
export type BackendEndpoint = { socketPath: string } | { host: string; port: number };

export interface BackendConnection {
  endpoint: BackendEndpoint;
  secret: string;
}

export interface TransportRequest {
  method: HttpMethod;
  /** Path template from the manifest, e.g. "/api/v1/students/{student_id}". */
  pathTemplate: string;
  pathParams?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  requestId: string;
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface TransportResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON, or the raw text when the answer was not JSON, or undefined when empty. */
  body: unknown;
}

export interface Transport {
  request(req: TransportRequest): Promise<TransportResponse>;
  close(): void;
}

/** Raised when there is no backend to talk to yet (supervisor still starting, or down). */
class BackendNotConnectedError extends Error {
  readonly code = 'ENOTCONN';
  constructor() {
    super('The backend is not connected.');
    this.name = 'BackendNotConnectedError';
  }
}

function buildPath(template: string, pathParams: Record<string, unknown> = {}, query: Record<string, unknown> = {}): string {
  const path = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = pathParams[name];
    if (value === undefined || value === null) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    search.append(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

export interface HttpTransportOptions {
  /** Read on every call, so a restarted backend on a new port or socket is picked up. */
  connection: () => BackendConnection | undefined;
  maxSockets?: number;
  /** Who is at this workstation, for the backend's audit log (X-ODSM-Actor); never a secret. */
  actor?: string;
}

export function createHttpTransport(options: HttpTransportOptions): Transport {
  // keep-alive: the socket is reused between calls, which is most of the round-trip saving.
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 16 });

  const request = (req: TransportRequest): Promise<TransportResponse> =>
    new Promise((resolve, reject) => {
      const conn = options.connection();
      if (!conn) {
        reject(new BackendNotConnectedError());
        return;
      }
      const payload = req.body === undefined ? undefined : Buffer.from(JSON.stringify(req.body));
      const headers: http.OutgoingHttpHeaders = {
        authorization: `Bearer ${conn.secret}`,
        'x-request-id': req.requestId,
        accept: 'application/json',
      };
      if (req.idempotencyKey) headers['idempotency-key'] = req.idempotencyKey;
      if (options.actor) headers['x-odsm-actor'] = options.actor;
      if (payload) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = payload.length;
      }
      const target = 'socketPath' in conn.endpoint ? { socketPath: conn.endpoint.socketPath } : { ...conn.endpoint };
      const outgoing = http.request(
        { ...target, agent, method: req.method, path: buildPath(req.pathTemplate, req.pathParams, req.query), headers, signal: req.signal },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parseBody(Buffer.concat(chunks).toString('utf8')) });
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(payload);
    });

  return { request, close: () => agent.destroy() };
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
