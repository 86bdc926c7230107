import { execFileSync } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFileAnchorStore } from '../../main/audit/audit-anchor-store';
import { createFileBackupStore } from '../../main/backup/backup-store';
import { createBackups } from '../../main/backup/backups';
import { createHttpTransport } from '../../main/bridge/http-transport';
import type { FolderRequest } from '../../main/files/save-dialog';
import { silentLogger } from '../../main/log/json-logger';
import {
  BACKUP_NOW_CHANNEL,
  BACKUP_PROGRESS_CHANNEL,
  BACKUP_RESTORE_CHANNEL,
  BACKUP_STATUS_CHANNEL,
  DIAGNOSTICS_CHANNEL,
  type BackupNowResult,
  type BackupProgress,
  type BackupStatus,
  type DiagnosticsReport,
  type RestoreResult,
} from '../../shared/app-channels';
import { startRealBridge, type RealBridge } from '../support/real-bridge';
import { newStudentBody } from './channel-samples';

// Back up now through the real handlers, the real backend and the file-backed stores main keeps in the
// user data dir; the native folder dialog is the only stand-in, answering a folder the test chooses.
let real: RealBridge;
let usb: string;
let answer: string | undefined;
let fileAnswer: string | undefined;
const asked: FolderRequest[] = [];

const call = <T>(channel: string, payload?: unknown) => real.call<T>(channel, payload);
const backupsIn = async (dir: string) => (await readdir(dir)).filter((name) => name.startsWith('odsm-backup-')).sort();
const sqlite = (file: string, sql: string) => execFileSync('python3', ['-c', `import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])`, file, sql]).toString().trim();

beforeAll(async () => {
  real = await startRealBridge((dir) => ({
    auditAnchor: createFileAnchorStore(join(dir, 'audit-anchor.json')),
    backups: createFileBackupStore(join(dir, 'backups.json')),
    saveDialog: {
      choosePath: () => Promise.resolve(undefined),
      chooseFolder: (request) => {
        asked.push(request);
        return Promise.resolve(answer);
      },
      chooseFile: () => Promise.resolve(fileAnswer),
    },
  }));
  usb = join(real.dataDir, 'usb');
  await mkdir(usb);
});

afterAll(() => real?.stop());

beforeEach(() => {
  asked.length = 0;
});

// On either engine a backup is the same SQLite file (a server's rows copied into one), so these run on both.
describe('backing up', () => {
  it('says there is no backup yet, and warns', async () => {
    const status = await call<BackupStatus>(BACKUP_STATUS_CHANNEL);
    expect(status).toMatchObject({ folder: null, last: null, stale: true });
    expect(await call<BackupProgress>(BACKUP_PROGRESS_CHANNEL)).toEqual({ state: 'idle', done: 0, total: 0 });
  });

  it('writes nothing and keeps no folder when the user cancels the folder dialog', async () => {
    answer = undefined;
    expect(await call<BackupNowResult>(BACKUP_NOW_CHANNEL, {})).toEqual({ saved: false });
    expect(await backupsIn(usb)).toEqual([]);
    expect((await call<BackupStatus>(BACKUP_STATUS_CHANNEL)).folder).toBeNull();
  });

  it('asks for the folder once, copies the school there whole, and remembers both', async () => {
    for (const name of ['Zoë', 'Nguyễn', '李']) await call('db:students:create', { body: { ...newStudentBody(), first_name: name } });
    answer = usb;

    const result = await call<BackupNowResult>(BACKUP_NOW_CHANNEL, {});
    expect(asked).toHaveLength(1);
    expect(real.bridge.validator.validateResponse(BACKUP_NOW_CHANNEL, result)).toEqual({ valid: true });
    if (!result.saved) throw new Error('not saved');
    expect(result.chainOk).toBe(true);
    expect(await backupsIn(usb)).toEqual([result.file.slice(usb.length + 1)]);
    expect(sqlite(result.file, 'SELECT count(*) FROM students')).toBe('3');
    expect(sqlite(result.file, 'PRAGMA integrity_check')).toBe('ok');

    const status = await call<BackupStatus>(BACKUP_STATUS_CHANNEL);
    expect(status).toMatchObject({ folder: usb, stale: false, last: { file: result.file, bytes: result.bytes, chainOk: true } });
    // Help → Diagnostics shows it too, without the path.
    const diagnostics = await call<DiagnosticsReport>(DIAGNOSTICS_CHANNEL);
    expect(diagnostics.lastBackup).toEqual({ at: result.at, bytes: result.bytes, chainOk: true });
    expect(real.bridge.validator.validateResponse(DIAGNOSTICS_CHANNEL, diagnostics)).toEqual({ valid: true });

    await call<BackupNowResult>(BACKUP_NOW_CHANNEL, {});
    expect(asked).toHaveLength(1); // the kept folder, no second dialog
    expect(await backupsIn(usb)).toHaveLength(2);
  });

  it('gives two clicks at once one backup, not two racing into the folder', async () => {
    const before = (await backupsIn(usb)).length;
    const [a, b] = await Promise.all([call<BackupNowResult>(BACKUP_NOW_CHANNEL, {}), call<BackupNowResult>(BACKUP_NOW_CHANNEL, {})]);
    expect(a).toEqual(b);
    expect(await backupsIn(usb)).toHaveLength(before + 1);
  });

  it('names the folder and the rule when the drive is gone, and keeps the last good backup on record', async () => {
    const last = (await call<BackupStatus>(BACKUP_STATUS_CHANNEL)).last;
    const gone = join(real.dataDir, 'unplugged');
    answer = gone;
    const result = await real.bridge.invoke(BACKUP_NOW_CHANNEL, { chooseFolder: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('backup.folder_missing');
    expect(result.error.details).toMatchObject({ field: 'folder', rule: 'folder_exists', folder: gone });
    expect((await call<BackupStatus>(BACKUP_STATUS_CHANNEL)).last).toEqual(last);
  });

  it('tells where the last backup stands: done, every page copied and every check made', async () => {
    const progress = await call<BackupProgress>(BACKUP_PROGRESS_CHANNEL);
    expect(real.bridge.validator.validateResponse(BACKUP_PROGRESS_CHANNEL, progress)).toEqual({ valid: true });
    // The last backup refused (the drive was gone): failed, and it says so.
    expect(progress.state).toBe('failed');
    answer = usb;
    await call<BackupNowResult>(BACKUP_NOW_CHANNEL, { chooseFolder: true });
    const after = await call<BackupProgress>(BACKUP_PROGRESS_CHANNEL);
    expect(after.state).toBe('done');
    expect(after.total).toBeGreaterThan(0);
    expect(after.done).toBe(after.total);
    const refused = await real.bridge.invoke(BACKUP_PROGRESS_CHANNEL, { folder: '/' });
    expect(refused.ok).toBe(false);
  });

  it('refuses a payload it does not know, before any backup', async () => {
    const result = await real.bridge.invoke(BACKUP_NOW_CHANNEL, { folder: '/' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('validation_failed');
  });
});

describe('restoring', () => {
  it('changes nothing when the user cancels the open dialog', async () => {
    fileAnswer = undefined;
    expect(await call<RestoreResult>(BACKUP_RESTORE_CHANNEL, {})).toEqual({ restored: false });
  });

  it('puts a backup back, keeps the school as it was, and anchors the restored chain so verify passes', async () => {
    const status = await call<BackupStatus>(BACKUP_STATUS_CHANNEL);
    const before = (await call<{ total: number }>('db:students:list', { limit: 1 })).total;
    await call('db:students:create', { body: { ...newStudentBody(), first_name: 'After' } });
    await call('db:audit:verify', {}); // main anchors the head that now includes "After"
    fileAnswer = status.last!.file;

    const result = await call<RestoreResult>(BACKUP_RESTORE_CHANNEL, {});
    expect(real.bridge.validator.validateResponse(BACKUP_RESTORE_CHANNEL, result)).toEqual({ valid: true });
    if (!result.restored) throw new Error('not restored');
    expect((await call<{ total: number }>('db:students:list', { limit: 1 })).total).toBe(before);
    expect(sqlite(result.safetyCopy, "SELECT count(*) FROM students WHERE first_name = 'After'")).toBe('1');
    // The anchor moved with the restore (recorded in the log), so verify does not cry "cut short".
    expect(await call<{ ok: boolean; anchor_break: unknown }>('db:audit:verify', {})).toMatchObject({ ok: true, anchor_break: null });
  });

  it('refuses a file that is not a backup by name, and changes nothing', async () => {
    const before = (await call<{ total: number }>('db:students:list', { limit: 1 })).total;
    fileAnswer = join(real.dataDir, 'notes.sqlite3');
    await writeFile(fileAnswer, 'not a database');
    const result = await real.bridge.invoke(BACKUP_RESTORE_CHANNEL, {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'restore.not_a_backup', details: { field: 'file', rule: 'sqlite_file' } });
    expect((await call<{ total: number }>('db:students:list', { limit: 1 })).total).toBe(before);
  });
});

describe('the daily backup', () => {
  it('runs only when a folder is kept and the last backup is older than a day', async () => {
    const dir = join(real.dataDir, 'daily');
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir);
    let clock = new Date('2026-12-01T09:00:00Z');
    const store = createFileBackupStore(join(dir, 'settings.json'));
    const backups = createBackups({
      transport: createHttpTransport({ connection: () => real.supervisor.connection(), actor: 'test@contract' }),
      store,
      anchors: { read: () => Promise.resolve(undefined), write: () => Promise.resolve() },
      dialog: {
        choosePath: () => Promise.resolve(undefined),
        chooseFolder: () => Promise.reject(new Error('the daily backup never asks')),
        chooseFile: () => Promise.resolve(undefined),
      },
      log: silentLogger,
      now: () => clock,
    });

    expect(await backups.runIfDue()).toBeUndefined(); // no folder kept yet
    await store.write({ ...(await store.read()), folder: dir });
    expect((await backups.runIfDue())?.saved).toBe(true); // never backed up: due
    const made = (await store.read()).last!;
    clock = new Date(Date.parse(made.at) + 23 * 60 * 60 * 1000);
    expect(await backups.runIfDue()).toBeUndefined();
    clock = new Date(Date.parse(made.at) + 25 * 60 * 60 * 1000);
    expect((await backups.runIfDue())?.saved).toBe(true);
    expect(await backupsIn(dir)).toHaveLength(2);
    clock = new Date(Date.parse(made.at) + 8 * 24 * 60 * 60 * 1000);
    expect((await backups.status()).stale).toBe(true);
  });
});
