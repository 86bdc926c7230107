/** Shared by the benches: start a process and wait for its ready line; the real bridge on a stand-in ipcMain. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createBridge, registerChannels } from '../electron/main/bridge/bridge';
import { createHttpTransport, type Transport } from '../electron/main/bridge/http-transport';
import { IpcMainStandIn } from '../electron/main/bridge/ipc-main-stand-in';
import { loadManifest } from '../electron/main/bridge/manifest';
import { createBackendPolicies } from '../electron/main/bridge/policies';
import { createSenderCheck } from '../electron/main/bridge/sender-check';
import { createJsonLogger } from '../electron/main/log/json-logger';

const ORIGIN = 'app://odsm';
export const EVENT = { senderFrame: { url: `${ORIGIN}/index.html`, parent: null } };
export const python = process.env.BENCH_PYTHON ?? '.venv/bin/python';

export function startAndWait(command: string, args: string[], env: NodeJS.ProcessEnv, marker: string): Promise<ChildProcess> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`${command}: no ready line within 60 s`)), 60_000);
    rl.on('line', (line) => {
      if (line.includes(marker)) {
        clearTimeout(timer);
        rl.close();
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`${command} exited with ${code} before ready`)));
  });
}

export interface BridgeRig {
  invoke(channel: string, payload?: unknown): Promise<unknown>;
  /** Like invoke, but throws unless the envelope is ok; returns its data. */
  data<T>(channel: string, payload?: unknown): Promise<T>;
  transport: Transport;
}

export function bridgeTo(socketPath: string, secret: string): BridgeRig {
  const transport = createHttpTransport({ connection: () => ({ endpoint: { socketPath }, secret }), maxSockets: 16 });
  const ipc = new IpcMainStandIn();
  registerChannels(
    ipc,
    createBridge({
      manifest: loadManifest(),
      transport,
      policies: createBackendPolicies({ timeoutMs: 30_000 }),
      log: createJsonLogger({ level: 'warn' }),
      isTrustedSender: createSenderCheck({ allowedOrigins: [ORIGIN] }),
    }),
  );
  const invoke = (channel: string, payload?: unknown) => ipc.invoke(channel, EVENT, payload);
  return {
    invoke,
    transport,
    async data<T>(channel: string, payload?: unknown): Promise<T> {
      const r = (await invoke(channel, payload)) as { ok: boolean; data?: T; error?: unknown };
      if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
      return r.data as T;
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export const round3 = (x: number): number => Math.round(x * 1000) / 1000;
