// The bridge's one composition root. electron/main/index.ts calls it with Electron's ipcMain; the e2e
// harness, the contract and bridge tests and the bench call it with the stand-in and their own parts,
// so what they test and measure is what ships: the same sender check, validator, transport, policies
// and channels, db:* and app:* alike.
import { hostname, userInfo } from 'node:os';
import { anchorAuditChain } from '../audit/anchored-audit';
import type { AnchorStore } from '../audit/audit-anchor-store';
import { createAuditExport } from '../audit/audit-export';
import { createSessionHolder, createStaffSession } from '../auth/staff-session';
import { createMemoryBackupStore, type BackupStore } from '../backup/backup-store';
import { createBackups } from '../backup/backups';
import { createAccountantCsvChannels, createAccountantCsvExport } from '../exports/accountant-csv';
import { createAuditCsvChannels, createAuditCsvExport } from '../audit/audit-csv';
import { createCalendarFileChannels, createCalendarFileExport } from '../exports/calendar-file';
import { createDocuments, type DocumentRenderer } from '../documents/documents';
import { createExportEverything } from '../exports/export-everything';
import { createInspectionBundle, createInspectionBundleChannels } from '../documents/inspection-bundle';
import { createConnectionChannels } from '../connection/connection-channels';
import type { ConnectionStore } from '../connection/connection-store';
import { createMoveToServer } from '../connection/move-to-server';
import { createWorkstationConnection } from '../connection/workstation-connection';
import { createSpreadsheetImport } from '../imports/spreadsheet-import';
import { createReminderChannels, createReminderOutboxChannels, createReminderSender, createSmsExport, type SmtpPasswordStore } from '../reminders/reminders';
import type { BackendHealth } from '../desktop/about';
import { createCallTimings } from '../diagnostics/call-timings';
import { createDiagnostics, readBackendHealth, watchBreaker } from '../diagnostics/diagnostics-report';
import type { SaveDialog } from '../files/save-dialog';
import type { Logger } from '../log/json-logger';
import { createAppChannels, type AppChannelHandlers } from './app-channel-handlers';
import { createBridge, registerChannels } from './bridge';
import { createHttpTransport, type BackendConnection } from './http-transport';
import type { IpcMainLike } from './ipc-types';
import { loadManifest, type Manifest } from './manifest';
import { createBackendPolicies, type PolicyOptions } from './policies';
import { createSchemaValidator, type SchemaValidator } from './schema-validator';
import { createSenderCheck } from './sender-check';

export interface SetupBridgeOptions {
  ipcMain: IpcMainLike;
  /** Where the backend listens now; read on every call, so a restarted backend is picked up. */
  connection: () => BackendConnection | undefined;
  /** Origins whose main frame may call, e.g. "app://odsm" (and the dev server's in dev). */
  allowedOrigins: readonly string[];
  /** Whether event.sender is our window's WebContents. */
  isOurWebContents: (sender: unknown) => boolean;
  /** What main itself knows (the backend's status); the bridge adds the channels it can answer itself. */
  app: Pick<AppChannelHandlers, 'backendStatus'> & {
    /** How often the supervisor has restarted the backend; absent where main attaches to one. */
    backendRestarts?: () => number;
  };
  /** Where main's and the backend's logs are, for Help → Diagnostics. */
  logsDir?: string;
  /** Where the user picks a file to save to: Electron's native dialog in the app, a stand-in in tests. */
  saveDialog: SaveDialog;
  log: Logger;
  /** Timeouts, retries and the breaker's limits and callbacks; the defaults otherwise. */
  policy?: PolicyOptions;
  /** Who is at this workstation (X-ODSM-Actor); the OS account unless a test names one. */
  actor?: string;
  /** The generated manifest unless a test gives a synthetic one. */
  manifest?: Manifest;
  /** Where the audit chain's head is kept outside the database; without one, verify checks the chain alone. */
  auditAnchor?: AnchorStore;
  /** The backup folder and the last backup; in memory unless main gives a file in the user data dir. */
  backups?: BackupStore;
  /** Turns a document's print layout into PDF or prints it; without one, the document channels refuse. */
  documents?: DocumentRenderer;
  /** The SMTP password kept sealed (safeStorage in the app); without it the reminder channels and timer are absent. */
  smtpPassword?: SmtpPasswordStore;
  /** This workstation's database connection (Settings → Database server); without it those channels are absent. */
  workstation?: { store: ConnectionStore; restartBackend: () => Promise<void> };
}

export interface BridgeSetup {
  /** Every channel registered on ipcMain. */
  readonly channels: readonly string[];
  /** The validator the bridge checks payloads with; contract tests check answers with it too. */
  readonly validator: SchemaValidator;
  /** The running backend's version, schema revision and engine (for Help → About); undefined when it does not answer. */
  backendHealth(): Promise<BackendHealth | undefined>;
  /** Keeps the audit chain's current head in the anchor store (at quit); never throws. */
  recordAuditHead(): Promise<void>;
  /** Starts the automatic backup (while the app runs); returns the stop function. */
  scheduleBackups(): () => void;
  /** Sends the reminders' outbox every few minutes while the app runs; returns the stop function. */
  scheduleReminders(): () => void;
  /** Removes the handlers, closes the backend's sockets and drops the breaker's listeners. */
  dispose(): void;
}

/** Without a store, verify checks the chain alone and an export carries no anchor. */
const noAnchorStore: AnchorStore = { read: () => Promise.resolve(undefined), write: () => Promise.resolve() };

/** The OS account at this workstation, e.g. "frontdesk@reception-pc": the audit log's "who" until staff login exists. */
function workstationActor(): string {
  try {
    return `${userInfo().username}@${hostname()}`;
  } catch {
    return `workstation@${hostname()}`;
  }
}

export function setupBridge(options: SetupBridgeOptions): BridgeSetup {
  const manifest = options.manifest ?? loadManifest();
  // The staff session's token stays in main: the transport attaches it to every backend call.
  const session = createSessionHolder();
  const httpTransport = createHttpTransport({ connection: options.connection, actor: options.actor ?? workstationActor(), session: session.token });
  const store = options.auditAnchor ?? noAnchorStore;
  const audit = options.auditAnchor
    ? anchorAuditChain({ transport: httpTransport, store, manifest, log: options.log })
    : { transport: httpTransport, recordHead: () => Promise.resolve() };
  const transport = audit.transport;
  const exportAuditLog = createAuditExport({ transport, manifest, store, dialog: options.saveDialog, log: options.log });
  const backups = createBackups({ transport, store: options.backups ?? createMemoryBackupStore(), anchors: store, dialog: options.saveDialog, log: options.log });
  const spreadsheetImport = createSpreadsheetImport({ transport, dialog: options.saveDialog, log: options.log });
  const documents = createDocuments({ ...(options.documents ? { renderer: options.documents } : {}), dialog: options.saveDialog, log: options.log });
  const timings = createCallTimings();
  const breaker = watchBreaker();
  const lastBackup = async () => {
    const last = (await backups.status()).last;
    // The time, size and check only: the file's path names folders on this machine, not needed by support.
    return last ? { at: last.at, bytes: last.bytes, chainOk: last.chainOk } : null;
  };
  const diagnostics = createDiagnostics({ transport, manifest, timings, breaker, lastBackup, ...options.app, ...(options.logsDir ? { logsDir: options.logsDir } : {}) });
  const workstation = options.workstation && createWorkstationConnection({ ...options.workstation, transport: httpTransport, log: options.log });
  const connectionChannels = workstation ? createConnectionChannels(workstation, createMoveToServer({ connection: workstation, transport: httpTransport, log: options.log })) : {};
  const appChannels = createAppChannels(
    {
      backendStatus: options.app.backendStatus,
      exportAuditLog,
      diagnostics,
      backUpNow: backups.backUpNow,
      backupStatus: backups.status,
      backupProgress: backups.progress,
      restoreBackup: backups.restore,
      previewStudentImport: () => spreadsheetImport.preview('students'),
      runStudentImport: spreadsheetImport.run,
      previewImport: spreadsheetImport.preview,
      remapImport: spreadsheetImport.remap,
      runImport: spreadsheetImport.run,
      importProgress: spreadsheetImport.progress,
      exportEverything: createExportEverything({ transport, dialog: options.saveDialog, log: options.log }),
      saveDocumentPdf: documents.savePdf,
      printDocument: documents.print,
    },
    manifest,
  );
  const reminders = createReminderSender({ transport, store: options.smtpPassword, log: options.log });
  if (options.smtpPassword) Object.assign(appChannels, createReminderChannels(options.smtpPassword, transport));
  Object.assign(appChannels, createReminderOutboxChannels(reminders, createSmsExport({ transport, dialog: options.saveDialog, log: options.log })));
  Object.assign(
    appChannels,
    connectionChannels,
    createCalendarFileChannels(createCalendarFileExport({ transport, dialog: options.saveDialog, log: options.log })),
    createAccountantCsvChannels(createAccountantCsvExport({ transport, dialog: options.saveDialog, log: options.log })),
    createAuditCsvChannels(manifest, createAuditCsvExport({ transport, dialog: options.saveDialog, log: options.log })),
    createStaffSession({ transport: httpTransport, holder: session, log: options.log }).channels,
    createInspectionBundleChannels(createInspectionBundle({ transport, manifest, ...(options.documents ? { renderer: options.documents } : {}), dialog: options.saveDialog, log: options.log })),
  );
  const validator = createSchemaValidator({ ...manifest.channels, ...appChannels }, manifest.errorSchema);
  const policies = createBackendPolicies({
    ...options.policy,
    onBreakerOpen: () => {
      breaker.opened();
      options.policy?.onBreakerOpen?.();
    },
    onBreakerReset: () => {
      breaker.reset();
      options.policy?.onBreakerReset?.();
    },
  });
  const isTrustedSender = createSenderCheck({ allowedOrigins: options.allowedOrigins, isOurWebContents: options.isOurWebContents });
  const bridge = createBridge({ manifest, appChannels, transport, policies, log: options.log, isTrustedSender, validator, timings });
  const unregister = registerChannels(options.ipcMain, bridge);
  return {
    channels: bridge.channels,
    validator,
    recordAuditHead: audit.recordHead,
    scheduleBackups: backups.schedule,
    scheduleReminders: () => (options.smtpPassword ? reminders.schedule() : () => undefined),
    backendHealth: () => readBackendHealth(transport, manifest),
    dispose: () => {
      unregister();
      transport.close();
      policies.dispose();
    },
  };
}

