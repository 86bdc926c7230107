// The shape of window.odsm. The renderer imports this type-only; the types come from the contracts.
import type { ChannelName, ChannelRequest, ChannelResponse, Channels, IpcResult } from '../../shared-contracts/channels';
import type { DataChanged, DataKind } from '../shared/data-changes';
import type { AuditExportResult, BackendStatus, BackupNowRequest, BackupNowResult, BackupStatus, DiagnosticsReport, ExportAllResult, ImportPreviewResult, ImportResult, MenuCommand, RestoreResult } from '../shared/app-channels';

/** "db:students:list" -> "students". */
export type ResourceOf<C extends string> = C extends `db:${infer R}:${string}` ? R : never;
/** "db:students:list" -> "list". */
export type VerbOf<C extends string> = C extends `db:${string}:${infer V}` ? V : never;

/** One verb: the channel's payload in, the channel's envelope out. The payload may be omitted where the contract allows. */
export type ChannelVerb<C extends ChannelName> = Channels[C]['optionalRequest'] extends true
  ? (payload?: ChannelRequest<C>) => Promise<IpcResult<ChannelResponse<C>>>
  : (payload: ChannelRequest<C>) => Promise<IpcResult<ChannelResponse<C>>>;

/** odsm.students.list(...), odsm.system.health(), ... one group per resource, one verb per channel. */
export type DataApi = {
  [R in ResourceOf<ChannelName>]: {
    [C in ChannelName as ResourceOf<C> extends R ? VerbOf<C> : never]: ChannelVerb<C>;
  };
};

export type OdsmApi = DataApi & {
  /** Called with every status main pushes; returns the unsubscribe. */
  onBackendStatus(listener: (status: BackendStatus) => void): () => void;
  /** Called with every command the application menu sends (File → New student…); returns the unsubscribe. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Called with the kinds of record any workstation changed (live between seats); returns the unsubscribe. */
  onDataChanged(listener: (change: DataChanged) => void): () => void;
  /** The current status, for a screen that mounts after the last push. */
  getBackendStatus(): Promise<BackendStatus>;
  /** Saves the audit log with main's anchored head to a file the user picks (a native save dialog). */
  exportAuditLog(): Promise<IpcResult<AuditExportResult>>;
  /** Help → Diagnostics: main's figures (IPC times, breaker, restarts, logs folder) and the backend's. */
  getDiagnostics(): Promise<IpcResult<DiagnosticsReport>>;
  /** A checked copy of the school in the backup folder; asks for the folder the first time (a native dialog). */
  backUpNow(request?: BackupNowRequest): Promise<IpcResult<BackupNowResult>>;
  /** Where backups go and the last one made, for Home. */
  getBackupStatus(): Promise<IpcResult<BackupStatus>>;
  /** Replaces the school with a checked backup the user picks in main's open dialog. */
  restoreBackup(): Promise<IpcResult<RestoreResult>>;
  /** Picks a spreadsheet in main's open dialog and previews its students (nothing saved). */
  previewStudentImport(): Promise<IpcResult<ImportPreviewResult>>;
  /** Imports the students of the spreadsheet previewed last. */
  runStudentImport(): Promise<IpcResult<ImportResult>>;
  /** Every record as a zip of CSV files with a manifest, saved where the user picks (main's save dialog). */
  exportEverything(): Promise<IpcResult<ExportAllResult>>;
};

export type { DataChanged, DataKind };
export type { AuditExportResult, BackendStatus, BackupNowResult, BackupStatus, DiagnosticsReport, ExportAllResult, ImportPreviewResult, ImportResult, MenuCommand, RestoreResult };
