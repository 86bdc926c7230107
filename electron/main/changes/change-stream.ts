// Follows the backend's change stream (server-sent events on GET /api/v1/changes) and hands each
// change on; main pushes it to the windows as `app:data-changed`. Main-only: the renderer never sees
// the stream, only the kinds. After a broken stream (a backend restart, a lost server) it reconnects
// with backoff, and once the stream stands again says "everything" once: what changed meanwhile was
// not heard. A stream silent for longer than the backend's keep-alive is taken as broken.
import http from 'node:http';
import { knownKinds, type DataChanged } from '../../shared/data-changes';
import type { BackendConnection } from '../bridge/http-transport';
import type { Logger } from '../log/json-logger';

export const CHANGE_STREAM_PATH = '/api/v1/changes';

export interface ChangeStreamOptions {
  /** Where the backend listens now; read at every (re)connect, so a restarted backend is picked up. */
  connection: () => BackendConnection | undefined;
  onChange: (change: DataChanged) => void;
  log: Logger;
  /** Waits between attempts: doubling from `initialDelayMs` up to `maxDelayMs`, with jitter. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** The backend sends a keep-alive every 15 s: this much silence means the stream is gone. */
  idleTimeoutMs?: number;
}

export interface ChangeStream {
  /** True while a stream stands (its `ready` event came). */
  connected(): boolean;
  stop(): void;
}

interface SseEvent {
  event: string;
  data: string;
}

/** Splits the text received so far into complete events; returns them and the unfinished rest. */
export function parseSse(buffer: string): { events: SseEvent[]; rest: string } {
  const events: SseEvent[] = [];
  const blocks = buffer.replace(/\r\n/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue; // a comment: the keep-alive
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0) events.push({ event, data: data.join('\n') });
  }
  return { events, rest };
}

export function followChangeStream(options: ChangeStreamOptions): ChangeStream {
  const initialDelay = options.initialDelayMs ?? 250;
  const maxDelay = options.maxDelayMs ?? 2_000;
  const idleTimeout = options.idleTimeoutMs ?? 45_000;
  let stopped = false;
  let standing = false;
  let everConnected = false;
  let delay = initialDelay;
  let current: http.ClientRequest | undefined;
  let retryTimer: NodeJS.Timeout | undefined;

  const retryLater = (why: string) => {
    if (stopped || retryTimer) return;
    if (standing) options.log.warn('changes.stream_lost', { why });
    standing = false;
    current = undefined;
    // Full jitter: several seats that lost one server do not all come back at the same instant.
    const wait = Math.round(delay / 2 + Math.random() * (delay / 2));
    delay = Math.min(delay * 2, maxDelay);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      connect();
    }, wait);
  };

  const onEvent = ({ event, data }: SseEvent) => {
    if (event === 'ready') {
      standing = true;
      delay = initialDelay;
      options.log.info('changes.stream_ready', { reconnected: everConnected });
      // Back after a break: whatever changed meanwhile was not heard, so every screen refreshes, once.
      if (everConnected) options.onChange({ kinds: ['everything'] });
      everConnected = true;
      return;
    }
    if (event !== 'changed') return;
    let kinds: unknown;
    try {
      kinds = (JSON.parse(data) as { kinds?: unknown }).kinds;
    } catch {
      kinds = undefined;
    }
    const known = knownKinds(kinds);
    if (known.length > 0) options.onChange({ kinds: known });
  };

  const connect = () => {
    if (stopped) return;
    const conn = options.connection();
    if (!conn) return retryLater('backend not connected');
    const target = 'socketPath' in conn.endpoint ? { socketPath: conn.endpoint.socketPath } : { ...conn.endpoint };
    const request = http.request({
      ...target,
      // A socket of its own: the stream never holds one of the bridge's keep-alive sockets.
      agent: false,
      method: 'GET',
      path: CHANGE_STREAM_PATH,
      headers: { authorization: `Bearer ${conn.secret}`, accept: 'text/event-stream' },
    });
    current = request;
    request.setTimeout(idleTimeout, () => request.destroy(new Error('the change stream went silent')));
    request.on('error', (error) => {
      if (current === request) retryLater(error.message);
    });
    request.on('response', (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        request.destroy(new Error(`the change stream answered ${response.statusCode ?? 0}`));
        return;
      }
      response.setEncoding('utf8');
      let buffer = '';
      response.on('data', (chunk: string) => {
        const parsed = parseSse(buffer + chunk);
        buffer = parsed.rest;
        parsed.events.forEach(onEvent);
      });
      response.on('close', () => {
        if (current === request) retryLater('the change stream ended');
      });
    });
    request.end();
  };

  connect();
  return {
    connected: () => standing,
    stop: () => {
      stopped = true;
      standing = false;
      if (retryTimer) clearTimeout(retryTimer);
      current?.destroy();
      current = undefined;
    },
  };
}
