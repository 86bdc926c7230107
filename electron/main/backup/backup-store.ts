// Where backups go and the last one made, kept by main in the user data dir beside the audit anchor:
// a fact about this workstation (its USB drive, its synced folder), not about the school's records.
import type { LastBackup } from '../../shared/app-channels';
import { readFileIfPresent, writeFileAtomically } from '../files/atomic-file';

export interface BackupSettings {
  folder: string | null;
  keep: number;
  everyHours: number;
  warnAfterDays: number;
  last: LastBackup | null;
}

export const defaultBackupSettings: BackupSettings = { folder: null, keep: 14, everyHours: 24, warnAfterDays: 7, last: null };

export interface BackupStore {
  read(): Promise<BackupSettings>;
  write(settings: BackupSettings): Promise<void>;
}

function parse(text: string): BackupSettings {
  try {
    const raw = JSON.parse(text) as Partial<BackupSettings>;
    const whole = (value: unknown, fallback: number) => (Number.isSafeInteger(value) && (value as number) >= 1 ? (value as number) : fallback);
    const last = raw.last && typeof raw.last.at === 'string' && typeof raw.last.file === 'string' ? raw.last : null;
    return {
      folder: typeof raw.folder === 'string' && raw.folder.length > 0 ? raw.folder : null,
      keep: whole(raw.keep, defaultBackupSettings.keep),
      everyHours: whole(raw.everyHours, defaultBackupSettings.everyHours),
      warnAfterDays: whole(raw.warnAfterDays, defaultBackupSettings.warnAfterDays),
      last,
    };
  } catch {
    // Unreadable is the same as absent: the school picks the folder again, and nothing else is lost.
    return { ...defaultBackupSettings };
  }
}

/** The settings as a small JSON file, e.g. `<user data dir>/backups.json`. */
export function createFileBackupStore(file: string): BackupStore {
  return {
    read: async () => {
      const text = await readFileIfPresent(file);
      return text === undefined ? { ...defaultBackupSettings } : parse(text);
    },
    write: (settings) => writeFileAtomically(file, (handle) => handle.writeFile(`${JSON.stringify(settings, null, 2)}\n`)),
  };
}

/** For a bridge with no user data dir (bench, most tests): settings live as long as the process. */
export function createMemoryBackupStore(initial: Partial<BackupSettings> = {}): BackupStore {
  let settings: BackupSettings = { ...defaultBackupSettings, ...initial };
  return {
    read: () => Promise.resolve({ ...settings }),
    write: (next) => {
      settings = { ...next };
      return Promise.resolve();
    },
  };
}
