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
  /** Ends the request when it aborts: a caller's own deadline (an export, a diagnostics probe). */
  signal?: AbortSignal;
  /** Ends the request with a TransportTimeoutError when no whole answer came within this many ms. */
  timeoutMs?: number;
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

/** The request's own timer ran out (TransportRequest.timeoutMs); the request was ended. */
export class TransportTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
  constructor(ms: number) {
    super(`The backend did not answer within ${ms} ms.`);
    this.name = 'TransportTimeoutError';
  }
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  const error = new Error('The request was aborted.');
  error.name = 'AbortError';
  return error;
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
  /** The signed-in staff account's session token (X-ODSM-Session), read on every call; main's alone. */
  session?: () => string | undefined;
}

export function createHttpTransport(options: HttpTransportOptions): Transport {
  // keep-alive: the socket is reused between calls, which is most of the round-trip saving.
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 16 });

  // One timer and one abort path per call, both owned here: no AbortSignal handed to http.request (its stream
  // listeners cost more than the call's own work), no AbortController built for a call that succeeds.
  const request = (req: TransportRequest): Promise<TransportResponse> =>
    new Promise((resolve, reject) => {
      const conn = options.connection();
      if (!conn) {
        reject(new BackendNotConnectedError());
        return;
      }
      const { signal, timeoutMs } = req;
      if (signal?.aborted) {
        reject(abortError(signal));
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
      const session = options.session?.();
      if (session) headers['x-odsm-session'] = session;
      if (payload) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = payload.length;
      }
      const endpoint = conn.endpoint;
      const outgoing = http.request({
        ...('socketPath' in endpoint ? { socketPath: endpoint.socketPath } : { host: endpoint.host, port: endpoint.port }),
        agent,
        method: req.method,
        path: buildPath(req.pathTemplate, req.pathParams, req.query),
        headers,
      });
      let settled = false;
      let timer: NodeJS.Timeout | undefined;
      const onAbort = (): void => cancel(abortError(signal!));
      const settle = (): boolean => {
        if (settled) return false;
        settled = true;
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        return true;
      };
      // The one abort path: the timer or the caller's signal ends the request, and the caller hears at once.
      const cancel = (error: Error): void => {
        if (!settle()) return;
        outgoing.destroy();
        reject(error);
      };
      if (timeoutMs !== undefined) timer = setTimeout(() => cancel(new TransportTimeoutError(timeoutMs)), timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      outgoing.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => {
          if (settle()) reject(error);
        });
        res.on('end', () => {
          if (!settle()) return;
          const text = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parseBody(text) });
        });
      });
      outgoing.on('error', (error) => {
        if (settle()) reject(error);
      });
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
