// Main's half of reminders: the SMTP password kept sealed (never in clear in its file, never answered to
// the renderer), and handed to the backend's send call, which logs in to a real SMTP server on loopback
// and delivers tomorrow's lesson reminder there.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpTransport } from '../../main/bridge/http-transport';
import { keyedBox } from '../../main/connection/secret-box';
import { silentLogger } from '../../main/log/json-logger';
import { createReminderChannels, createReminderSender, createSmsExport, createSmtpPasswordStore, SMTP_PASSWORD_FILE } from '../../main/reminders/reminders';
import { saveDialogStandIn } from '../support/save-dialog-stand-in';
import { REMINDERS_PASSWORD_SAVE_CHANNEL, REMINDERS_PASSWORD_STATUS_CHANNEL } from '../../shared/reminder-channels';
import { startRealBridge, type RealBridge } from '../support/real-bridge';
import { lessonBody, lessonParties } from './samples/school-records';

const USER = 'desk@maple.example';
const PASSWORD = 'kept-by-safeStorage-9';
let real: RealBridge;
let smtp: ChildProcess;
let smtpPort: number;
let inboxFile: string;

beforeAll(async () => {
  real = await startRealBridge();
  inboxFile = join(real.dataDir, 'inbox.jsonl');
  smtp = spawn(resolve('.venv/bin/python'), [resolve('electron/test/support/loopback_smtp.py'), inboxFile], {
    env: { ...process.env, SMTP_USER: USER, SMTP_PASSWORD: PASSWORD },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const first = await new Promise<string>((done) => createInterface({ input: smtp.stdout! }).once('line', done));
  smtpPort = Number(first);
});

afterAll(async () => {
  smtp?.stdin?.end();
  await real?.stop();
});

/** Tomorrow at 10:00 in Toronto (-05:00 until March), as the backend's "lesson tomorrow" rule reads it. */
function tomorrowSlot() {
  const local = new Date(Date.now() - 5 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
  return { date: local, starts_at: `${local}T10:00:00-05:00`, ends_at: `${local}T11:00:00-05:00` };
}

describe('reminders sent from main', () => {
  it('keeps the password sealed, says only whether one is kept, and sends with it', async () => {
    const file = join(real.dataDir, SMTP_PASSWORD_FILE);
    const store = createSmtpPasswordStore(file, keyedBox());
    const transport = createHttpTransport({ connection: () => real.supervisor.connection(), actor: 'test@contract' });
    const channels = createReminderChannels(store, transport);
    expect(await channels[REMINDERS_PASSWORD_STATUS_CHANNEL]!.answer({})).toEqual({ kept: false });
    expect(await channels[REMINDERS_PASSWORD_SAVE_CHANNEL]!.answer({ password: PASSWORD })).toEqual({ kept: true });
    expect(await readFile(file, 'utf8')).not.toContain(PASSWORD);

    const settings = await real.call<{ version: number }>('db:reminders:settings-get', {});
    await real.call('db:reminders:settings-update', {
      body: {
        version: settings.version,
        lesson_tomorrow_send_minute: 0,
        quiet_start_minute: 0,
        quiet_end_minute: 0,
        smtp_host: '127.0.0.1',
        smtp_port: smtpPort,
        smtp_user: USER,
        smtp_from: 'desk@maple.example',
        smtp_tls: 'none',
        owner_di_licence_on: false,
        owner_vehicle_on: false,
        bde_deadline_on: false,
      },
    });
    const parties = await lessonParties(real.call);
    await real.call('db:reminders:consent-set', { student_id: parties.enrolled.student.id, body: { agreed: true } });
    await real.call('db:lessons:book', { body: lessonBody(parties, tomorrowSlot()) });

    const sender = createReminderSender({ transport, store, log: silentLogger });
    const summary = await sender.sendNow();
    expect(summary).toMatchObject({ sent: 1, failed: 0 });
    const [mail] = (await readFile(inboxFile, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { to: string[]; data: string });
    expect(mail!.to).toEqual([parties.enrolled.student.email]);
    expect(mail!.data).toContain('List-Unsubscribe: <mailto:desk@maple.example?subject=unsubscribe>');
    expect(mail!.data).toContain('Subject: Your driving lesson tomorrow at 10:00 a.m.');

    // Forgotten: the next send logs in with none, and the server's refusal is kept on the message.
    expect(await channels[REMINDERS_PASSWORD_SAVE_CHANNEL]!.answer({ password: null })).toEqual({ kept: false });
    expect(await store.password()).toBeUndefined();
    transport.close();
  });

  it('exports the waiting SMS as a CSV where the save dialog points, whole, and marks them sent', async () => {
    const transport = createHttpTransport({ connection: () => real.supervisor.connection(), actor: 'test@contract' });
    const settings = await real.call<{ version: number }>('db:reminders:settings-get', {});
    await real.call('db:reminders:settings-update', { body: { version: settings.version, sms_on: true, sms_mode: 'csv' } });
    // Tomorrow's lesson from the test above now has an SMS to go too.
    await real.call('db:reminders:fill', {});
    const dir = await mkdtemp(join(tmpdir(), 'odsm-sms-'));
    const dialog = saveDialogStandIn(dir);
    const outcome = await createSmsExport({ transport, dialog, log: silentLogger })();
    expect(outcome).toMatchObject({ saved: true, messages: 1, dropped: 0 });
    expect(dialog.requests[0]).toMatchObject({ title: 'Export SMS for the gateway' });
    const files = await readdir(dir);
    expect(files).toHaveLength(1); // no temporary file left beside it
    const [header, row] = (await readFile(join(dir, files[0]!), 'utf8')).split('\r\n');
    expect(header).toBe('phone,message');
    expect(row).toMatch(/^\d{10},".*your driving lesson is tomorrow/);
    const queued = await real.call<{ items: { channel: string; status: string }[] }>('db:reminders:outbox-list', { status: 'sent' });
    expect(queued.items.filter((m) => m.channel === 'sms')).toHaveLength(1);
    // Nothing waits now: a second export writes a file with the header alone.
    expect(await createSmsExport({ transport, dialog: saveDialogStandIn(await mkdtemp(join(tmpdir(), 'odsm-sms-'))), log: silentLogger })()).toMatchObject({ saved: true, messages: 0 });
    transport.close();
  });
});
