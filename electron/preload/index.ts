// The sandboxed preload: ONE exposeInMainWorld, verbs only. It never exposes ipcRenderer or a generic
// invoke(channel). It imports only electron, the contracts and the shared channel names, because the
// e2e harness bundles this same file again with `electron` resolved to a Playwright shim.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelNames, type IpcResult } from '../../shared-contracts/channels';
import {
  AUDIT_EXPORT_CHANNEL,
  BACKEND_STATUS_CHANNEL,
  BACKEND_STATUS_GET_CHANNEL,
  BACKUP_NOW_CHANNEL,
  BACKUP_PROGRESS_CHANNEL,
  BACKUP_RESTORE_CHANNEL,
  BACKUP_STATUS_CHANNEL,
  DIAGNOSTICS_CHANNEL,
  EXPORT_ALL_CHANNEL,
  IMPORT_CHOOSE_CHANNEL,
  IMPORT_PREVIEW_CHANNEL,
  IMPORT_PROGRESS_CHANNEL,
  IMPORT_REMAP_CHANNEL,
  IMPORT_RUN_CHANNEL,
  IMPORT_START_CHANNEL,
  MENU_COMMAND_CHANNEL,
  menuCommands,
  type BackendStatus,
  type MenuCommand,
} from '../shared/app-channels';
import { ACCOUNTANT_CSV_CHANNEL, type AccountantCsvRequest } from '../shared/accountant-csv-channels';
import { AUDIT_CSV_CHANNEL, type AuditCsvRequest } from '../shared/audit-csv-channels';
import { CALENDAR_FILE_CHANNEL, type CalendarFileRequest } from '../shared/calendar-file-channels';
import {
  CONNECTION_GET_CHANNEL,
  CONNECTION_SAVE_CHANNEL,
  CONNECTION_TEST_CHANNEL,
  CONNECTION_USE_LOCAL_CHANNEL,
  MOVE_PROGRESS_CHANNEL,
  MOVE_START_CHANNEL,
  type ConnectionForm,
} from '../shared/connection-channels';
import { AUTH_DISABLE_CHANNEL, AUTH_ENABLE_CHANNEL, AUTH_RECOVER_CHANNEL, AUTH_SIGN_IN_CHANNEL, AUTH_SIGN_OUT_CHANNEL, AUTH_STATUS_CHANNEL, AUTH_SWITCH_USER_CHANNEL, type EnableSignInForm, type RecoverForm, type SignInForm } from '../shared/auth-channels';
import { DATA_CHANGED_CHANNEL, knownKinds, type DataChanged } from '../shared/data-changes';
import { DOCUMENT_PRINT_CHANNEL, DOCUMENT_SAVE_PDF_CHANNEL, type DocumentRequest } from '../shared/documents';
import { REMINDERS_PASSWORD_SAVE_CHANNEL, REMINDERS_PASSWORD_STATUS_CHANNEL, REMINDERS_SEND_NOW_CHANNEL, REMINDERS_SMS_EXPORT_CHANNEL } from '../shared/reminder-channels';
import { DOCUMENT_BUNDLE_CANCEL_CHANNEL, DOCUMENT_BUNDLE_CHANNEL, DOCUMENT_BUNDLE_PROGRESS_CHANNEL, type BundleRequest } from '../shared/inspection-bundle';
import type { OdsmApi } from './api';

type Verb = (payload?: unknown) => Promise<unknown>;

function buildDataApi(): Record<string, Record<string, Verb>> {
  const api: Record<string, Record<string, Verb>> = {};
  for (const channel of channelNames) {
    const [, resource, verb] = channel.split(':') as [string, string, string];
    // Each verb is bound to its own channel name here, in the preload; the page cannot choose a channel.
    (api[resource] ??= {})[verb] = (payload?: unknown) => ipcRenderer.invoke(channel, payload);
  }
  return api;
}

const api = {
  ...buildDataApi(),
  onBackendStatus(listener: (status: BackendStatus) => void): () => void {
    const relay = (_event: IpcRendererEvent, status: BackendStatus) => listener(status);
    ipcRenderer.on(BACKEND_STATUS_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(BACKEND_STATUS_CHANNEL, relay);
    };
  },
  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    // Only the commands main knows; anything else on the channel is dropped here, in the preload.
    const relay = (_event: IpcRendererEvent, command: unknown) => {
      if ((menuCommands as readonly unknown[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, relay);
    };
  },
  onDataChanged(listener: (change: DataChanged) => void): () => void {
    // Only kinds this app knows (an unknown one becomes 'everything'); a push naming none is dropped.
    const relay = (_event: IpcRendererEvent, change: unknown) => {
      const kinds = knownKinds((change as { kinds?: unknown } | null)?.kinds);
      if (kinds.length > 0) listener({ kinds });
    };
    ipcRenderer.on(DATA_CHANGED_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(DATA_CHANGED_CHANNEL, relay);
    };
  },
  // The one verb that answers plain data: main's status is not backend data, and a failure here only
  // means "wait for the next push" (see renderer/src/lib/odsm.ts followBackendStatus).
  async getBackendStatus(): Promise<BackendStatus> {
    const result = (await ipcRenderer.invoke(BACKEND_STATUS_GET_CHANNEL)) as IpcResult<BackendStatus>;
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.data;
  },
  exportAuditLog: () => ipcRenderer.invoke(AUDIT_EXPORT_CHANNEL),
  getDiagnostics: () => ipcRenderer.invoke(DIAGNOSTICS_CHANNEL),
  backUpNow: (request?: { chooseFolder?: boolean }) => ipcRenderer.invoke(BACKUP_NOW_CHANNEL, request ?? {}),
  getBackupStatus: () => ipcRenderer.invoke(BACKUP_STATUS_CHANNEL),
  getBackupProgress: () => ipcRenderer.invoke(BACKUP_PROGRESS_CHANNEL),
  restoreBackup: () => ipcRenderer.invoke(BACKUP_RESTORE_CHANNEL),
  previewStudentImport: () => ipcRenderer.invoke(IMPORT_PREVIEW_CHANNEL),
  runStudentImport: () => ipcRenderer.invoke(IMPORT_RUN_CHANNEL),
  previewImport: (kind: string) => ipcRenderer.invoke(IMPORT_CHOOSE_CHANNEL, { kind }),
  remapImport: (mapping: (string | null)[]) => ipcRenderer.invoke(IMPORT_REMAP_CHANNEL, { mapping }),
  runImport: () => ipcRenderer.invoke(IMPORT_START_CHANNEL),
  getImportProgress: () => ipcRenderer.invoke(IMPORT_PROGRESS_CHANNEL),
  exportEverything: () => ipcRenderer.invoke(EXPORT_ALL_CHANNEL),
  exportCalendarFile: (request: CalendarFileRequest) => ipcRenderer.invoke(CALENDAR_FILE_CHANNEL, request),
  exportAccountantCsv: (request: AccountantCsvRequest) => ipcRenderer.invoke(ACCOUNTANT_CSV_CHANNEL, request),
  exportAuditCsv: (request: AuditCsvRequest) => ipcRenderer.invoke(AUDIT_CSV_CHANNEL, request),
  getConnection: () => ipcRenderer.invoke(CONNECTION_GET_CHANNEL),
  testConnection: (form: ConnectionForm) => ipcRenderer.invoke(CONNECTION_TEST_CHANNEL, form),
  saveConnection: (form: ConnectionForm) => ipcRenderer.invoke(CONNECTION_SAVE_CHANNEL, form),
  useLocalDatabase: () => ipcRenderer.invoke(CONNECTION_USE_LOCAL_CHANNEL),
  startMove: (form: ConnectionForm) => ipcRenderer.invoke(MOVE_START_CHANNEL, form),
  getMoveProgress: () => ipcRenderer.invoke(MOVE_PROGRESS_CHANNEL),
  saveDocumentPdf: (request: DocumentRequest) => ipcRenderer.invoke(DOCUMENT_SAVE_PDF_CHANNEL, request),
  printDocument: (request: DocumentRequest) => ipcRenderer.invoke(DOCUMENT_PRINT_CHANNEL, request),
  saveInspectionBundle: (request: BundleRequest) => ipcRenderer.invoke(DOCUMENT_BUNDLE_CHANNEL, request),
  getInspectionBundleProgress: () => ipcRenderer.invoke(DOCUMENT_BUNDLE_PROGRESS_CHANNEL),
  cancelInspectionBundle: () => ipcRenderer.invoke(DOCUMENT_BUNDLE_CANCEL_CHANNEL),
  // Sign-in: main keeps the session token; these answer who is signed in, never the token.
  auth: {
    status: () => ipcRenderer.invoke(AUTH_STATUS_CHANNEL),
    signIn: (form: SignInForm) => ipcRenderer.invoke(AUTH_SIGN_IN_CHANNEL, form),
    signOut: () => ipcRenderer.invoke(AUTH_SIGN_OUT_CHANNEL),
    switchUser: () => ipcRenderer.invoke(AUTH_SWITCH_USER_CHANNEL),
    enable: (form: EnableSignInForm) => ipcRenderer.invoke(AUTH_ENABLE_CHANNEL, form),
    disable: (password: string) => ipcRenderer.invoke(AUTH_DISABLE_CHANNEL, { password }),
    recover: (form: RecoverForm) => ipcRenderer.invoke(AUTH_RECOVER_CHANNEL, form),
  },
  saveSmtpPassword: (password: string | null) => ipcRenderer.invoke(REMINDERS_PASSWORD_SAVE_CHANNEL, { password }),
  getSmtpPasswordStatus: () => ipcRenderer.invoke(REMINDERS_PASSWORD_STATUS_CHANNEL),
  sendRemindersNow: () => ipcRenderer.invoke(REMINDERS_SEND_NOW_CHANNEL),
  exportSmsReminders: () => ipcRenderer.invoke(REMINDERS_SMS_EXPORT_CHANNEL),
} as unknown as OdsmApi;

contextBridge.exposeInMainWorld('odsm', api);
