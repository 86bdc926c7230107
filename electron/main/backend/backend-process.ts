import { spawn as nodeSpawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { BackendConnection, BackendEndpoint } from '../bridge/http-transport';
import type { BackendCommand } from './backend-command';
import { createStderrTail } from './stderr-tail';

export type SpawnFn = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;

export type ListenMode = { uds: string } | { host: string; port: number };

export interface ReadyLine {
  event: 'backend.ready';
  pid: number;
  schema: string | null;
  uds?: string;
  host?: string;
  port?: number;
}

export interface LaunchOptions {
  command: BackendCommand;
  dataDir: string;
  listen: ListenMode;
  secret: string;
  /** The child's environment, before ODSM_API_SECRET is added. */
  env: NodeJS.ProcessEnv;
  readyTimeoutMs: number;
  stderrTailLines: number;
  spawn?: SpawnFn;
  /** Every stderr line, split (tests, diagnostics); costs a readline event a line, so only when asked. */
  onStderrLine?: (line: string) => void;
  /** Stderr as it comes, in chunks: the app relays it to its own stderr this way. */
  onStderrData?: (chunk: Buffer) => void;
}

export interface RunningBackend {
  child: ChildProcess;
  ready: ReadyLine;
  connection: BackendConnection;
  stderrTail(): string[];
  /** Resolves when the process has exited (already resolved if it has). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Exit codes of start-up faults that a restart cannot fix (a read-only or foreign database file, a full
 * disk, a newer schema, a refused configuration): the list lives in backend/odsm/core/startup_faults.py.
 */
export const UNFIXABLE_EXIT_CODES: ReadonlySet<number> = new Set([2, 10, 11, 12, 13, 14, 15]);

/** The backend could not start; carries its last stderr lines for the user and the log. */
export class BackendStartError extends Error {
  constructor(
    message: string,
    readonly stderrTail: string[],
    readonly exitCode: number | null = null,
  ) {
    super(stderrTail.length ? `${message}\nLast backend stderr lines:\n${stderrTail.join('\n')}` : message);
    this.name = 'BackendStartError';
  }

  /** A start-up fault's one plain line ("odsm: <what, where, what to do>"), for the user. */
  get faultLine(): string | undefined {
    if (this.exitCode === null || !UNFIXABLE_EXIT_CODES.has(this.exitCode)) return undefined;
    const line = [...this.stderrTail].reverse().find((l) => l.startsWith('odsm: '));
    if (!line) return undefined;
    const text = line.slice('odsm: '.length);
    return text.charAt(0).toUpperCase() + text.slice(1);
  }
}

function argsFor(listen: ListenMode): string[] {
  return 'uds' in listen ? ['--uds', listen.uds] : ['--host', listen.host, '--port', String(listen.port)];
}

function parseReady(line: string): ReadyLine | undefined {
  try {
    const value = JSON.parse(line) as Partial<ReadyLine>;
    return value && value.event === 'backend.ready' ? (value as ReadyLine) : undefined;
  } catch {
    return undefined;
  }
}

function endpointOf(ready: ReadyLine, listen: ListenMode): BackendEndpoint {
  if (ready.uds) return { socketPath: ready.uds };
  if (ready.port !== undefined) return { host: ready.host ?? '127.0.0.1', port: ready.port };
  if ('uds' in listen) return { socketPath: listen.uds };
  throw new Error('the ready line names neither a socket nor a port');
}

/** Spawns the backend and waits, bounded, for its one JSON ready line on stdout. */
export function launchBackend(o: LaunchOptions): Promise<RunningBackend> {
  const spawn = o.spawn ?? nodeSpawn;
  // --exit-with-stdin: the backend exits when its stdin reaches end of file, which happens on every OS
  // the moment this process dies, even while the backend is still importing or migrating.
  const args = [...o.command.args, '--data-dir', o.dataDir, ...argsFor(o.listen), '--exit-with-stdin'];
  // The secret goes through the environment, never argv (argv is visible to every local user).
  const child = spawn(o.command.command, args, {
    env: { ...o.env, ODSM_API_SECRET: o.secret, PYTHONUNBUFFERED: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
    windowsHide: true,
  });
  // Held open and never written: a backend that already exited must not turn into an EPIPE crash here.
  child.stdin?.on('error', () => undefined);
  const tail = createStderrTail(o.stderrTailLines);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: null, signal: null }));
  });
  if (child.stderr) {
    const relay = o.onStderrData;
    child.stderr.on('data', (chunk: Buffer) => {
      tail.add(chunk);
      relay?.(chunk);
    });
    if (o.onStderrLine) createInterface({ input: child.stderr }).on('line', o.onStderrLine);
  }
  const stderrTail = () => tail.lines();
  const described = `${o.command.command} ${o.command.args.join(' ')}`.trim();

  return new Promise<RunningBackend>((resolve, reject) => {
    let settled = false;
    const failWith = (message: string, exitCode: number | null = null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      // Give the stderr reader a moment to drain the lines explaining the failure.
      void Promise.race([exited, new Promise((r) => setTimeout(r, 200))]).then(() => reject(new BackendStartError(message, stderrTail(), exitCode)));
    };
    const timer = setTimeout(() => failWith(`backend (${described}) did not print its ready line within ${o.readyTimeoutMs} ms`), o.readyTimeoutMs);
    child.once('error', (error) => failWith(`backend (${described}) could not be started: ${error.message}`));
    void exited.then(({ code, signal }) =>
      failWith(`backend (${described}) exited before it was ready (code ${code}, signal ${signal})`, code),
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const ready = parseReady(line);
      if (!ready || settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ child, ready, connection: { endpoint: endpointOf(ready, o.listen), secret: o.secret }, stderrTail, exited });
    });
  });
}
