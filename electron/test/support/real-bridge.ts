// The real backend under the real supervisor, with setupBridge on the ipcMain stand-in: what the contract
// tests call through. Each gets a fresh data dir, removed at stop.
import { BackendSupervisor } from '../../main/backend/backend-supervisor';
import { silentLogger } from '../../main/log/json-logger';
import { backendCommand, freshDataDir } from './real-backend';
import { standInBridge, type StandInBridge, type StandInBridgeOptions } from './stand-in-bridge';

export interface RealBridge {
  bridge: StandInBridge;
  supervisor: BackendSupervisor;
  dataDir: string;
  /** The backend's environment (DATABASE_URL on PostgreSQL). */
  env: NodeJS.ProcessEnv;
  /** Calls a channel and unwraps its envelope; a refusal throws with the error in the message. */
  call<T = unknown>(channel: string, payload?: unknown): Promise<T>;
  stop(): Promise<void>;
}

type Extra = Omit<StandInBridgeOptions, 'connection' | 'log'>;

/** `extra` may use the data dir, e.g. for the anchor file that main keeps beside the database. */
export async function startRealBridge(extra: (dataDir: string) => Extra = () => ({})): Promise<RealBridge> {
  const data = await freshDataDir();
  const supervisor = new BackendSupervisor({ command: backendCommand(), dataDir: data.dir, env: data.env, readyTimeoutMs: 45_000 });
  await supervisor.start();
  const bridge = standInBridge({
    connection: () => supervisor.connection(),
    log: silentLogger,
    app: { backendStatus: () => supervisor.status() },
    ...extra(data.dir),
  });
  return {
    bridge,
    supervisor,
    dataDir: data.dir,
    env: data.env,
    call: async <T>(channel: string, payload: unknown = {}) => {
      const result = await bridge.invoke<T>(channel, payload);
      if (!result.ok) throw new Error(`${channel} answered ${JSON.stringify(result.error)}`);
      return result.data;
    },
    stop: async () => {
      bridge.dispose();
      await supervisor.stop();
      await data.remove();
    },
  };
}
