/**
 * Starts the real backend for the e2e harness and `make preview`: a fresh socket in a 0700 directory,
 * the per-launch secret in the environment (never argv), and the one JSON ready line on stdout.
 *
 * This is the harness's own small launcher until electron/main/backend/backend-supervisor.ts can be
 * driven from here; it honours ODSM_BACKEND_COMMAND the same way (a command line, split on spaces,
 * e.g. "build/frozen/odsm/odsm" for the frozen backend).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { BackendConnection } from '../electron/main/bridge/http-transport';

/** Found by walking up, because this file also runs bundled from e2e/out/ (make preview). */
function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'shared-contracts', 'channels.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no repository root above ${start}`);
  }
}

export const repoRoot = findRepoRoot(import.meta.dirname);

export interface BackendProcess {
  connection: BackendConnection;
  /** The backend's ready line, parsed. */
  ready: Record<string, unknown>;
  /** The last stderr lines, for a clear failure message. */
  stderrTail(): string[];
  /** Resolves with the exit code when the process ends (by stop() or by itself). */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export interface StartBackendOptions {
  dataDir: string;
  readyTimeoutMs?: number;
  /** Extra environment, e.g. ODSM_LOG_LEVEL. */
  env?: Record<string, string>;
}

export function backendCommand(): { command: string; args: string[] } {
  const override = process.env.ODSM_BACKEND_COMMAND?.trim();
  if (override) {
    const [command, ...args] = override.split(/\s+/) as [string, ...string[]];
    return { command, args };
  }
  return { command: join(repoRoot, '.venv/bin/python'), args: ['-m', 'odsm'] };
}

export async function startBackend(options: StartBackendOptions): Promise<BackendProcess> {
  const socketDir = mkdtempSync(join(tmpdir(), 'odsm-e2e-')); // mkdtemp makes it 0700
  const socketPath = join(socketDir, 'backend.sock');
  const secret = randomBytes(32).toString('hex');
  const { command, args } = backendCommand();
  const child = spawn(command, [...args, '--data-dir', options.dataDir, '--uds', socketPath], {
    cwd: repoRoot,
    env: { ...process.env, ...options.env, ODSM_API_SECRET: secret },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  const tail: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    tail.push(line);
    if (tail.length > 30) tail.shift();
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const cleanup = () => rmSync(socketDir, { recursive: true, force: true });
  void exited.then(cleanup);

  let ready: Record<string, unknown>;
  try {
    ready = await waitForReadyLine(child, exited, options.readyTimeoutMs ?? 30_000);
  } catch (error) {
    child.kill('SIGKILL');
    const detail = tail.slice(-10).join('\n');
    throw new Error(`${(error as Error).message}\ncommand: ${command} ${args.join(' ')}\nlast stderr lines:\n${detail}`);
  }

  return {
    connection: { endpoint: { socketPath }, secret },
    ready,
    stderrTail: () => [...tail],
    exited,
    stop: () => stopProcess(child, exited),
  };
}

function waitForReadyLine(child: ChildProcess, exited: Promise<number | null>, timeoutMs: number): Promise<Record<string, unknown>> {
  return new Promise((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`backend: no ready line within ${timeoutMs} ms`)), timeoutMs);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      try {
        const message = JSON.parse(line) as Record<string, unknown>;
        if (message.event === 'backend.ready') {
          clearTimeout(timer);
          resolveReady(message);
        }
      } catch {
        // Not the ready line; the backend prints only that one line on stdout, but stay tolerant.
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`backend: could not start (${error.message})`));
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`backend: exited with code ${code} before it was ready`));
    });
  });
}

/** SIGTERM (the backend checkpoints its WAL), then SIGKILL after a grace period. */
async function stopProcess(child: ChildProcess, exited: Promise<number | null>, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
