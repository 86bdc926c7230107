// The app:* channels that main answers itself. They carry JSON schemas like the manifest's, so the bridge
// puts them through the same sender check, payload check, envelope and log line as the db:* channels.
import { AUDIT_EXPORT_CHANNEL, BACKEND_STATUS_GET_CHANNEL, backendStates, type AuditExportResult, type BackendStatus } from '../../shared/app-channels';
import type { ChannelSchemas, JsonSchema } from './manifest';

/** What each app channel answers; every caller of setupBridge supplies all of them. */
export interface AppChannelHandlers {
  /** app:backend-status:get: the backend's current state, for a screen that mounts after the last push. */
  backendStatus(): BackendStatus;
  /** app:audit:export: the audit log and main's anchored head, saved where the user picks. */
  exportAuditLog(): Promise<AuditExportResult>;
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

/** AuditExportResult in electron/shared/app-channels.ts, as JSON Schema. */
const auditExportSchema: JsonSchema = {
  oneOf: [
    { type: 'object', properties: { saved: { const: false } }, required: ['saved'], additionalProperties: false },
    {
      type: 'object',
      properties: {
        saved: { const: true },
        path: { type: 'string' },
        entries: { type: 'integer', minimum: 0 },
        chainOk: { type: 'boolean' },
        anchorEntryId: { type: ['integer', 'null'], minimum: 1 },
      },
      required: ['saved', 'path', 'entries', 'chainOk', 'anchorEntryId'],
      additionalProperties: false,
    },
  ],
};

export function createAppChannels(handlers: AppChannelHandlers): Record<string, AppChannel> {
  return {
    [BACKEND_STATUS_GET_CHANNEL]: { request: noPayload, response: backendStatusSchema, answer: () => handlers.backendStatus() },
    [AUDIT_EXPORT_CHANNEL]: { request: noPayload, response: auditExportSchema, answer: () => handlers.exportAuditLog() },
  };
}
