// The app:* channels that main answers itself. They carry JSON schemas like the manifest's, so the bridge
// puts them through the same sender check, payload check, envelope and log line as the db:* channels.
import { BACKEND_STATUS_GET_CHANNEL, backendStates, type BackendStatus } from '../../shared/app-channels';
import type { ChannelSchemas, JsonSchema } from './manifest';

/** What each app channel answers; every caller of setupBridge supplies all of them. */
export interface AppChannelHandlers {
  /** app:backend-status:get: the backend's current state, for a screen that mounts after the last push. */
  backendStatus(): BackendStatus;
}

export interface AppChannel extends ChannelSchemas {
  /** Runs only after the sender and the payload have passed. */
  answer(payload: Record<string, unknown>): unknown;
}

const noPayload: JsonSchema = { type: 'object', properties: {}, additionalProperties: false };

/** BackendStatus in electron/shared/app-channels.ts, as JSON Schema. */
const backendStatusSchema: JsonSchema = {
  type: 'object',
  properties: {
    state: { enum: [...backendStates] },
    message: { type: 'string' },
    stderrTail: { type: 'array', items: { type: 'string' } },
    attempt: { type: 'integer', minimum: 0 },
    at: { type: 'string', format: 'date-time' },
  },
  required: ['state', 'at'],
  additionalProperties: false,
};

export function createAppChannels(handlers: AppChannelHandlers): Record<string, AppChannel> {
  return {
    [BACKEND_STATUS_GET_CHANNEL]: { request: noPayload, response: backendStatusSchema, answer: () => handlers.backendStatus() },
  };
}
