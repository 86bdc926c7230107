import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BackendState, BackendStatus } from '../../shared/app-channels';
import type { BackendConnection } from '../bridge/http-transport';
import { silentLogger, type Logger } from '../log/json-logger';
import type { BackendCommand } from './backend-command';
import { BackendStartError, launchBackend, type ListenMode, type RunningBackend, type SpawnFn } from './backend-process';
import { probeHealth, waitForHealth } from './health-probe';

export interface SupervisorOptions {
  /** Spawn this backend... */
  command?: BackendCommand;
  /** ...or attach to one that already runs (make dev); then the supervisor only watches health. */
  attach?: BackendConnection;
  /** --data-dir: app.getPath('userData') in the app. */
  dataDir: string;
  platform?: NodeJS.Platform;
  /** The child's environment (ODSM_API_SECRET is added). Defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Or the child's environment read afresh at every launch (this workstation's DATABASE_URL, from connection.json). */
  environment?: () => Promise<NodeJS.ProcessEnv>;
  readyTimeoutMs?: number;
  healthTimeoutMs?: number;
  /** Restarts in a row before giving up with status "down". */
  maxRestarts?: number;
  restartDelayMs?: number;
  maxRestartDelayMs?: number;
  /** A backend that stayed up this long gets a fresh restart budget. */
  stableAfterMs?: number;
  /** Stdin closed (a clean stop), then SIGKILL after this long. */
  stopGraceMs?: number;
  stderrTailLines?: number;
  spawn?: SpawnFn;
  log?: Logger;
  onStderrLine?: (line: string) => void;
  /** The backend's stderr as it comes (the app relays it to its own stderr, a chunk at a time). */
  onStderrData?: (chunk: Buffer) => void;
}

const defaults = {
  readyTimeoutMs: 20_000,
  healthTimeoutMs: 10_000,
  maxRestarts: 5,
  restartDelayMs: 500,
  maxRestartDelayMs: 8_000,
  stableAfterMs: 30_000,
  stopGraceMs: 5_000,
  stderrTailLines: 50,
};

type StatusListener = (status: BackendStatus) => void;

/** Starts the backend, waits for it, restarts it when it dies, and says how it is doing. Electron-free. */
export class BackendSupervisor {
  private readonly o: SupervisorOptions & typeof defaults;
  private readonly log: Logger;
  private readonly secret = randomBytes(32).toString('base64url');
  private readonly listeners = new Set<StatusListener>();
  private current: BackendStatus = { state: 'starting', at: new Date().toISOString() };
  private running: RunningBackend | undefined;
  private conn: BackendConnection | undefined;
  private socketDir: string | undefined;
  private startedAt = 0;
  private attempts = 0;
  private restarts = 0;
  private stopping = false;
  private wakeRestart: (() => void) | undefined;

  constructor(options: SupervisorOptions) {
    if (!options.command === !options.attach) throw new Error('give the supervisor either a command or an attach target');
    this.o = { ...defaults, ...options };
    this.log = options.log ?? silentLogger;
  }

  status(): BackendStatus {
    return this.current;
  }

  /** How many times the backend was restarted after dying, since the app started (Help → Diagnostics). */
  restartCount(): number {
    return this.restarts;
  }

  /** The live endpoint and secret, or undefined while the backend is not up. */
  connection(): BackendConnection | undefined {
    return this.conn;
  }

  pid(): number | undefined {
    return this.running?.child.pid;
  }

  onStatus(listener: StatusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once the backend is ready and healthy; rejects with BackendStartError (status "down"). */
  async start(): Promise<BackendConnection> {
    this.setStatus('starting');
    try {
      if (this.o.attach) {
        await waitForHealth(this.o.attach, this.o.healthTimeoutMs);
        this.conn = this.o.attach;
      } else {
        await this.launchOnce();
      }
    } catch (error) {
      this.logProgramFault(error);
      if (error instanceof BackendStartError && error.unreachableServer && !this.stopping) {
        // A workstation on a server waits for it, saying which; it never falls back to a file of its own.
        await this.restartLoop(error.stderrTail, error.unreachableServer);
        if (this.conn) return this.conn;
        throw error; // stopped meanwhile, or the loop gave up and said why
      }
      const tail = error instanceof BackendStartError ? error.stderrTail : [];
      const message = (error instanceof BackendStartError && error.faultLine) || (error instanceof Error ? error.message : String(error));
      this.setStatus('down', { message, stderrTail: tail });
      throw error instanceof BackendStartError ? error : new BackendStartError(String((error as Error)?.message ?? error), tail);
    }
    this.setStatus('ready');
    return this.conn!;
  }

  /** The bridge's breaker opened: say so, and look at the process. */
  breakerOpened(): void {
    if (this.current.state === 'ready') this.setStatus('degraded', { message: 'The backend stopped answering calls.' });
    void this.checkBackend();
  }

  /** The bridge's breaker closed again. */
  breakerReset(): void {
    if (this.current.state === 'degraded' || (this.o.attach && this.current.state === 'down')) this.setStatus('ready');
  }

  /** Stops the backend and starts it again, with the environment read afresh (a new database connection). */
  async restart(): Promise<BackendConnection> {
    if (this.o.attach) throw new Error('an attached backend is not restarted by the app');
    await this.halt();
    this.stopping = false;
    this.attempts = 0;
    return this.start();
  }

  async stop(): Promise<void> {
    await this.halt();
    this.setStatus('down', { message: 'stopped' });
  }

  private async halt(): Promise<void> {
    this.stopping = true;
    this.wakeRestart?.();
    const running = this.running;
    this.running = undefined;
    this.conn = undefined;
    if (running && running.child.exitCode === null && running.child.signalCode === null) {
      // A "stop" line, then end of file, on its stdin asks the backend to stop cleanly (it checkpoints the WAL,
      // then exits), the same way on every OS: on Windows kill('SIGTERM') would end it at once, with no
      // checkpoint. The line tells a normal stop from a vanished app, whose pipe only reaches end of file.
      running.child.stdin?.end('stop\n');
      let timer: NodeJS.Timeout | undefined;
      const graceExpired = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), this.o.stopGraceMs)));
      const graceful = await Promise.race([running.exited.then(() => true), graceExpired]);
      clearTimeout(timer);
      if (!graceful) {
        this.log.warn('backend.kill', { pid: running.child.pid, graceMs: this.o.stopGraceMs });
        running.child.kill('SIGKILL');
        await running.exited;
      }
    }
    if (this.socketDir) await rm(this.socketDir, { recursive: true, force: true });
    this.socketDir = undefined;
  }

  private async checkBackend(): Promise<void> {
    const conn = this.conn;
    if (!conn) return; // already restarting
    try {
      await probeHealth(conn, 2_000);
      this.log.info('backend.check', { healthy: true });
    } catch (error) {
      this.log.warn('backend.check', { healthy: false, error: (error as Error).message });
      // A spawned backend that died is restarted by the exit handler; an attached one we can only report.
      if (this.o.attach) this.setStatus('down', { message: 'The backend does not answer its health check.' });
    }
  }

  private async listenMode(): Promise<ListenMode> {
    if ((this.o.platform ?? process.platform) === 'win32') return { host: '127.0.0.1', port: 0 };
    if (!this.socketDir) {
      // mkdtemp makes the directory 0700; chmod says so explicitly, since the backend refuses anything wider.
      this.socketDir = await mkdtemp(join(tmpdir(), 'odsm-'));
      await chmod(this.socketDir, 0o700);
    }
    return { uds: join(this.socketDir, 'backend.sock') };
  }

  private async launchOnce(): Promise<void> {
    const running = await launchBackend({
      command: this.o.command!,
      dataDir: this.o.dataDir,
      listen: await this.listenMode(),
      secret: this.secret,
      env: this.o.environment ? await this.o.environment() : (this.o.env ?? process.env),
      readyTimeoutMs: this.o.readyTimeoutMs,
      stderrTailLines: this.o.stderrTailLines,
      spawn: this.o.spawn,
      onStderrLine: this.o.onStderrLine,
      onStderrData: this.o.onStderrData,
    });
    try {
      await waitForHealth(running.connection, this.o.healthTimeoutMs);
    } catch (error) {
      running.child.kill('SIGKILL');
      throw new BackendStartError((error as Error).message, running.stderrTail());
    }
    if (this.stopping) {
      running.child.kill('SIGTERM');
      throw new BackendStartError('the app is quitting', []);
    }
    this.running = running;
    this.conn = running.connection;
    this.startedAt = Date.now();
    this.log.info('backend.ready', { pid: running.child.pid, schema: running.ready.schema, source: this.o.command!.source });
    void running.exited.then((exit) => this.onExit(running, exit));
  }

  private onExit(running: RunningBackend, exit: { code: number | null; signal: NodeJS.Signals | null }): void {
    if (this.stopping || running !== this.running) return;
    this.running = undefined;
    this.conn = undefined;
    this.log.warn('backend.exited', { pid: running.child.pid, code: exit.code, signal: exit.signal });
    if (Date.now() - this.startedAt > this.o.stableAfterMs) this.attempts = 0;
    void this.restartLoop(running.stderrTail());
  }

  private async restartLoop(lastTail: string[], unreachable?: string): Promise<void> {
    let tail = lastTail;
    // The server this workstation waits for: tried for as long as it takes, every maxRestartDelayMs at most.
    let server = unreachable;
    while (!this.stopping) {
      this.attempts += 1;
      this.restarts += 1;
      if (this.attempts > this.o.maxRestarts && !server) {
        const message = `The backend stopped and did not come back after ${this.o.maxRestarts} restarts.`;
        this.log.error('backend.gave_up', { restarts: this.o.maxRestarts });
        this.setStatus('down', { message, stderrTail: tail });
        return;
      }
      const waiting = server ? { server, message: `The database server at ${server} does not answer. The app keeps trying; nothing is saved on this computer meanwhile.` } : {};
      this.setStatus('restarting', { attempt: this.attempts, stderrTail: tail, ...waiting });
      const delay = Math.min(this.o.maxRestartDelayMs, this.o.restartDelayMs * 2 ** (this.attempts - 1));
      await new Promise<void>((resolve) => {
        this.wakeRestart = resolve;
        setTimeout(resolve, delay);
      });
      this.wakeRestart = undefined;
      if (this.stopping) return;
      try {
        await this.launchOnce();
        this.setStatus('ready');
        return;
      } catch (error) {
        tail = error instanceof BackendStartError ? error.stderrTail : tail;
        this.logProgramFault(error);
        server = error instanceof BackendStartError ? error.unreachableServer : undefined;
        this.log.warn('backend.restart_failed', { attempt: this.attempts, server, error: (error as Error).message.split('\n')[0] });
        const fault = error instanceof BackendStartError ? error.faultLine : undefined;
        if (fault) {
          // A read-only or foreign file, a full disk, a newer schema: another restart would only fail again.
          this.log.error('backend.start_fault', { exitCode: (error as BackendStartError).exitCode, fault });
          this.setStatus('down', { message: fault, stderrTail: tail });
          return;
        }
      }
    }
  }

  /** A missing or blocked program goes to the log by name, beside the banner that says it to the user. */
  private logProgramFault(error: unknown): void {
    const fault = error instanceof BackendStartError ? error.programFault : undefined;
    if (fault) this.log.error('backend.program_fault', { reason: fault.reason, file: fault.file });
  }

  private setStatus(state: BackendState, extra: Partial<Omit<BackendStatus, 'state' | 'at'>> = {}): void {
    this.current = { state, ...extra, at: new Date().toISOString() };
    this.log.info('backend.status', { state, attempt: extra.attempt });
    for (const listener of this.listeners) listener(this.current);
  }
}
