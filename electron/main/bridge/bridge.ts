import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { IpcResult } from '../../../shared-contracts/channels';
import type { CallTimings } from '../diagnostics/call-timings';
import type { Logger } from '../log/json-logger';
import type { AppChannel } from './app-channel-handlers';
import type { Transport, TransportRequest } from './http-transport';
import { bridgeErrorCodes, fail, fromBackendError, fromThrown, ok, validationFailed } from './ipc-envelope';
import type { IpcInvokeEventLike, IpcMainLike } from './ipc-types';
import type { ChannelEntry, Manifest } from './manifest';
import type { BackendPolicies } from './policies';
import type { SchemaValidator } from './schema-validator';

export interface BridgeDeps {
  manifest: Manifest;
  /** app:* channels that main answers itself, through the same checks as the manifest's. */
  appChannels: Record<string, AppChannel>;
  transport: Transport;
  policies: BackendPolicies;
  log: Logger;
  isTrustedSender: (event: IpcInvokeEventLike) => boolean;
  /** Knows every channel's schemas, the manifest's and the app channels'. */
  validator: SchemaValidator;
  /** Counts each call's round trip for Help → Diagnostics. */
  timings?: CallTimings;
}

export interface Bridge {
  /** Every channel it answers: the manifest's, then the app channels. */
  readonly channels: readonly string[];
  /** One IPC call, start to end. Never throws: every outcome is an envelope. */
  call(channel: string, event: IpcInvokeEventLike, payload: unknown): Promise<IpcResult<unknown>>;
}

type Payload = Record<string, unknown>;

function toTransportRequest(entry: ChannelEntry, payload: Payload, requestId: string, idempotencyKey?: string): TransportRequest {
  const pick = (names: string[]): Payload => Object.fromEntries(names.map((n) => [n, payload[n]]));
  return {
    method: entry.method,
    pathTemplate: entry.path,
    pathParams: pick(entry.pathParams),
    query: pick(entry.queryParams),
    body: entry.hasBody ? payload.body : undefined,
    requestId,
    idempotencyKey,
  };
}

type Answered = { result: IpcResult<unknown>; status?: number };
type Route = { to: 'backend'; entry: ChannelEntry } | { to: 'main'; appChannel: AppChannel };

export function createBridge(deps: BridgeDeps): Bridge {
  const { manifest, appChannels, transport, policies, log, validator } = deps;

  const forward = async (channel: string, entry: ChannelEntry, payload: Payload, requestId: string): Promise<Answered> => {
    // One key per call, reused by every retry, so the backend replays instead of writing twice.
    const idempotencyKey = entry.idempotencyKey ? randomUUID() : undefined;
    const retryable = entry.idempotent || idempotencyKey !== undefined;
    const request = toTransportRequest(entry, payload, requestId, idempotencyKey);
    const response = await policies.execute((timeoutMs) => transport.request({ ...request, timeoutMs }), {
      retryable,
      waitOutInProgress: idempotencyKey !== undefined,
    });
    log.debug('ipc.backend', { channel, requestId, status: response.status, replayed: response.headers['idempotent-replayed'] === 'true' });
    const result = response.status >= 200 && response.status < 300 ? ok(response.body) : fromBackendError(response, requestId);
    return { result, status: response.status };
  };

  const routes = new Map<string, Route>([
    ...Object.entries(manifest.channels).map(([name, entry]): [string, Route] => [name, { to: 'backend', entry }]),
    ...Object.entries(appChannels).map(([name, appChannel]): [string, Route] => [name, { to: 'main', appChannel }]),
  ]);

  /** Sender, then payload, then the backend (db:*) or main itself (app:*). */
  const answer = async (channel: string, event: IpcInvokeEventLike, payload: unknown, requestId: string): Promise<Answered> => {
    const route = routes.get(channel);
    if (!route) return { result: fail(bridgeErrorCodes.internal, `Unknown channel ${channel}.`, requestId) };
    if (!deps.isTrustedSender(event)) {
      return { result: fail(bridgeErrorCodes.forbiddenSender, 'This sender may not call the backend.', requestId) };
    }
    // An omitted payload is an empty one; the schema decides whether that is enough.
    const input = (payload === undefined ? {} : payload) as Payload;
    const outcome = validator.validateRequest(channel, input);
    if (!outcome.valid) return { result: validationFailed(outcome.fields, requestId) };
    if (route.to === 'backend') return forward(channel, route.entry, input, requestId);
    return { result: ok(await route.appChannel.answer(input)) };
  };

  const call = async (channel: string, event: IpcInvokeEventLike, payload: unknown): Promise<IpcResult<unknown>> => {
    const requestId = randomUUID();
    const started = performance.now();
    let result: IpcResult<unknown>;
    let status: number | undefined;
    try {
      ({ result, status } = await answer(channel, event, payload, requestId));
    } catch (error) {
      result = fromThrown(error, requestId);
      if (result.ok === false && result.error.code === bridgeErrorCodes.internal) {
        log.error('ipc.crashed', { channel, requestId, error: error instanceof Error ? error.stack ?? error.message : String(error) });
      }
    }
    const ms = Math.round((performance.now() - started) * 100) / 100;
    deps.timings?.record(ms, result.ok);
    // status: the backend's HTTP status when it answered; code: the envelope's error code on failure.
    if (result.ok) log.info('ipc.call', { channel, requestId, ms, status });
    else log.warn('ipc.call', { channel, requestId, ms, status, code: result.error.code });
    return result;
  };

  return { channels: [...routes.keys()], call };
}

/** ONE handle() wrapper registers every channel, db:* and app:* alike; returns a function that removes them all. */
export function registerChannels(ipcMain: IpcMainLike, bridge: Bridge): () => void {
  for (const channel of bridge.channels) {
    ipcMain.handle(channel, (event, payload) => bridge.call(channel, event, payload));
  }
  return () => bridge.channels.forEach((channel) => ipcMain.removeHandler(channel));
}
