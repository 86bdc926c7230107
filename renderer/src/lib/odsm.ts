/**
 * The only module in the renderer that touches `window.odsm` (the preload's contextBridge API).
 *
 * Every preload verb answers an envelope, `{ ok: true, data } | { ok: false, error }`. This module
 * unwraps it: data comes back as a plain value, and a failure is thrown as an `OdsmError`, so the
 * UI can use ordinary TanStack Query error handling and branch on `error.code`, never on the message.
 */
import type { AuditExportResult, BackendStatus, BackupNowResult, BackupProgress, BackupStatus, DataChanged, DiagnosticsReport, MenuCommand, OdsmApi } from '../../../electron/preload/api';
import type { ImportKind, ImportPreview, ImportProblem, ImportProgress, ImportResult } from '../../../electron/shared/app-channels';
import type { IpcError, IpcResult } from '../../../shared-contracts/channels';

/** Codes the renderer itself produces, when the failure happens before any envelope exists. */
export const LOCAL_ERROR_CODES = {
  bridgeMissing: 'renderer.bridge_missing',
  ipcFailed: 'renderer.ipc_failed',
  malformedResult: 'renderer.malformed_result',
} as const;

export class OdsmError extends Error {
  override readonly name = 'OdsmError';
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string;

  constructor(error: IpcError) {
    super(error.message);
    this.code = error.code;
    this.details = error.details;
    this.requestId = error.requestId;
  }
}

export function isOdsmError(value: unknown): value is OdsmError {
  return value instanceof OdsmError;
}

function isEnvelope(value: unknown): value is IpcResult<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const ok = (value as { ok: unknown }).ok;
  return ok === true ? 'data' in value : ok === false && 'error' in value;
}

/** Turns an envelope into its data, or throws its error as an `OdsmError`. */
export function unwrap<T>(result: IpcResult<T>): T {
  if (!isEnvelope(result)) {
    throw new OdsmError({
      code: LOCAL_ERROR_CODES.malformedResult,
      message: 'The app returned an answer the screen does not understand.',
      requestId: '',
    });
  }
  if (result.ok) return result.data;
  const { code, message, details, requestId } = result.error;
  throw new OdsmError({ code, message, details, requestId: requestId ?? '' });
}

type OdsmHost = { odsm?: OdsmApi };

export function getOdsm(): OdsmApi {
  const api = (globalThis as unknown as OdsmHost).odsm;
  if (!api) {
    throw new OdsmError({
      code: LOCAL_ERROR_CODES.bridgeMissing,
      message: 'The app bridge is not available. Restart the app.',
      requestId: '',
    });
  }
  return api;
}

/**
 * Calls one preload verb and unwraps its envelope:
 * `call((odsm) => odsm.students.get({ student_id: 7 }))`.
 * A rejected IPC promise (no handler, a crash in main) also becomes an `OdsmError`.
 */
export async function call<T>(verb: (api: OdsmApi) => Promise<IpcResult<T>>): Promise<T> {
  const api = getOdsm();
  let result: IpcResult<T>;
  try {
    result = await verb(api);
  } catch (cause) {
    throw new OdsmError({
      code: LOCAL_ERROR_CODES.ipcFailed,
      message: cause instanceof Error ? cause.message : 'The app could not reach its background service.',
      requestId: '',
    });
  }
  return unwrap(result);
}

export type { AuditExportResult, BackendStatus, BackupNowResult, BackupProgress, BackupStatus, DiagnosticsReport, ImportKind, ImportPreview, ImportProblem, ImportProgress, ImportResult, MenuCommand };
export type { ConnectionForm, ConnectionTestResult, ConnectionView, MoveProgress, MoveResult } from '../../../electron/preload/api';

/**
 * Follows the backend status: the current one first (a screen can mount after the last push),
 * then every push from main. A push that arrives before the first answer wins over it.
 * Returns the unsubscribe.
 */
export function followBackendStatus(listener: (status: BackendStatus) => void): () => void {
  const api = (globalThis as unknown as OdsmHost).odsm;
  if (!api) return () => {};
  let pushed = false;
  let active = true;
  const unsubscribe = api.onBackendStatus((status) => {
    pushed = true;
    if (active) listener(status);
  });
  api.getBackendStatus().then(
    (status) => {
      if (active && !pushed) listener(status);
    },
    () => {
      // No current status yet: the next push will bring one.
    },
  );
  return () => {
    active = false;
    unsubscribe();
  };
}

/** Follows the application menu's commands; returns the unsubscribe. Nothing to follow outside the app. */
export function followMenuCommands(listener: (command: MenuCommand) => void): () => void {
  const api = (globalThis as unknown as OdsmHost).odsm;
  return api ? api.onMenuCommand(listener) : () => {};
}

/** Follows what any workstation changed (main's `app:data-changed`); returns the unsubscribe. Nothing to follow outside the app. */
export function followDataChanges(listener: (change: DataChanged) => void): () => void {
  const api = (globalThis as unknown as OdsmHost).odsm;
  return api ? api.onDataChanged(listener) : () => {};
}
