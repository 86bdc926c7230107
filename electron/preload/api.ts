// The shape of window.odsm. The renderer imports this type-only; the types come from the contracts.
import type { ChannelName, ChannelRequest, ChannelResponse, Channels, IpcResult } from '../../shared-contracts/channels';
import type { AuditExportResult, BackendStatus, BackupNowRequest, BackupNowResult, BackupProgress, BackupStatus, DiagnosticsReport, ExportAllResult, ImportKind, ImportPreview, ImportPreviewResult, ImportProgress, ImportResult, MenuCommand, RestoreResult } from '../shared/app-channels';
import type { AccountantCsvRequest, AccountantCsvResult } from '../shared/accountant-csv-channels';
import type { AuditCsvRequest, AuditCsvResult } from '../shared/audit-csv-channels';
import type { CalendarFileRequest, CalendarFileResult } from '../shared/calendar-file-channels';
import type { ConnectionForm, ConnectionTestResult, ConnectionView, MoveProgress, MoveResult } from '../shared/connection-channels';
import type { AuthStatus, EnableSignInForm, RecoverForm, SignInEnabled, SignInForm } from '../shared/auth-channels';
import type { DataChanged, DataKind } from '../shared/data-changes';
import type { DocumentRequest, PrintResult, SavePdfResult } from '../shared/documents';
import type { ReminderSendSummary, SmsExportOutcome, SmtpPasswordStatus } from '../shared/reminder-channels';
import type { BundleProgress, BundleRequest, BundleResult } from '../shared/inspection-bundle';

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
  /** Where the running (or last) backup stands, for Home's progress bar. */
  getBackupProgress(): Promise<IpcResult<BackupProgress>>;
  /** Replaces the school with a checked backup the user picks in main's open dialog. */
  restoreBackup(): Promise<IpcResult<RestoreResult>>;
  /** Picks a spreadsheet in main's open dialog and previews its students (nothing saved). */
  previewStudentImport(): Promise<IpcResult<ImportPreviewResult>>;
  /** Imports the students of the spreadsheet previewed last. */
  runStudentImport(): Promise<IpcResult<ImportResult>>;
  /** Picks a spreadsheet of students, instructors or vehicles in main's open dialog and previews it (nothing saved). */
  previewImport(kind: ImportKind): Promise<IpcResult<ImportPreviewResult>>;
  /** Previews the same file again with the column mapping chosen (a field per column, or null to leave it out). */
  remapImport(mapping: (string | null)[]): Promise<IpcResult<ImportPreview>>;
  /** Imports the spreadsheet previewed last, with the mapping previewed last. */
  runImport(): Promise<IpcResult<ImportResult>>;
  /** How far the running import has got, for the progress bar. */
  getImportProgress(): Promise<IpcResult<ImportProgress>>;
  /** Every record as a zip of CSV files with a manifest, saved where the user picks (main's save dialog). */
  exportEverything(): Promise<IpcResult<ExportAllResult>>;
  /** An instructor's lessons and classes for a range of days as an .ics file for a phone, saved where the user picks. */
  exportCalendarFile(request: CalendarFileRequest): Promise<IpcResult<CalendarFileResult>>;
  /** A period's invoices, credit notes and payments as one CSV for the accountant, saved where the user picks. */
  exportAccountantCsv(request: AccountantCsvRequest): Promise<IpcResult<AccountantCsvResult>>;
  /** The audit entries the screen's filters show, as a CSV a person reads, saved where the user picks. */
  exportAuditCsv(request: AuditCsvRequest): Promise<IpcResult<AuditCsvResult>>;
  /** This workstation's database: its own file, or a server (never the password, only whether one is kept). */
  getConnection(): Promise<IpcResult<ConnectionView>>;
  /** Tries a server connection and says what is there, or exactly what failed. */
  testConnection(form: ConnectionForm): Promise<IpcResult<ConnectionTestResult>>;
  /** Connects this workstation to the server (after a test), restarting the backend there. */
  saveConnection(form: ConnectionForm): Promise<IpcResult<ConnectionView>>;
  /** Back to this computer's own file. */
  useLocalDatabase(): Promise<IpcResult<ConnectionView>>;
  /** Moves this school to an empty database on the server, checks it, then connects this workstation there. */
  startMove(form: ConnectionForm): Promise<IpcResult<MoveResult>>;
  /** How far the move is. */
  getMoveProgress(): Promise<IpcResult<MoveProgress>>;
  /** A document (its kind and record id) as PDF, saved where the user picks in main's save dialog. */
  saveDocumentPdf(request: DocumentRequest): Promise<IpcResult<SavePdfResult>>;
  /** A document sent to the printer, from the same print layout. */
  printDocument(request: DocumentRequest): Promise<IpcResult<PrintResult>>;
  /** Every student's inspector packet for a period, an index and the audit chain's head, in a folder the person picks. */
  saveInspectionBundle(request: BundleRequest): Promise<IpcResult<BundleResult>>;
  /** How far the inspection bundle being made has got ("n of N"). */
  getInspectionBundleProgress(): Promise<IpcResult<BundleProgress>>;
  /** Stops the inspection bundle being made; nothing is left in the folder. */
  cancelInspectionBundle(): Promise<IpcResult<{ cancelling: boolean }>>;
  /** Sign-in at this desk. Main holds the session token; no answer here carries it. */
  auth: {
    status(): Promise<IpcResult<AuthStatus>>;
    signIn(form: SignInForm): Promise<IpcResult<AuthStatus>>;
    signOut(): Promise<IpcResult<AuthStatus>>;
    /** At a shared desk: signs this person out so the next can sign in. */
    switchUser(): Promise<IpcResult<AuthStatus>>;
    /** Switches sign-in on with the owner's account, signs the owner in here, and shows the recovery code once. */
    enable(form: EnableSignInForm): Promise<IpcResult<SignInEnabled>>;
    /** Switches sign-in off; needs the signed-in owner's password. */
    disable(password: string): Promise<IpcResult<AuthStatus>>;
    /** The recovery code resets the owner's password (and is used up), and signs the owner in. */
    recover(form: RecoverForm): Promise<IpcResult<AuthStatus>>;
  };
  /** Keeps the SMTP password sealed in main (null forgets it); answers only whether one is kept. */
  saveSmtpPassword(password: string | null): Promise<IpcResult<SmtpPasswordStatus>>;
  /** Whether an SMTP password is kept (never the password). */
  getSmtpPasswordStatus(): Promise<IpcResult<SmtpPasswordStatus>>;
  /** Fills the outbox and sends what is due now (the timer's run, at once), with the kept password. */
  sendRemindersNow(): Promise<IpcResult<ReminderSendSummary>>;
  /** The SMS waiting in the outbox as a CSV for the gateway, saved where the user picks (main's save dialog). */
  exportSmsReminders(): Promise<IpcResult<SmsExportOutcome>>;
};

export type { DataChanged, DataKind };
export type { ReminderSendSummary, SmsExportOutcome, SmtpPasswordStatus } from '../shared/reminder-channels';
export type { BundleProgress, BundleRequest, BundleResult } from '../shared/inspection-bundle';
export type { CalendarFileRequest, CalendarFileResult } from '../shared/calendar-file-channels';
export type { AccountantCsvRequest, AccountantCsvResult } from '../shared/accountant-csv-channels';
export type { AuditCsvRequest, AuditCsvResult } from '../shared/audit-csv-channels';
export type { DocumentKind, DocumentRequest, PaperSize, PrintResult, SavePdfResult } from '../shared/documents';
export type { AuthStatus, EnableSignInForm, RecoverForm, SignInEnabled, SignInForm, StaffAccountView, StaffRole } from '../shared/auth-channels';
export type { ConnectionForm, ConnectionTestResult, ConnectionView, MoveProgress, MoveResult } from '../shared/connection-channels';
export type { AuditExportResult, BackendStatus, BackupNowResult, BackupProgress, BackupStatus, DiagnosticsReport, ExportAllResult, ImportKind, ImportPreview, ImportPreviewResult, ImportProgress, ImportResult, MenuCommand, RestoreResult };
