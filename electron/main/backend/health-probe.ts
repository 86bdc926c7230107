import http from 'node:http';
import type { BackendConnection } from '../bridge/http-transport';

export interface Health {
  status: string;
  version: string;
  schema_revision: string | null;
  database: string;
}

/** One GET /api/v1/health, on its own (no keep-alive, no policies): the supervisor's view, not the bridge's. */
export function probeHealth(conn: BackendConnection, timeoutMs: number): Promise<Health> {
  return new Promise((resolve, reject) => {
    const target = 'socketPath' in conn.endpoint ? { socketPath: conn.endpoint.socketPath } : { ...conn.endpoint };
    const req = http.request(
      { ...target, method: 'GET', path: '/api/v1/health', headers: { authorization: `Bearer ${conn.secret}` }, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) return reject(new Error(`health answered ${res.statusCode}: ${text.slice(0, 200)}`));
          try {
            resolve(JSON.parse(text) as Health);
          } catch {
            reject(new Error(`health answered non-JSON: ${text.slice(0, 200)}`));
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`health took longer than ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

/** Polls health until it answers 200 or the deadline passes; the error says what the last attempt saw. */
export async function waitForHealth(conn: BackendConnection, timeoutMs: number, intervalMs = 100): Promise<Health> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      return await probeHealth(conn, Math.max(1, Math.min(2_000, deadline - Date.now())));
    } catch (error) {
      last = error;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
  const reason = last instanceof Error ? last.message : 'no answer';
  throw new Error(`backend health did not answer within ${timeoutMs} ms (${reason})`);
}
