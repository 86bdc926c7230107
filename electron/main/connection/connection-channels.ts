// app:connection:* and app:move:* as app channels: JSON Schemas for the bridge's one validating wrapper
// (sender check, payload check, envelope, log line), and the handlers that answer them in main.
import {
  CONNECTION_GET_CHANNEL,
  CONNECTION_SAVE_CHANNEL,
  CONNECTION_TEST_CHANNEL,
  CONNECTION_USE_LOCAL_CHANNEL,
  MOVE_PROGRESS_CHANNEL,
  MOVE_START_CHANNEL,
  type ConnectionForm,
} from '../../shared/connection-channels';
import type { AppChannel } from '../bridge/app-channel-handlers';
import type { JsonSchema } from '../bridge/manifest';
import type { MoveToServer } from './move-to-server';
import type { WorkstationConnection } from './workstation-connection';

const noPayload: JsonSchema = { type: 'object', properties: {}, additionalProperties: false };
const tls: JsonSchema = { enum: ['disable', 'require', 'verify-full'] };
const count: JsonSchema = { type: 'integer', minimum: 0 };

/** ConnectionForm: types and sizes here; the rules that need words (a host's shape, TLS off-machine) in main. */
const formSchema: JsonSchema = {
  type: 'object',
  properties: {
    host: { type: 'string', maxLength: 253 },
    port: { type: 'integer' },
    database: { type: 'string', maxLength: 63 },
    user: { type: 'string', maxLength: 320 },
    tls,
    password: { type: 'string', maxLength: 1000 },
  },
  required: ['host', 'port', 'database', 'user', 'tls'],
  additionalProperties: false,
};

const serverProperties: Record<string, JsonSchema> = {
  mode: { const: 'server' },
  host: { type: 'string' },
  port: { type: 'integer' },
  database: { type: 'string' },
  user: { type: 'string' },
  tls,
  has_password: { type: 'boolean' },
  password_unreadable: { type: 'boolean' },
};

/** ConnectionView: there is no property for a password, so none can ever be answered. */
const viewSchema: JsonSchema = {
  oneOf: [
    { type: 'object', properties: { mode: { const: 'local' } }, required: ['mode'], additionalProperties: false },
    { type: 'object', properties: serverProperties, required: Object.keys(serverProperties), additionalProperties: false },
  ],
};

const testResultSchema: JsonSchema = {
  type: 'object',
  properties: { server_version: { type: 'string' }, schema_revision: { type: ['string', 'null'] }, holds_data: { type: 'boolean' } },
  required: ['server_version', 'schema_revision', 'holds_data'],
  additionalProperties: false,
};

const moveResultSchema: JsonSchema = {
  type: 'object',
  properties: {
    tables: {
      type: 'array',
      items: {
        type: 'object',
        properties: { table: { type: 'string' }, source_rows: count, target_rows: count },
        required: ['table', 'source_rows', 'target_rows'],
      },
    },
    total_rows: count,
    audit_head: { type: 'string' },
    connection: viewSchema,
  },
  required: ['tables', 'total_rows', 'audit_head', 'connection'],
};

const progressSchema: JsonSchema = {
  type: 'object',
  properties: {
    state: { enum: ['idle', 'copying', 'verifying', 'done', 'failed'] },
    table: { type: ['string', 'null'] },
    rows_done: count,
    rows_total: count,
  },
  required: ['state', 'rows_done', 'rows_total'],
};

export function createConnectionChannels(connection: WorkstationConnection, move: MoveToServer): Record<string, AppChannel> {
  const form = (payload: Record<string, unknown>) => payload as unknown as ConnectionForm;
  return {
    [CONNECTION_GET_CHANNEL]: { request: noPayload, response: viewSchema, answer: () => connection.get() },
    [CONNECTION_TEST_CHANNEL]: { request: formSchema, response: testResultSchema, answer: (payload) => connection.test(form(payload)) },
    [CONNECTION_SAVE_CHANNEL]: { request: formSchema, response: viewSchema, answer: (payload) => connection.save(form(payload)) },
    [CONNECTION_USE_LOCAL_CHANNEL]: { request: noPayload, response: viewSchema, answer: () => connection.useLocal() },
    [MOVE_START_CHANNEL]: { request: formSchema, response: moveResultSchema, answer: (payload) => move.start(form(payload)) },
    [MOVE_PROGRESS_CHANNEL]: { request: noPayload, response: progressSchema, answer: () => move.progress() },
  };
}
