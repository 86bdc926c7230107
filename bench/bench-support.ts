/** Shared by the benches: start a process and wait for its ready line; the real bridge on a stand-in ipcMain. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createJsonLogger } from '../electron/main/log/json-logger';
import { standInBridge } from '../electron/test/support/stand-in-bridge';

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
  /** Like a renderer call, but throws unless the envelope is ok; returns its data. */
  data<T>(channel: string, payload?: unknown): Promise<T>;
  dispose(): void;
}

/** setupBridge, as the app builds it, on the stand-in ipcMain; calls come from our window's main frame. */
export function bridgeTo(socketPath: string, secret: string): BridgeRig {
  const bridge = standInBridge({
    connection: () => ({ endpoint: { socketPath }, secret }),
    log: createJsonLogger({ level: 'warn' }),
    policy: { timeoutMs: 30_000 },
  });
  return {
    async data<T>(channel: string, payload?: unknown): Promise<T> {
      const r = await bridge.invoke<T>(channel, payload);
      if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
      return r.data;
    },
    dispose: () => bridge.dispose(),
  };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export const round3 = (x: number): number => Math.round(x * 1000) / 1000;
