import { spawn as nodeSpawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { BackendConnection, BackendEndpoint } from '../bridge/http-transport';
import type { BackendCommand } from './backend-command';
import { faultOfSilentExit, faultOfSpawnError, type ProgramFault } from './backend-program-fault';
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

/** The database server did not answer or refused the connection (startup_faults.py): a restart may help. */
export const SERVER_UNREACHABLE_EXIT_CODE = 16;

/** The backend could not start; carries its last stderr lines for the user and the log. */
export class BackendStartError extends Error {
  constructor(
    message: string,
    readonly stderrTail: string[],
    readonly exitCode: number | null = null,
    /** The program itself is missing, may not be run, or died without a word (see backend-program-fault). */
    readonly programFault?: ProgramFault,
  ) {
    super(stderrTail.length ? `${message}\nLast backend stderr lines:\n${stderrTail.join('\n')}` : message);
    this.name = 'BackendStartError';
  }

  /** The server ("host:port") when the backend could not reach its database server; undefined otherwise. */
  get unreachableServer(): string | undefined {
    if (this.exitCode !== SERVER_UNREACHABLE_EXIT_CODE) return undefined;
    const line = [...this.stderrTail].reverse().find((l) => l.startsWith('odsm: the database server at '));
    return line?.slice('odsm: the database server at '.length).split(' ')[0] ?? 'the database server';
  }

  /** A start-up fault's one plain line ("odsm: <what, where, what to do>"), for the user. */
  get faultLine(): string | undefined {
    if (this.programFault) return this.programFault.message;
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
  // Held open, and written only to ask for a stop: a backend that already exited must not turn into an
  // EPIPE crash here.
  child.stdin?.on('error', () => undefined);
  const tail = createStderrTail(o.stderrTailLines);
  let printedAnything = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: null, signal: null }));
  });
  const closed = new Promise<void>((resolve) => {
    child.once('close', () => resolve());
    child.once('error', () => resolve());
  });
  if (child.stderr) {
    const relay = o.onStderrData;
    child.stderr.on('data', (chunk: Buffer) => {
      printedAnything = true;
      tail.add(chunk);
      relay?.(chunk);
    });
    if (o.onStderrLine) createInterface({ input: child.stderr }).on('line', o.onStderrLine);
  }
  const stderrTail = () => tail.lines();
  const described = `${o.command.command} ${o.command.args.join(' ')}`.trim();

  return new Promise<RunningBackend>((resolve, reject) => {
    let settled = false;
    const failWith = (message: string, exitCode: number | null = null, programFault?: () => ProgramFault | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      // Let the readers drain the lines explaining the failure ('close' comes once stdout and stderr are
      // done), bounded in case a grandchild holds them open.
      let drainTimer: NodeJS.Timeout | undefined;
      void Promise.race([closed, new Promise((r) => (drainTimer = setTimeout(r, 2_000)))]).then(() => {
        clearTimeout(drainTimer);
        reject(new BackendStartError(message, stderrTail(), exitCode, programFault?.()));
      });
    };
    const timer = setTimeout(() => failWith(`backend (${described}) did not print its ready line within ${o.readyTimeoutMs} ms`), o.readyTimeoutMs);
    child.once('error', (error) =>
      failWith(`backend (${described}) could not be started: ${error.message}`, null, () => faultOfSpawnError(o.command, error)),
    );
    void exited.then(({ code, signal }) =>
      failWith(`backend (${described}) exited before it was ready (code ${code}, signal ${signal})`, code, () =>
        faultOfSilentExit(o.command, printedAnything, signal),
      ),
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      printedAnything = true;
      const ready = parseReady(line);
      if (!ready || settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ child, ready, connection: { endpoint: endpointOf(ready, o.listen), secret: o.secret }, stderrTail, exited });
    });
  });
}
