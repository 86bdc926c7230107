// The real backend under a supervisor that reads its environment from a connection store, as main does,
// with setupBridge's Database server channels on the ipcMain stand-in; and PostgreSQL databases to point at.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { BackendSupervisor } from '../../main/backend/backend-supervisor';
import { backendEnvironment, CONNECTION_FILE, createFileConnectionStore, type ConnectionStore } from '../../main/connection/connection-store';
import { keyedBox } from '../../main/connection/secret-box';
import { silentLogger } from '../../main/log/json-logger';
import { APP_ROOT, backendCommand, freshDataDir } from './real-backend';
import { standInBridge, type StandInBridge } from './stand-in-bridge';

const python = join(APP_ROOT, '.venv', 'bin', 'python');
const engines = join(APP_ROOT, 'backend', 'tests', 'engines.py');

export interface WorkstationBridge {
  bridge: StandInBridge;
  supervisor: BackendSupervisor;
  store: ConnectionStore;
  dataDir: string;
  connectionFile: string;
  stop(): Promise<void>;
}

export async function startWorkstationBridge(): Promise<WorkstationBridge> {
  const data = await freshDataDir();
  const connectionFile = join(data.dir, CONNECTION_FILE);
  // The tests' own key in place of safeStorage: sealed the same way, openable by no other key.
  const store = createFileConnectionStore(connectionFile, keyedBox());
  const supervisor = new BackendSupervisor({
    command: backendCommand(),
    dataDir: data.dir,
    environment: () => backendEnvironment(data.env, store),
    readyTimeoutMs: 90_000,
    healthTimeoutMs: 30_000,
  });
  await supervisor.start();
  const bridge = standInBridge({
    connection: () => supervisor.connection(),
    log: silentLogger,
    app: { backendStatus: () => supervisor.status() },
    workstation: { store, restartBackend: async () => void (await supervisor.restart()) },
  });
  return {
    bridge,
    supervisor,
    store,
    dataDir: data.dir,
    connectionFile,
    stop: async () => {
      bridge.dispose();
      await supervisor.stop();
      await data.remove();
    },
  };
}

/** A new, empty PostgreSQL database on the local test server; its URL (postgresql+psycopg://postgres@127.0.0.1:5432/<name>). */
export function createPgDatabase(): string {
  return execFileSync(python, [engines, 'create'], { encoding: 'utf8' }).trim();
}

export function dropPgDatabase(url: string): void {
  execFileSync(python, [engines, 'drop', url]);
}

/** SQL on a database behind the app's back, as psql would. */
export function pgSql(url: string, sql: string): void {
  execFileSync(python, [engines, 'sql', url, sql]);
}
