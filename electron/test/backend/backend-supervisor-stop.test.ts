import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackendSupervisor } from '../../main/backend/backend-supervisor';
import { freshDataDir } from '../support/real-backend';
import { ScriptedBackend } from '../support/scripted-backend';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

// A backend that serves health on its socket, prints the ready line, and neither reads its stdin nor minds SIGTERM.
const stubbornBackend = `#!${process.execPath}
const http = require('node:http');
const uds = process.argv[process.argv.indexOf('--uds') + 1];
process.on('SIGTERM', () => process.stderr.write('ignoring SIGTERM\\n'));
http.createServer((req, res) => res.end(JSON.stringify({ status: 'ok', version: 'x', schema_revision: null, database: 'none' })))
  .listen(uds, () => process.stdout.write(JSON.stringify({ event: 'backend.ready', pid: process.pid, schema: null, uds }) + '\\n'));
`;

describe('BackendSupervisor.stop', () => {
  it('asks by closing stdin, never by SIGTERM (which ends a Windows process at once), and SIGKILLs after the grace period', async () => {
    const data = await freshDataDir();
    cleanups.push(data.remove);
    const script = join(data.dir, 'stubborn.cjs');
    await writeFile(script, stubbornBackend);
    await chmod(script, 0o755);
    const lines: string[] = [];
    const supervisor = new BackendSupervisor({
      command: { command: script, args: [], source: 'env' },
      dataDir: data.dir,
      stopGraceMs: 400,
      onStderrLine: (l) => lines.push(l),
    });
    await supervisor.start();
    const pid = supervisor.pid()!;
    const started = Date.now();
    await supervisor.stop();
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(lines).not.toContain('ignoring SIGTERM');
    expect(() => process.kill(pid, 0)).toThrow();
  });
});

describe('BackendSupervisor in attach mode', () => {
  it('only polls health, and never spawns or stops a process', async () => {
    const backend = await ScriptedBackend.start();
    cleanups.push(() => backend.stop());
    const supervisor = new BackendSupervisor({ attach: { endpoint: { socketPath: backend.socketPath }, secret: 'dev' }, dataDir: '/unused' });
    const conn = await supervisor.start();
    expect(conn.endpoint).toEqual({ socketPath: backend.socketPath });
    expect(supervisor.pid()).toBeUndefined();
    expect(backend.seen.map((r) => [r.url, r.headers.authorization])).toEqual([['/api/v1/health', 'Bearer dev']]);
    await supervisor.stop();
  });

  it('fails clearly when nothing answers', async () => {
    const supervisor = new BackendSupervisor({ attach: { endpoint: { socketPath: '/nonexistent/backend.sock' }, secret: 'x' }, dataDir: '/unused', healthTimeoutMs: 300 });
    await expect(supervisor.start()).rejects.toThrow(/health did not answer within 300 ms/);
    expect(supervisor.status().state).toBe('down');
  });
});
