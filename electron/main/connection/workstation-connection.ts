// The Database server section's work in main: show the connection (never the password), test one through
// the backend's main-only route, connect this workstation (save, then restart the backend on the server),
// or go back to this computer's own file.
import { randomUUID } from 'node:crypto';
import type { Transport, TransportResponse } from '../bridge/http-transport';
import { MainRefusal } from '../bridge/ipc-envelope';
import type { Logger } from '../log/json-logger';
import { checkedSettings, databaseUrl, type ConnectionForm, type ConnectionView, type ServerSettings } from './connection-settings';
import { viewOf, type ConnectionStore, type StoredConnection } from './connection-store';
import type { ConnectionTestResult } from '../../shared/connection-channels';

// No IPC channel: main alone calls it, with the URL it builds; the renderer never names one.
const TEST_PATH = '/api/v1/system/connection/test';

export interface WorkstationConnectionOptions {
  store: ConnectionStore;
  transport: Transport;
  /** Restarts the backend with the environment the store now gives (supervisor.restart in the app). */
  restartBackend: () => Promise<void>;
  log: Logger;
}

export interface WorkstationConnection {
  get(): Promise<ConnectionView>;
  test(form: ConnectionForm): Promise<ConnectionTestResult>;
  save(form: ConnectionForm): Promise<ConnectionView>;
  useLocal(): Promise<ConnectionView>;
  /** The form's settings and the URL with the password (typed, or the one kept for the same server and user). */
  target(form: ConnectionForm): Promise<{ settings: ServerSettings; url: string; password: string | undefined }>;
  /** Saves a server connection whose password is already known, and restarts the backend on it. */
  switchTo(settings: ServerSettings, password: string | undefined): Promise<ConnectionView>;
}

/** A backend refusal as main's own, with the backend's code, words and details. */
export function refusalFrom(response: TransportResponse, fallback: string): MainRefusal {
  const body = (response.body ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> };
  return new MainRefusal(body.code ?? fallback, body.message ?? `The backend answered ${response.status}.`, body.details ?? undefined);
}

function sameServer(a: StoredConnection | undefined, b: ServerSettings): boolean {
  return a?.mode === 'server' && a.host === b.host && a.port === b.port && a.user === b.user;
}

export function createWorkstationConnection(options: WorkstationConnectionOptions): WorkstationConnection {
  const { store, transport, log } = options;
  const restart = async (where: string) => {
    try {
      await options.restartBackend();
    } catch (error) {
      log.error('connection.restart_failed', { where, error: error instanceof Error ? error.message.split('\n')[0] : String(error) });
      throw new MainRefusal(
        'connection.restart_failed',
        `The connection was saved (${where}), but the app’s background service did not start again. Close the app and open it again.`,
        { where },
      );
    }
  };
  // One change at a time: two clicks on Connect must not restart the backend twice over each other.
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const target: WorkstationConnection['target'] = async (form) => {
    const settings = checkedSettings(form);
    let password = form.password === undefined || form.password === '' ? undefined : form.password;
    if (password === undefined) {
      // "Keep the saved password" only for the server and user it was saved for.
      const saved = await store.read();
      if (sameServer(saved, settings)) password = store.password(saved!);
    }
    return { settings, url: databaseUrl(settings, password), password };
  };

  const test = async (form: ConnectionForm): Promise<ConnectionTestResult> => {
    const { settings, url } = await target(form);
    const response = await transport.request({ method: 'POST', pathTemplate: TEST_PATH, body: { url }, requestId: randomUUID() });
    if (response.status !== 200) {
      const refusal = refusalFrom(response, 'connection.failed');
      log.info('connection.test', { host: settings.host, database: settings.database, code: refusal.code });
      throw refusal;
    }
    log.info('connection.test', { host: settings.host, database: settings.database, ok: true });
    return response.body as ConnectionTestResult;
  };

  const switchTo: WorkstationConnection['switchTo'] = (settings, password) =>
    inTurn(async () => {
      const connection: StoredConnection = { mode: 'server', ...settings, sealedPassword: password === undefined ? null : store.seal(password) };
      await store.write(connection);
      log.info('connection.saved', { mode: 'server', host: settings.host, database: settings.database, tls: settings.tls });
      await restart(`the server ${settings.host}`);
      return viewOf(store, connection);
    });

  return {
    get: async () => viewOf(store, await store.read().catch(() => undefined)),
    test,
    target,
    switchTo,
    save: async (form) => {
      const { settings, password } = await target(form);
      // Checked first: a workstation is never pointed at a server that does not answer, or at other data.
      const found = await test(form);
      if (found.holds_data && found.schema_revision === null) {
        throw new MainRefusal(
          'connection.not_a_school',
          `The database ${settings.database} on ${settings.host} holds other data, not a school of this app. Choose an empty database, or the one the first desk uses.`,
          { host: settings.host, database: settings.database },
        );
      }
      return switchTo(settings, password);
    },
    useLocal: () =>
      inTurn(async () => {
        await store.write({ mode: 'local' });
        log.info('connection.saved', { mode: 'local' });
        await restart('this computer’s own file');
        return { mode: 'local' } as const;
      }),
  };
}
