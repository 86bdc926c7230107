import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { IpcResult } from '../../../shared-contracts/channels';
import type { Logger } from '../log/json-logger';
import type { Transport, TransportRequest } from './http-transport';
import { bridgeErrorCodes, fail, fromBackendError, fromThrown, ok, validationFailed } from './ipc-envelope';
import type { IpcInvokeEventLike, IpcMainLike } from './ipc-types';
import type { ChannelEntry, Manifest } from './manifest';
import type { BackendPolicies } from './policies';
import { createSchemaValidator, type SchemaValidator } from './schema-validator';

export interface BridgeDeps {
  manifest: Manifest;
  transport: Transport;
  policies: BackendPolicies;
  log: Logger;
  isTrustedSender: (event: IpcInvokeEventLike) => boolean;
  /** Shared with contract tests that also check responses; built from the manifest when absent. */
  validator?: SchemaValidator;
  /** Injectable for tests; crypto.randomUUID by default. */
  newId?: () => string;
}

export interface Bridge {
  /** Every channel in the manifest. */
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

export function createBridge(deps: BridgeDeps): Bridge {
  const { manifest, transport, policies, log } = deps;
  const validator = deps.validator ?? createSchemaValidator(manifest);
  const newId = deps.newId ?? randomUUID;

  type Forwarded = { result: IpcResult<unknown>; status: number };
  const forward = async (channel: string, entry: ChannelEntry, payload: Payload, requestId: string): Promise<Forwarded> => {
    // One key per call, reused by every retry, so the backend replays instead of writing twice.
    const idempotencyKey = entry.idempotencyKey ? newId() : undefined;
    const retryable = entry.idempotent || idempotencyKey !== undefined;
    const request = toTransportRequest(entry, payload, requestId, idempotencyKey);
    const response = await policies.execute((signal) => transport.request({ ...request, signal }), { retryable });
    log.debug('ipc.backend', { channel, requestId, status: response.status, replayed: response.headers['idempotent-replayed'] === 'true' });
    const result = response.status >= 200 && response.status < 300 ? ok(response.body) : fromBackendError(response, requestId);
    return { result, status: response.status };
  };

  const call = async (channel: string, event: IpcInvokeEventLike, payload: unknown): Promise<IpcResult<unknown>> => {
    const requestId = newId();
    const started = performance.now();
    let result: IpcResult<unknown>;
    let status: number | undefined;
    try {
      const entry = Object.hasOwn(manifest.channels, channel) ? manifest.channels[channel] : undefined;
      // An omitted payload is an empty one; the schema decides whether that is enough.
      const input = payload === undefined ? {} : payload;
      if (!entry) {
        result = fail(bridgeErrorCodes.internal, `Unknown channel ${channel}.`, requestId);
      } else if (!deps.isTrustedSender(event)) {
        result = fail(bridgeErrorCodes.forbiddenSender, 'This sender may not call the backend.', requestId);
      } else {
        const outcome = validator.validateRequest(channel, input);
        if (outcome.valid) ({ result, status } = await forward(channel, entry, input as Payload, requestId));
        else result = validationFailed(outcome.fields, requestId);
      }
    } catch (error) {
      result = fromThrown(error, requestId);
      if (result.ok === false && result.error.code === bridgeErrorCodes.internal) {
        log.error('ipc.crashed', { channel, requestId, error: error instanceof Error ? error.stack ?? error.message : String(error) });
      }
    }
    const ms = Math.round((performance.now() - started) * 100) / 100;
    // status: the backend's HTTP status when it answered; code: the envelope's error code on failure.
    if (result.ok) log.info('ipc.call', { channel, requestId, ms, status });
    else log.warn('ipc.call', { channel, requestId, ms, status, code: result.error.code });
    return result;
  };

  return { channels: Object.keys(manifest.channels), call };
}

/** ONE handle() wrapper registers every manifest channel; returns a function that removes them all. */
export function registerChannels(ipcMain: IpcMainLike, bridge: Bridge): () => void {
  for (const channel of bridge.channels) {
    ipcMain.handle(channel, (event, payload) => bridge.call(channel, event, payload));
  }
  return () => bridge.channels.forEach((channel) => ipcMain.removeHandler(channel));
}
