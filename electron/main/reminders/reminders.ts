// Reminders in main: the SMTP password kept sealed by the same SecretBox the database-server password uses
// (safeStorage in the app), handed to the backend's send call and nowhere else, and a timer that sends
// the outbox every few minutes while the app runs.
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import {
  REMINDERS_PASSWORD_SAVE_CHANNEL,
  REMINDERS_PASSWORD_STATUS_CHANNEL,
  REMINDERS_SEND_NOW_CHANNEL,
  REMINDERS_SMS_EXPORT_CHANNEL,
  type ReminderSendSummary,
  type SmsExportOutcome,
  type SmtpPasswordStatus,
} from '../../shared/reminder-channels';
import { createChoreGate } from '../auth/desk-chores';
import type { AppChannel } from '../bridge/app-channel-handlers';
import type { Transport } from '../bridge/http-transport';
import { MainRefusal } from '../bridge/ipc-envelope';
import type { JsonSchema } from '../bridge/manifest';
import { SecretUnreadable, type SecretBox } from '../connection/secret-box';
import { readFileIfPresent, writeFileAtomically } from '../files/atomic-file';
import type { SaveDialog } from '../files/save-dialog';
import type { Logger } from '../log/json-logger';

export const SMTP_PASSWORD_FILE = 'smtp-password.json';
const SEND_PATH = '/api/v1/system/reminders/send';
const SMS_EXPORT_PATH = '/api/v1/system/reminders/sms-export';
const AUTH_STATUS_PATH = '/api/v1/auth/status';
/** Keeping the school's email password is a settings change: the same permission as the reminder settings. */
export const PASSWORD_PERMISSION = 'settings.manage';
// The backend's send_reminders route needs it (backend/odsm/features/staff/permissions.py).
const SEND_PERMISSION = 'students.edit';
export const SEND_EVERY_MS = 5 * 60_000;

export interface SmtpPasswordStore {
  kept(): Promise<boolean>;
  /** Seals and keeps the password; null forgets it. */
  save(password: string | null): Promise<void>;
  /** The password in clear, for the send call alone; undefined when none is kept or it can't be opened here. */
  password(): Promise<string | undefined>;
}

export function createSmtpPasswordStore(file: string, box: SecretBox): SmtpPasswordStore {
  const sealed = async (): Promise<string | undefined> => {
    const text = await readFileIfPresent(file);
    if (text === undefined) return undefined;
    try {
      const raw = JSON.parse(text) as { sealed?: unknown };
      return typeof raw.sealed === 'string' ? raw.sealed : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    kept: async () => (await sealed()) !== undefined,
    save: async (password) => {
      if (password === null) {
        await rm(file, { force: true });
        return;
      }
      if (!box.available()) {
        throw new MainRefusal(
          'reminders.password_storage_unavailable',
          'This computer offers no protected storage for passwords, so the email password cannot be kept here.',
          { field: 'password' },
        );
      }
      const text = JSON.stringify({ sealed: box.seal(password) });
      await writeFileAtomically(file, async (handle) => {
        await handle.writeFile(text, 'utf8');
      });
    },
    password: async () => {
      const text = await sealed();
      if (text === undefined) return undefined;
      try {
        return box.open(text);
      } catch (error) {
        if (error instanceof SecretUnreadable) return undefined;
        throw error;
      }
    },
  };
}

export type SendSummary = ReminderSendSummary;

export interface ReminderSender {
  /** Fills and sends the outbox once; the password goes in the body of this one call. */
  sendNow(): Promise<SendSummary>;
  /** The timer's run: sends, unless sign-in waits for someone who may (then undefined, logged once). */
  sendWhenSignedIn(): Promise<SendSummary | undefined>;
  /** Sends every `everyMs` while the app runs (one run at a time); returns the stop function. */
  schedule(everyMs?: number): () => void;
}

/** Without a store (no safeStorage wired), the send logs in with no password: a relay that asks none still works. */
export function createReminderSender(options: { transport: Transport; store?: SmtpPasswordStore | undefined; log: Logger }): ReminderSender {
  const { transport, store, log } = options;
  const sendNow = async (): Promise<SendSummary> => {
    const password = await store?.password();
    const response = await transport.request({
      method: 'POST',
      pathTemplate: SEND_PATH,
      body: { smtp_password: password ?? null },
      requestId: randomUUID(),
      timeoutMs: 120_000,
    });
    if (response.status !== 200) {
      const refusal = (response.body ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> };
      throw new MainRefusal(refusal.code ?? 'reminders.send_failed', refusal.message ?? 'The reminders could not be sent.', refusal.details);
    }
    const summary = response.body as SendSummary;
    // Counts only: never the password, never a recipient.
    log.info('reminders.sent', { sent: summary.sent, failed: summary.failed, dropped: summary.dropped, held: summary.held_quiet_hours, waiting: summary.waiting });
    return summary;
  };
  const gate = createChoreGate({ transport, log, chore: 'reminders.send', permission: SEND_PERMISSION });
  const sendWhenSignedIn = async (): Promise<SendSummary | undefined> => ((await gate.mayRun()) ? sendNow() : undefined);
  return {
    sendNow,
    sendWhenSignedIn,
    schedule: (everyMs = SEND_EVERY_MS) => {
      let running = false;
      const tick = () => {
        if (running) return;
        running = true;
        sendWhenSignedIn()
          .catch((error: unknown) => log.warn('reminders.send_skipped', { reason: error instanceof Error ? error.name : 'unknown' }))
          .finally(() => {
            running = false;
          });
      };
      const timer = setInterval(tick, everyMs);
      timer.unref?.();
      return () => clearInterval(timer);
    },
  };
}

interface DeskAccess {
  enabled: boolean;
  account: { role: string } | null;
  permissions: string[];
}

/**
 * The password never goes to the backend, so main asks it who is signed in at this desk (the token the
 * transport attaches) and what the permission table lets them do: with sign-in on, only an account with
 * settings.manage may replace or forget it; with sign-in off, the desk may, as with every setting.
 */
async function mayKeepPassword(transport: Transport): Promise<void> {
  const response = await transport.request({ method: 'GET', pathTemplate: AUTH_STATUS_PATH, requestId: randomUUID(), timeoutMs: 30_000 });
  if (response.status !== 200) {
    const refusal = (response.body ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> };
    throw new MainRefusal(refusal.code ?? 'auth.failed', refusal.message ?? 'Could not check who is signed in, so the email password was not changed.', refusal.details);
  }
  const access = response.body as DeskAccess;
  if (!access.enabled || access.permissions.includes(PASSWORD_PERMISSION)) return;
  if (access.account === null) {
    throw new MainRefusal('auth.sign_in_required', 'Sign in to continue.', { permission: PASSWORD_PERMISSION });
  }
  throw new MainRefusal('permission_denied', "Your account may not change the school's email password. Ask the school's owner.", {
    permission: PASSWORD_PERMISSION,
    role: access.account.role,
  });
}

const statusSchema: JsonSchema = { type: 'object', properties: { kept: { type: 'boolean' } }, required: ['kept'], additionalProperties: false };

export function createReminderChannels(store: SmtpPasswordStore, transport: Transport): Record<string, AppChannel> {
  return {
    [REMINDERS_PASSWORD_SAVE_CHANNEL]: {
      request: {
        type: 'object',
        properties: { password: { anyOf: [{ type: 'string', minLength: 1, maxLength: 1024 }, { type: 'null' }] } },
        required: ['password'],
        additionalProperties: false,
      },
      response: statusSchema,
      answer: async (payload): Promise<SmtpPasswordStatus> => {
        await mayKeepPassword(transport);
        await store.save((payload as { password: string | null }).password);
        return { kept: await store.kept() };
      },
    },
    [REMINDERS_PASSWORD_STATUS_CHANNEL]: {
      request: { type: 'object', properties: {}, additionalProperties: false },
      response: statusSchema,
      answer: async (): Promise<SmtpPasswordStatus> => ({ kept: await store.kept() }),
    },
  };
}

const countSchema: JsonSchema = { type: 'integer', minimum: 0 };
const summarySchema: JsonSchema = {
  type: 'object',
  properties: { sent: countSchema, failed: countSchema, dropped: countSchema, held_quiet_hours: countSchema, waiting: countSchema },
  required: ['sent', 'failed', 'dropped', 'held_quiet_hours', 'waiting'],
  // The backend's answer also carries what the fill queued; the screen reads the outbox for that.
  additionalProperties: true,
};
const smsExportSchema: JsonSchema = {
  oneOf: [
    { type: 'object', properties: { saved: { const: false } }, required: ['saved'], additionalProperties: false },
    {
      type: 'object',
      properties: { saved: { const: true }, path: { type: 'string' }, messages: countSchema, dropped: countSchema },
      required: ['saved', 'path', 'messages', 'dropped'],
      additionalProperties: false,
    },
  ],
};
const noPayload: JsonSchema = { type: 'object', properties: {}, additionalProperties: false };

/** The SMS waiting in the outbox as a CSV where the user picks; the backend writes it whole and marks them sent. */
export function createSmsExport(options: { transport: Transport; dialog: SaveDialog; log: Logger }): () => Promise<SmsExportOutcome> {
  const { transport, dialog, log } = options;
  return async () => {
    const path = await dialog.choosePath({
      title: 'Export SMS for the gateway',
      defaultName: `sms-reminders-${new Date().toISOString().slice(0, 10)}.csv`,
      filters: [{ name: 'CSV file', extensions: ['csv'] }],
    });
    if (path === undefined) return { saved: false };
    const response = await transport.request({ method: 'POST', pathTemplate: SMS_EXPORT_PATH, body: { file: path }, requestId: randomUUID(), timeoutMs: 60_000 });
    if (response.status !== 201) {
      const refusal = (response.body ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> };
      log.warn('reminders.sms_export_refused', { status: response.status, code: refusal.code });
      throw new MainRefusal(refusal.code ?? 'reminders.sms_export_failed', refusal.message ?? 'The SMS file could not be written.', refusal.details);
    }
    const made = response.body as { file: string; messages: number; dropped: number };
    log.info('reminders.sms_exported', { messages: made.messages, dropped: made.dropped });
    return { saved: true, path: made.file, messages: made.messages, dropped: made.dropped };
  };
}

/** The outbox screen's buttons: "Send now" (what the timer does, at once) and "Export SMS for the gateway…". */
export function createReminderOutboxChannels(sender: ReminderSender, exportSms: () => Promise<SmsExportOutcome>): Record<string, AppChannel> {
  return {
    [REMINDERS_SEND_NOW_CHANNEL]: { request: noPayload, response: summarySchema, answer: () => sender.sendNow() },
    [REMINDERS_SMS_EXPORT_CHANNEL]: { request: noPayload, response: smsExportSchema, answer: () => exportSms() },
  };
}
