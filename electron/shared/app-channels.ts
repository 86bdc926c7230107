// Non-data channels shared by main, preload and renderer, so all three agree on names and payloads.

/** Main pushes the backend's state to the window on this channel (webContents.send). */
export const BACKEND_STATUS_CHANNEL = 'app:backend-status';
/** The renderer asks for the current state once at start-up (ipcRenderer.invoke). */
export const BACKEND_STATUS_GET_CHANNEL = 'app:backend-status:get';

export const backendStates = ['starting', 'ready', 'degraded', 'down', 'restarting'] as const;
export type BackendState = (typeof backendStates)[number];

export interface BackendStatus {
  state: BackendState;
  /** Present for down/degraded/restarting: why, in words for the banner. */
  message?: string;
  /** The database server ("host:port") this workstation is waiting for, while it does not answer. */
  server?: string;
  /** The backend's last stderr lines when it failed to start or died. */
  stderrTail?: string[];
  /** Restart attempt number while restarting. */
  attempt?: number;
  /** ISO timestamp of the change. */
  at: string;
}

/** The renderer asks main to save the audit log, with main's anchored head, to a file the user picks. */
export const AUDIT_EXPORT_CHANNEL = 'app:audit:export';

export type AuditExportResult =
  | { saved: false }
  | {
      saved: true;
      /** Where the file went: for the confirmation the screen shows. */
      path: string;
      entries: number;
      /** The verify that ran just before copying: false when the log was found tampered with. */
      chainOk: boolean;
      /** The head main keeps outside the database, carried in the file (null for a new school). */
      anchorEntryId: number | null;
    };

/** Main pushes a menu command to the window on this channel (File → New student, Book lesson). */
export const MENU_COMMAND_CHANNEL = 'app:menu-command';
export const menuCommands = ['new-student', 'book-lesson', 'import-students', 'import-instructors', 'import-vehicles', 'export-all', 'back-up', 'restore', 'diagnostics', 'shortcuts'] as const;
export type MenuCommand = (typeof menuCommands)[number];

/** The renderer asks main for Help → Diagnostics: main's own figures and the backend's. */
export const DIAGNOSTICS_CHANNEL = 'app:diagnostics';

export interface TimingFigures {
  count: number;
  p50_ms: number | null;
  p95_ms: number | null;
}

/** What db:system:diagnostics answers (see the backend's Diagnostics schema). */
export interface BackendDiagnostics {
  version: string;
  database: string;
  schema_revision: string | null;
  database_bytes: number;
  requests: TimingFigures;
  refusals: number;
  faults: number;
  queries: TimingFigures;
}

export interface DiagnosticsReport {
  /** Main's IPC round trips, renderer to backend and back. */
  ipc: TimingFigures & { failures: number };
  breaker: { state: 'closed' | 'open'; openings: number };
  backendState: BackendState;
  /** Null where main does not start the backend itself (it attaches to one). */
  backendRestarts: number | null;
  logsDir: string | null;
  /** Null when the backend did not answer. */
  backend: BackendDiagnostics | null;
  /** When the last backup was made, its size and whether its audit log verified; null before the first. */
  lastBackup: { at: string; bytes: number; chainOk: boolean } | null;
  collectedAt: string;
}

/** The renderer asks main to back the school up now (to the folder kept, or one the user picks). */
export const BACKUP_NOW_CHANNEL = 'app:backup:now';
/** The renderer asks where backups go and when the last one was made, for Home. */
export const BACKUP_STATUS_CHANNEL = 'app:backup:status';

export interface LastBackup {
  /** ISO timestamp of the copy. */
  at: string;
  file: string;
  bytes: number;
  /** The audit chain verified inside the copy (and reaching main's anchor, where there is one). */
  chainOk: boolean;
}

export interface BackupStatus {
  /** Where backups go; null until the school picks a folder. */
  folder: string | null;
  /** How many backups are kept in the folder; older ones are removed. */
  keep: number;
  last: LastBackup | null;
  /** Home warns when the last backup is older than this (or there is none). */
  warnAfterDays: number;
  /** True when there is no backup, or the last is older than warnAfterDays. */
  stale: boolean;
}

export interface BackupNowRequest {
  /** Ask for a folder even when one is kept (Home's "Change folder…"). */
  chooseFolder?: boolean;
}

export type BackupNowResult = { saved: false } | ({ saved: true; removed: string[] } & LastBackup);

/** The renderer asks where the running (or last) backup stands, for Home's progress bar. */
export const BACKUP_PROGRESS_CHANNEL = 'app:backup:progress';

export interface BackupProgress {
  state: 'idle' | 'copying' | 'checking' | 'done' | 'failed';
  /** Pages (or, on a server, rows) copied; then checks made. */
  done: number;
  total: number;
}

/** The renderer asks main to restore the school from a backup file the user picks (a native open dialog). */
export const BACKUP_RESTORE_CHANNEL = 'app:backup:restore';

export type RestoreResult =
  | { restored: false }
  | {
      restored: true;
      /** The backup that is now the school. */
      file: string;
      /** The school as it was just before, kept in the data folder. */
      safetyCopy: string;
    };

/** The renderer asks main to pick a spreadsheet (a native open dialog) and preview its students. */
export const IMPORT_PREVIEW_CHANNEL = 'app:import:students:preview';
/** The renderer asks main to import the students of the spreadsheet it previewed last. */
export const IMPORT_RUN_CHANNEL = 'app:import:students:run';
/** The renderer asks main to pick a spreadsheet of students, instructors or vehicles ({ kind }) and preview it. */
export const IMPORT_CHOOSE_CHANNEL = 'app:import:preview';
/** The renderer asks main to preview the same file again with the column mapping the person chose ({ mapping }). */
export const IMPORT_REMAP_CHANNEL = 'app:import:remap';
/** The renderer asks main to import the spreadsheet previewed last, with the mapping previewed last. */
export const IMPORT_START_CHANNEL = 'app:import:run';
/** The renderer asks how far the running import has got, for its progress bar. */
export const IMPORT_PROGRESS_CHANNEL = 'app:import:progress';

export const importKinds = ['students', 'instructors', 'vehicles'] as const;
export type ImportKind = (typeof importKinds)[number];

export interface ImportProgress {
  running: boolean;
  /** idle, reading, checking, saving or done. */
  phase: string;
  /** Rows gone through of the total, in this phase. */
  done: number;
  total: number;
}

export interface ImportProblem {
  /** The sheet's row as Excel numbers it (the headings are usually row 1). */
  row: number;
  field: string;
  rule: string;
  message: string;
}

export interface ImportPreview {
  kind: ImportKind;
  file: string;
  encoding: string | null;
  /** Of the bytes previewed: the import refuses the file if they have changed since. */
  sha256: string;
  columns: { column: string; field: string | null }[];
  /** Every field a column can feed, in the form's order. */
  fields: { name: string; required: boolean }[];
  /** Required fields no column feeds yet: nothing can be imported until each has a column. */
  missing_fields: string[];
  rows_total: number;
  rows_valid: number;
  rows_with_problems: number;
  problems: ImportProblem[];
  problems_total: number;
  sample: Record<string, string | null>[];
}

export type ImportPreviewResult = { chosen: false } | { chosen: true; preview: ImportPreview };

export interface ImportResult {
  kind: ImportKind;
  rows_total: number;
  imported: number;
  already_on_file: number;
  rows_with_problems: number;
  problems: ImportProblem[];
  problems_total: number;
}

/** The renderer asks main to export every record as a zip of CSV files, saved where the user picks. */
export const EXPORT_ALL_CHANNEL = 'app:export:all';

export type ExportAllResult = { saved: false } | { saved: true; path: string; bytes: number; tables: number; rows: number };
