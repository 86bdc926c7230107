import type { IpcError, IpcResult } from '../../../shared-contracts/channels';
import { isBreakerOpenError, isStillInProgressError, isTimeout, isTransientError, isTransientResult } from './policies';
import type { FieldIssue } from './schema-validator';
import type { TransportResponse } from './http-transport';

// Codes the bridge itself answers with; the backend's own codes pass through unchanged.
export const bridgeErrorCodes = {
  forbiddenSender: 'forbidden_sender',
  validationFailed: 'validation_failed',
  backendUnavailable: 'backend_unavailable',
  timeout: 'timeout',
  internal: 'internal',
} as const;

export function ok<T>(data: T): IpcResult<T> {
  return { ok: true, data };
}

export function fail(code: string, message: string, requestId: string, details?: unknown): IpcResult<never> {
  const error: IpcError = { code, message, requestId };
  if (details !== undefined) error.details = details;
  return { ok: false, error };
}

export function validationFailed(fields: FieldIssue[], requestId: string): IpcResult<never> {
  return fail(bridgeErrorCodes.validationFailed, 'Some fields are not valid.', requestId, { fields });
}

interface BackendErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

function isBackendErrorBody(body: unknown): body is BackendErrorBody {
  const b = body as Partial<BackendErrorBody> | null;
  return typeof b === 'object' && b !== null && typeof b.code === 'string' && typeof b.message === 'string';
}

/** A non-2xx answer: the backend's {code, message, details, request_id}, or a code from the status. */
export function fromBackendError(response: TransportResponse, requestId: string): IpcResult<never> {
  if (isBackendErrorBody(response.body)) {
    return fail(response.body.code, response.body.message, requestId, response.body.details ?? undefined);
  }
  if (isTransientResult(response)) {
    return fail(bridgeErrorCodes.backendUnavailable, `The backend answered ${response.status}.`, requestId);
  }
  return fail(bridgeErrorCodes.internal, `The backend answered ${response.status} without an error body.`, requestId);
}

/** A thrown failure: open breaker, timeout, connection error, or something unexpected. */
/** A refusal main itself gives on an app:* channel (a file it could not write), with a stable code. */
export class MainRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function fromThrown(error: unknown, requestId: string): IpcResult<never> {
  if (error instanceof MainRefusal) return fail(error.code, error.message, requestId, error.details);
  if (isBreakerOpenError(error)) {
    return fail(bridgeErrorCodes.backendUnavailable, 'The backend is not answering; the app is checking it.', requestId);
  }
  if (isStillInProgressError(error)) {
    // The write may yet be saved: the same code as a timeout, and a cause that says so.
    const message = 'The backend is still finishing this save. Check whether it was saved before you enter it again.';
    return fail(bridgeErrorCodes.timeout, message, requestId, { cause: 'idempotency_in_progress' });
  }
  if (isTimeout(error)) {
    return fail(bridgeErrorCodes.timeout, 'The backend took too long to answer.', requestId);
  }
  if (isTransientError(error)) {
    const code = (error as { code: string }).code;
    return fail(bridgeErrorCodes.backendUnavailable, 'The backend cannot be reached.', requestId, { cause: code });
  }
  return fail(bridgeErrorCodes.internal, 'Something went wrong in the main process.', requestId);
}
