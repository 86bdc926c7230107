/**
 * Shared by the benches: the backend and main as the app runs them (electron/main/index.ts), the real bridge
 * on a stand-in ipcMain, and a few measuring helpers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pickBackendCommand } from '../electron/main/backend/backend-command';
import { BackendSupervisor } from '../electron/main/backend/backend-supervisor';
import type { BackendConnection } from '../electron/main/bridge/http-transport';
import { createJsonLogger, type FileLogger } from '../electron/main/log/json-logger';
import { standInBridge } from '../electron/test/support/stand-in-bridge';

export const python = process.env.BENCH_PYTHON ?? '.venv/bin/python';
const APP_ROOT = resolve(__dirname, '..');

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

/** Main's log as the app opens it: info and up, to stderr and to a rotating logs/main.log. */
export function appLogger(dataDir: string): FileLogger {
  return createJsonLogger({ file: join(dataDir, 'logs', 'main.log') });
}

export interface AppBackend {
  connection: BackendConnection;
  pid: number;
  stop(): Promise<void>;
}

/**
 * The dev venv's backend, started by the supervisor as the app starts it: the app's flags (so its own log
 * level, info, and its rotating logs/backend.log), and its stderr relayed to this process's stderr.
 * `env` adds DATABASE_URL for a PostgreSQL run.
 */
export async function startAppBackend(dataDir: string, log: FileLogger, env: NodeJS.ProcessEnv = {}): Promise<AppBackend> {
  const supervisor = new BackendSupervisor({
    command: pickBackendCommand({ appRoot: APP_ROOT, packaged: false }),
    dataDir,
    env: { ...process.env, ...env },
    log,
    readyTimeoutMs: 120_000,
    onStderrData: (chunk) => process.stderr.write(chunk),
  });
  const connection = await supervisor.start();
  return { connection, pid: supervisor.pid()!, stop: () => supervisor.stop() };
}

export interface BridgeRig {
  /** Like a renderer call, but throws unless the envelope is ok; returns its data. */
  data<T>(channel: string, payload?: unknown): Promise<T>;
  dispose(): void;
}

/** setupBridge, as the app builds it (the default policies), on the stand-in ipcMain; calls come from our window's main frame. */
export function bridgeTo(connection: BackendConnection, log: FileLogger): BridgeRig {
  const bridge = standInBridge({ connection: () => connection, log });
  return {
    async data<T>(channel: string, payload?: unknown): Promise<T> {
      const r = await bridge.invoke<T>(channel, payload);
      if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
      return r.data;
    },
    dispose: () => bridge.dispose(),
  };
}

/** User plus system CPU seconds a process has used so far (Linux /proc). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Math.round((Number(line?.split(/\s+/)[1] ?? NaN) / 1024) * 10) / 10;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export const round3 = (x: number): number => Math.round(x * 1000) / 1000;
