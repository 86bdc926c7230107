// The backend's imports take most of its start. Started before Electron is ready, they overlap Electron's
// own start (its GPU process, the window's first paint) instead of following it.
import type { Logger } from '../log/json-logger';

export interface EarlyStart {
  /** Settles once the backend is ready, or once its start failed (logged; the status says "down"). */
  backend: Promise<boolean>;
}

/**
 * Starts the backend at once, then waits for `whenReady` (Electron's app.whenReady()). A failed start never
 * rejects: the supervisor's status already carries it to the window's banner.
 */
export async function startBackendBeforeReady(parts: {
  start: () => Promise<unknown>;
  whenReady: () => Promise<unknown>;
  log: Logger;
}): Promise<EarlyStart> {
  const backend = parts.start().then(
    () => true,
    (error: unknown) => {
      parts.log.error('backend.start_failed', { error: error instanceof Error ? error.message : String(error) });
      return false;
    },
  );
  await parts.whenReady();
  return { backend };
}
