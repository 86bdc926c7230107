import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackendState } from '../../shared/app-channels';
import { BackendStartError } from '../../main/backend/backend-process';
import { BackendSupervisor } from '../../main/backend/backend-supervisor';
import { probeHealth } from '../../main/backend/health-probe';
import { backendCommand, freshDataDir } from '../support/real-backend';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function supervised(options: Partial<ConstructorParameters<typeof BackendSupervisor>[0]> = {}) {
  const data = await freshDataDir();
  const supervisor = new BackendSupervisor({ command: backendCommand(), dataDir: data.dir, restartDelayMs: 50, ...options });
  const states: BackendState[] = [];
  supervisor.onStatus((s) => states.push(s.state));
  cleanups.push(data.remove, () => supervisor.stop());
  return { supervisor, states, dataDir: data.dir };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('BackendSupervisor with the real backend', () => {
  it('starts it, waits for the ready line and health, and stops it cleanly with a stop line on its stdin', async () => {
    const stderr: string[] = [];
    const { supervisor, states } = await supervised({ onStderrLine: (line) => stderr.push(line) });
    const conn = await supervisor.start();
    expect(states).toEqual(['starting', 'ready']);
    expect('socketPath' in conn.endpoint).toBe(true);
    expect(conn.secret.length).toBeGreaterThanOrEqual(32);
    const health = await probeHealth(conn, 2_000);
    expect(health).toMatchObject({ status: 'ok', schema_revision: expect.any(String) });
    const pid = supervisor.pid()!;
    expect(isAlive(pid)).toBe(true);

    const started = Date.now();
    await supervisor.stop();
    // It went down when its stdin closed, well inside the grace period, so it was not SIGKILLed; and it
    // stopped cleanly: the WAL was checkpointed back into the database file.
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(isAlive(pid)).toBe(false);
    // A normal stop reads as one in the log, not as a vanished app.
    expect(stderr.join('\n')).toContain('"event": "backend.stopping", "how": "stop_requested"');
    expect(stderr.join('\n')).not.toContain('backend.parent_gone');
    expect(stderr.join('\n')).toMatch(/"db.checkpointed"/);
    expect(states.at(-1)).toBe('down');
  });

  it('refuses a request without the per-launch secret', async () => {
    const { supervisor } = await supervised();
    const conn = await supervisor.start();
    await expect(probeHealth({ ...conn, secret: 'wrong' }, 2_000)).rejects.toThrow(/401/);
  });

  it('restarts a backend that was killed, and reports restarting then ready', async () => {
    const { supervisor, states } = await supervised();
    await supervisor.start();
    const firstPid = supervisor.pid()!;
    process.kill(firstPid, 'SIGKILL');
    await expect.poll(() => states.length, { timeout: 20_000, interval: 50 }).toBe(4);
    expect(states).toEqual(['starting', 'ready', 'restarting', 'ready']);
    expect(supervisor.pid()).not.toBe(firstPid);
    await probeHealth(supervisor.connection()!, 2_000);
  });

  it('holds the backend\'s stdin open as a pipe, so the backend goes when the app goes, even mid start-up', async () => {
    const { supervisor } = await supervised();
    await supervisor.start();
    const { readFile, readlink } = await import('node:fs/promises');
    expect(await readlink(`/proc/${supervisor.pid()}/fd/0`)).toMatch(/^(pipe|socket):/); // libuv makes a "pipe" a socketpair on Linux
    expect(await readFile(`/proc/${supervisor.pid()}/cmdline`, 'utf8')).toContain('--exit-with-stdin');
  });

  it('shows a start-up fault\'s own line and does not restart a backend that cannot start', async () => {
    // The fault is found after the imports, which a loaded machine can stretch past the default 20 s wait.
    const { supervisor, states, dataDir } = await supervised({ readyTimeoutMs: 120_000 });
    await writeFile(join(dataDir, 'odsm.sqlite3'), 'name,phone\nAmara,416-555-0142\n');
    const error = await supervisor.start().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(BackendStartError);
    expect((error as BackendStartError).exitCode).toBe(13);
    expect(states).toEqual(['starting', 'down']);
    expect(supervisor.status().message).toMatch(/odsm\.sqlite3 is not a database: move it away/);
  }, 150_000);

  it('keeps the secret out of argv', async () => {
    const { supervisor } = await supervised();
    const conn = await supervisor.start();
    const { readFile } = await import('node:fs/promises');
    const cmdline = await readFile(`/proc/${supervisor.pid()}/cmdline`, 'utf8').catch(() => '');
    expect(cmdline).not.toContain(conn.secret);
    expect(cmdline).toContain('--data-dir');
  });
});

describe('BackendSupervisor with a broken backend', () => {
  it('fails within the bounded wait with the last stderr lines when the ready line never comes', async () => {
    const { dataDir } = await freshDataDir().then((d) => (cleanups.push(d.remove), { dataDir: d.dir }));
    const script = join(dataDir, 'silent-backend.sh');
    await writeFile(script, '#!/bin/sh\necho "starting up" >&2\necho "sqlite3.OperationalError: unable to open database file" >&2\nsleep 30\n');
    await chmod(script, 0o755);
    const { supervisor, states } = await supervised({ command: { command: script, args: [], source: 'env' }, readyTimeoutMs: 700 });
    const started = Date.now();
    const error = await supervisor.start().then(() => undefined, (e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(error).toBeInstanceOf(BackendStartError);
    expect((error as Error).message).toContain('did not print its ready line within 700 ms');
    expect((error as Error).message).toContain('unable to open database file');
    expect(states).toEqual(['starting', 'down']);
    expect(supervisor.status().stderrTail).toContain('sqlite3.OperationalError: unable to open database file');
  });

  it('says so clearly when the command does not exist', async () => {
    const { supervisor } = await supervised({ command: { command: '/nonexistent/odsm-backend', args: [], source: 'env' } });
    await expect(supervisor.start()).rejects.toThrow(/could not be started|exited before it was ready/);
    expect(supervisor.status().state).toBe('down');
  });

  /** Ready once (the real backend), then every later start prints `line` and exits with `code`. */
  async function readyOnceThenFailing(line: string, code: number, maxRestarts: number) {
    const { dataDir } = await freshDataDir().then((d) => (cleanups.push(d.remove), { dataDir: d.dir }));
    // A marker file tells the first run from the rest.
    const script = join(dataDir, 'flaky-backend.sh');
    const real = backendCommand();
    await writeFile(
      script,
      `#!/bin/sh\nif [ -e "${dataDir}/started" ]; then echo '${line}' >&2; exit ${code}; fi\ntouch "${dataDir}/started"\nexec ${[real.command, ...real.args].join(' ')} "$@"\n`,
    );
    await chmod(script, 0o755);
    const { supervisor, states } = await supervised({ command: { command: script, args: [], source: 'env' }, maxRestarts });
    await supervisor.start();
    process.kill(supervisor.pid()!, 'SIGKILL');
    await expect.poll(() => states.at(-1), { timeout: 10_000, interval: 50 }).toBe('down');
    return { supervisor, states, dataDir };
  }

  it('gives up after the bounded number of restarts and reports down', async () => {
    const { supervisor, states } = await readyOnceThenFailing('crashed on start', 3, 2);
    expect(states).toEqual(['starting', 'ready', 'restarting', 'restarting', 'down']);
    expect(supervisor.status().stderrTail).toContain('crashed on start');
  });

  it('stops restarting at once when a restart meets a fault a restart cannot fix', async () => {
    const line = 'odsm: the disk holding /data/odsm.sqlite3 is full: free some space on it, then start the app again';
    const { supervisor, states } = await readyOnceThenFailing(line, 15, 5);
    expect(states).toEqual(['starting', 'ready', 'restarting', 'down']);
    expect(supervisor.status().message).toBe('The disk holding /data/odsm.sqlite3 is full: free some space on it, then start the app again');
  });
});
