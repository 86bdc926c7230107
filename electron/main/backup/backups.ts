// Back up now, and the daily backup while the app runs. The backend makes and checks the copy (SQLite's
// online backup, integrity, the audit chain against main's anchor); main picks the folder in a native
// dialog, keeps it and the last backup in its store, and runs backups and restores one at a time.
import { randomUUID } from 'node:crypto';
import type { BackupNowRequest, BackupNowResult, BackupProgress, BackupStatus, LastBackup, RestoreResult } from '../../shared/app-channels';
import type { AnchorStore } from '../audit/audit-anchor-store';
import { createChoreGate } from '../auth/desk-chores';
import type { Transport } from '../bridge/http-transport';
import { MainRefusal } from '../bridge/ipc-envelope';
import type { SaveDialog } from '../files/save-dialog';
import type { Logger } from '../log/json-logger';
import type { BackupSettings, BackupStore } from './backup-store';

// Main alone calls this route: it has no IPC channel, so the renderer can never name a folder itself.
const BACKUP_PATH = '/api/v1/system/backups';
const RESTORE_PATH = '/api/v1/system/restore';
const PROGRESS_PATH = '/api/v1/system/backups/progress';
// The backend's back_up route needs it (backend/odsm/features/staff/permissions.py).
const BACKUPS_PERMISSION = 'backups';
const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const FIRST_LOOK_MS = 2 * 60 * 1000;

interface BackendRestore {
  file: string;
  safety_copy: string;
  chain: { head_id: number | null; head_hash: string | null };
}

interface BackendBackup {
  file: string;
  bytes: number;
  created_at: string;
  chain: { ok: boolean; reaches_anchor: boolean | null };
  removed: string[];
}

export interface BackupsOptions {
  transport: Transport;
  store: BackupStore;
  anchors: AnchorStore;
  dialog: SaveDialog;
  log: Logger;
  now?: () => Date;
}

export interface Backups {
  backUpNow(request: BackupNowRequest): Promise<BackupNowResult>;
  status(): Promise<BackupStatus>;
  /** Where the running (or last) backup stands, as the backend reports it. */
  progress(): Promise<BackupProgress>;
  /** The automatic backup: runs when a folder is kept and the last backup is older than everyHours. */
  runIfDue(): Promise<BackupNowResult | undefined>;
  /** Replaces the school with a backup the user picks; the anchor moves to the restored chain's head. */
  restore(): Promise<RestoreResult>;
  /** Checks two minutes after start, then hourly, whether a backup is due; returns the stop function. */
  schedule(): () => void;
}

export function isStale(settings: BackupSettings, at: Date): boolean {
  return settings.last === null || at.getTime() - Date.parse(settings.last.at) > settings.warnAfterDays * DAY_MS;
}

export function createBackups(options: BackupsOptions): Backups {
  const { transport, store, anchors, dialog, log } = options;
  const now = options.now ?? (() => new Date());
  // The automatic backup waits, quietly, while sign-in is on and nobody who may back up is signed in here.
  const gate = createChoreGate({ transport, log, chore: 'backup.automatic', permission: BACKUPS_PERMISSION });
  let running: Promise<BackupNowResult> | undefined;
  // Backups and restores run one after another, never side by side.
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const copyTo = async (settings: BackupSettings, folder: string): Promise<BackupNowResult> => {
    const anchor = await anchors.read();
    const response = await transport.request({
      method: 'POST',
      pathTemplate: BACKUP_PATH,
      body: { folder, keep: settings.keep, anchor_id: anchor?.entryId, anchor_hash: anchor?.entryHash },
      requestId: randomUUID(),
      idempotencyKey: randomUUID(),
    });
    if (response.status !== 201) throw refusal(response, folder, 'backup.failed');
    const made = response.body as BackendBackup;
    const last: LastBackup = {
      at: made.created_at,
      file: made.file,
      bytes: made.bytes,
      chainOk: made.chain.ok && made.chain.reaches_anchor !== false,
    };
    await store.write({ ...settings, folder, last });
    log.info('backup.made', { bytes: made.bytes, chainOk: last.chainOk, removed: made.removed.length });
    return { saved: true, ...last, removed: made.removed };
  };

  const refusal = (response: { status: number; body: unknown }, folder: string | undefined, fallback: string) => {
    const body = (response.body ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> };
    log.warn('backup.refused', { status: response.status, code: body.code });
    return new MainRefusal(body.code ?? fallback, body.message ?? 'The backup could not be used.', { ...body.details, ...(folder ? { folder } : {}) });
  };

  const restore = async (): Promise<RestoreResult> => {
    const settings = await store.read();
    const file = await dialog.chooseFile({
      title: 'Choose the backup to restore',
      ...(settings.folder ? { defaultPath: settings.folder } : {}),
      filters: [{ name: 'Backups', extensions: ['sqlite3'] }],
    });
    if (file === undefined) return { restored: false };
    // In turn with the backups: a backup never copies, nor checks against the anchor, a school mid-restore.
    return inTurn(async () => {
      // No Idempotency-Key: the key's record would live in the very database the restore replaces.
      const response = await transport.request({ method: 'POST', pathTemplate: RESTORE_PATH, body: { file }, requestId: randomUUID() });
      if (response.status !== 200) throw refusal(response, undefined, 'restore.failed');
      const made = response.body as BackendRestore;
      // A deliberate, audited step back: the anchor now follows the restored chain (its last entry records the restore).
      if (made.chain.head_id !== null && made.chain.head_hash !== null) await anchors.write({ entryId: made.chain.head_id, entryHash: made.chain.head_hash });
      log.info('backup.restored', { safetyCopy: made.safety_copy });
      return { restored: true as const, file: made.file, safetyCopy: made.safety_copy };
    });
  };

  const once = (work: () => Promise<BackupNowResult>): Promise<BackupNowResult> => {
    // A second request while one runs gets the same answer: never two copies racing into one folder.
    running ??= inTurn(work).finally(() => {
      running = undefined;
    });
    return running;
  };

  const backUpNow = (request: BackupNowRequest) =>
    once(async () => {
      const settings = await store.read();
      let folder = settings.folder;
      if (folder === null || request.chooseFolder) {
        folder = (await dialog.chooseFolder({ title: 'Choose where backups go', ...(settings.folder ? { defaultPath: settings.folder } : {}) })) ?? null;
        if (folder === null) return { saved: false };
      }
      return copyTo(settings, folder);
    });

  const runIfDue = async (): Promise<BackupNowResult | undefined> => {
    const settings = await store.read();
    const due = settings.last === null || now().getTime() - Date.parse(settings.last.at) >= settings.everyHours * HOUR_MS;
    const folder = settings.folder;
    if (folder === null || !due || !(await gate.mayRun())) return undefined;
    return once(() => copyTo(settings, folder));
  };

  const progress = async (): Promise<BackupProgress> => {
    const response = await transport.request({ method: 'GET', pathTemplate: PROGRESS_PATH, requestId: randomUUID() });
    if (response.status !== 200) throw refusal(response, undefined, 'backup.progress_failed');
    const { state, done, total } = response.body as BackupProgress;
    return { state, done, total };
  };

  return {
    backUpNow,
    runIfDue,
    restore,
    progress,
    status: async () => {
      const settings = await store.read();
      return { folder: settings.folder, keep: settings.keep, last: settings.last, warnAfterDays: settings.warnAfterDays, stale: isStale(settings, now()) };
    },
    schedule: () => {
      const tick = () =>
        void runIfDue().catch((error: unknown) => {
          // The next hour tries again; Home shows the backup growing old meanwhile.
          log.warn('backup.automatic_failed', { error: error instanceof Error ? error.message : String(error) });
        });
      // The first look waits a little, for the backend to be up; then once an hour.
      const first = setTimeout(tick, FIRST_LOOK_MS);
      const timer = setInterval(tick, HOUR_MS);
      first.unref();
      timer.unref();
      return () => {
        clearTimeout(first);
        clearInterval(timer);
      };
    },
  };
}
