// The desk's staff session: main alone holds the token the backend gave at sign-in, attaches it to every
// backend call (the transport reads `token()`), and answers app:auth:* without ever handing it on.
import { randomUUID } from 'node:crypto';
import {
  AUTH_DISABLE_CHANNEL,
  AUTH_ENABLE_CHANNEL,
  AUTH_RECOVER_CHANNEL,
  AUTH_SIGN_IN_CHANNEL,
  AUTH_SIGN_OUT_CHANNEL,
  AUTH_STATUS_CHANNEL,
  AUTH_SWITCH_USER_CHANNEL,
  type AuthStatus,
  type SignInEnabled,
} from '../../shared/auth-channels';
import type { AppChannel } from '../bridge/app-channel-handlers';
import type { Transport } from '../bridge/http-transport';
import type { HttpMethod, JsonSchema } from '../bridge/manifest';
import { MainRefusal } from '../bridge/ipc-envelope';

import type { Logger } from '../log/json-logger';

/** Where the token lives: created before the transport, which reads it on every call. */
export interface SessionHolder {
  token(): string | undefined;
  set(token: string | undefined): void;
}

export function createSessionHolder(): SessionHolder {
  let token: string | undefined;
  return { token: () => token, set: (next) => void (token = next) };
}

interface SignedIn {
  token: string;
  account: AuthStatus['account'];
  permissions: string[];
}

const text = (maxLength: number, minLength = 1): JsonSchema => ({ type: 'string', minLength, maxLength });
const noPayload: JsonSchema = { type: 'object', properties: {}, additionalProperties: false };
const form = (properties: Record<string, JsonSchema>): JsonSchema => ({ type: 'object', properties, required: Object.keys(properties), additionalProperties: false });

const accountSchema: JsonSchema = {
  type: ['object', 'null'],
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    login: { type: 'string' },
    role: { enum: ['owner', 'office', 'instructor'] },
    instructor_id: { type: ['integer', 'null'] },
    active: { type: 'boolean' },
    version: { type: 'integer' },
  },
  required: ['id', 'name', 'login', 'role', 'instructor_id', 'active', 'version'],
  additionalProperties: false,
};
const statusProperties: Record<string, JsonSchema> = {
  enabled: { type: 'boolean' },
  idle_lock_minutes: { type: 'integer' },
  min_password_length: { type: 'integer' },
  account: accountSchema,
  permissions: { type: 'array', items: { type: 'string' } },
};
// additionalProperties false: an answer that carried a token would fail main's own response check.
const statusSchema: JsonSchema = { type: 'object', properties: statusProperties, required: Object.keys(statusProperties), additionalProperties: false };
const enabledSchema: JsonSchema = {
  type: 'object',
  properties: { ...statusProperties, recovery_code: { type: 'string' } },
  required: [...Object.keys(statusProperties), 'recovery_code'],
  additionalProperties: false,
};

export function createStaffSession(options: { transport: Transport; holder: SessionHolder; log: Logger }) {
  const { transport, holder, log } = options;

  const call = async (method: HttpMethod, path: string, body?: unknown): Promise<unknown> => {
    const response = await transport.request({ method, pathTemplate: path, ...(body === undefined ? {} : { body }), requestId: randomUUID(), signal: AbortSignal.timeout(30_000) });
    if (response.status >= 400) {
      const refusal = (response.body ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> };
      log.info('auth.refused', { path, status: response.status, code: refusal.code });
      throw new MainRefusal(refusal.code ?? 'auth.failed', refusal.message ?? 'Sign-in could not be completed.', refusal.details);
    }
    return response.body;
  };

  const status = async (): Promise<AuthStatus> => {
    const now = (await call('GET', '/api/v1/auth/status')) as AuthStatus;
    // A session the backend no longer knows (signed out elsewhere, account disabled) is dropped here too.
    if (now.enabled && now.account === null) holder.set(undefined);
    return now;
  };

  /** Keeps the token, answers the rest: the desk's status as the newly signed-in account sees it. */
  const keep = async (signed: SignedIn): Promise<AuthStatus> => {
    holder.set(signed.token);
    log.info('auth.signed_in', { account: signed.account?.id, role: signed.account?.role });
    return status();
  };

  const signOut = async (): Promise<AuthStatus> => {
    if (holder.token() !== undefined) await call('POST', '/api/v1/auth/sign-out');
    holder.set(undefined);
    return status();
  };

  const channels: Record<string, AppChannel> = {
    [AUTH_STATUS_CHANNEL]: { request: noPayload, response: statusSchema, answer: () => status() },
    [AUTH_SIGN_IN_CHANNEL]: {
      request: form({ login: text(100), password: text(200) }),
      response: statusSchema,
      answer: async (payload) => keep((await call('POST', '/api/v1/auth/sign-in', payload)) as SignedIn),
    },
    [AUTH_SIGN_OUT_CHANNEL]: { request: noPayload, response: statusSchema, answer: () => signOut() },
    // At a shared desk: this person signs out and the sign-in screen comes up for the next.
    [AUTH_SWITCH_USER_CHANNEL]: { request: noPayload, response: statusSchema, answer: () => signOut() },
    [AUTH_ENABLE_CHANNEL]: {
      request: form({ name: text(200), login: text(100), password: text(200) }),
      response: enabledSchema,
      answer: async (payload): Promise<SignInEnabled> => {
        const made = (await call('POST', '/api/v1/auth/enable', payload)) as SignedIn & { recovery_code: string };
        return { ...(await keep(made)), recovery_code: made.recovery_code };
      },
    },
    [AUTH_DISABLE_CHANNEL]: {
      request: form({ password: text(200) }),
      response: statusSchema,
      answer: async (payload) => {
        await call('POST', '/api/v1/auth/disable', payload);
        holder.set(undefined);
        return status();
      },
    },
    [AUTH_RECOVER_CHANNEL]: {
      request: form({ recovery_code: text(100), new_password: text(200) }),
      response: statusSchema,
      answer: async (payload) => keep((await call('POST', '/api/v1/auth/recover', payload)) as SignedIn),
    },
  };
  return { channels, status, signOut };
}
