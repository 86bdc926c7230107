import { readdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackendStatus } from '../../shared/app-channels';
import { BackendSupervisor } from '../../main/backend/backend-supervisor';
import { backendEnvironment, createFileConnectionStore } from '../../main/connection/connection-store';
import { keyedBox } from '../../main/connection/secret-box';
import { backendCommand, freshDataDir } from '../support/real-backend';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('a workstation whose database server does not answer', () => {
  it('says which server, keeps trying past the restart limit, and never starts on a local file instead', async () => {
    const data = await freshDataDir();
    cleanups.push(data.remove);
    const store = createFileConnectionStore(join(data.dir, 'connection.json'), keyedBox());
    const port = await closedPort();
    await store.write({ mode: 'server', host: '127.0.0.1', port, database: 'school', user: 'frontdesk', tls: 'disable', sealedPassword: store.seal('pw') });
    // maxRestarts 0: any second try at all is past the limit a dying backend gets.
    const supervisor = new BackendSupervisor({
      command: backendCommand(),
      dataDir: data.dir,
      environment: () => backendEnvironment(data.env, store),
      maxRestarts: 0,
      restartDelayMs: 50,
      maxRestartDelayMs: 100,
      readyTimeoutMs: 90_000,
    });
    const seen: BackendStatus[] = [];
    let secondTry: () => void = () => undefined;
    const triedTwice = new Promise<void>((resolve) => (secondTry = resolve));
    supervisor.onStatus((status) => {
      seen.push(status);
      if (status.state === 'restarting' && (status.attempt ?? 0) >= 2) secondTry();
    });
    const started = supervisor.start().then(
      () => 'started',
      () => 'refused',
    );
    await triedTwice;
    await supervisor.stop();
    expect(await started).toBe('refused');
    const waiting = seen.filter((status) => status.state === 'restarting');
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    for (const status of waiting) {
      expect(status.server).toBe(`127.0.0.1:${port}`);
      expect(status.message).toMatch(new RegExp(`database server at 127\\.0\\.0\\.1:${port} does not answer.*keeps trying`));
    }
    // Never "down" before the app itself stopped it, and no SQLite school was made in its place.
    expect(seen.slice(0, -1).some((status) => status.state === 'down')).toBe(false);
    expect((await readdir(data.dir)).filter((name) => name.startsWith('odsm.sqlite3'))).toEqual([]);
  }, 240_000);
});
