import { chmod, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackendState } from '../../shared/app-channels';
import type { BackendCommand } from '../../main/backend/backend-command';
import { BackendStartError } from '../../main/backend/backend-process';
import { BackendSupervisor } from '../../main/backend/backend-supervisor';
import { createJsonLogger } from '../../main/log/json-logger';
import { freshDataDir } from '../support/real-backend';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const shebang = `#!${process.execPath}\n`;
// A backend that serves health on its socket and prints the ready line, as the real one does.
const servingBackend = `${shebang}const http = require('node:http');
const uds = process.argv[process.argv.indexOf('--uds') + 1];
http.createServer((req, res) => res.end(JSON.stringify({ status: 'ok', version: 'x', schema_revision: null, database: 'none' })))
  .listen(uds, () => process.stdout.write(JSON.stringify({ event: 'backend.ready', pid: process.pid, schema: null, uds }) + '\\n'));
`;

async function scratch() {
  const data = await freshDataDir();
  cleanups.push(data.remove);
  return data.dir;
}

async function program(dir: string, text: string, mode: number): Promise<string> {
  const file = join(dir, 'odsm-backend');
  await writeFile(file, text);
  await chmod(file, mode);
  return file;
}

function supervise(dataDir: string, command: BackendCommand) {
  const logged: Array<Record<string, unknown>> = [];
  const log = createJsonLogger({ write: (line) => logged.push(JSON.parse(line) as Record<string, unknown>) });
  const supervisor = new BackendSupervisor({ command, dataDir, log, restartDelayMs: 50, readyTimeoutMs: 20_000 });
  const states: BackendState[] = [];
  supervisor.onStatus((s) => states.push(s.state));
  cleanups.push(() => supervisor.stop());
  return { supervisor, states, faults: () => logged.filter((l) => l.event === 'backend.program_fault') };
}

async function startFailure(supervisor: BackendSupervisor): Promise<BackendStartError> {
  const error = await supervisor.start().then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(BackendStartError);
  return error as BackendStartError;
}

describe('a backend program that is missing or blocked', () => {
  it('names a missing file in the banner and the log, blames a likely antivirus, and does not restart', async () => {
    const dir = await scratch();
    const file = join(dir, 'backend', 'odsm-backend');
    const { supervisor, states, faults } = supervise(dir, { command: file, args: [], source: 'packaged' });
    const error = await startFailure(supervisor);
    expect(error.programFault?.reason).toBe('missing');
    expect(supervisor.status()).toMatchObject({ state: 'down' });
    expect(supervisor.status().message).toBe(
      `The database service's program is missing: ${file}. Your antivirus may have quarantined it; restore it from the quarantine, or reinstall the app.`,
    );
    expect(states).toEqual(['starting', 'down']);
    expect(faults()).toEqual([expect.objectContaining({ level: 'error', reason: 'missing', file })]);
  });

  it('says a file without the execute bit may not be run', async () => {
    const dir = await scratch();
    const file = await program(dir, servingBackend, 0o644);
    const { supervisor, faults } = supervise(dir, { command: file, args: [], source: 'packaged' });
    const error = await startFailure(supervisor);
    expect(error.programFault?.reason).toBe('not_permitted');
    expect(supervisor.status().message).toContain(`The database service's program may not be run: ${file} (permission denied).`);
    expect(supervisor.status().message).toContain('antivirus');
    expect(faults()).toEqual([expect.objectContaining({ reason: 'not_permitted', file })]);
  });

  it('says the file is missing when it vanishes while starting and the process ends without a word', async () => {
    const dir = await scratch();
    const file = await program(dir, `${shebang}require('node:fs').unlinkSync(__filename);\nprocess.exit(1);\n`, 0o755);
    const { supervisor } = supervise(dir, { command: file, args: [], source: 'packaged' });
    const error = await startFailure(supervisor);
    expect(error.programFault?.reason).toBe('missing');
    expect(supervisor.status().message).toContain(`The database service's program is missing: ${file}.`);
  });

  it('says a program that is there but ends at once without saying why was stopped, naming it', async () => {
    const dir = await scratch();
    const file = await program(dir, `${shebang}process.exit(1);\n`, 0o755);
    const { supervisor } = supervise(dir, { command: file, args: [], source: 'env' });
    const error = await startFailure(supervisor);
    expect(error.programFault?.reason).toBe('silent_exit');
    expect(supervisor.status().message).toBe(
      `The database service's program stopped as soon as it started, without saying why: ${file}. Check the path in ODSM_BACKEND_COMMAND.`,
    );
  });

  it('leaves a silent program ended by a signal (the OOM killer, a kill) to the restarts', async () => {
    const dir = await scratch();
    const file = await program(dir, `${shebang}process.kill(process.pid, 'SIGKILL');\n`, 0o755);
    const { supervisor, faults } = supervise(dir, { command: file, args: [], source: 'packaged' });
    const error = await startFailure(supervisor);
    expect(error.programFault).toBeUndefined();
    expect(error.message).toContain('signal SIGKILL');
    expect(faults()).toEqual([]);
  });

  it('leaves a program that explains its own exit to its own words', async () => {
    const dir = await scratch();
    const file = await program(dir, `${shebang}process.stderr.write('Traceback: something broke\\n');\nprocess.exit(1);\n`, 0o755);
    const { supervisor, faults } = supervise(dir, { command: file, args: [], source: 'packaged' });
    const error = await startFailure(supervisor);
    expect(error.programFault).toBeUndefined();
    expect(error.stderrTail).toEqual(['Traceback: something broke']);
    expect(supervisor.status().message).not.toContain('antivirus');
    expect(faults()).toEqual([]);
  });

  it('stops restarting and names the file when it is quarantined while the backend runs', async () => {
    const dir = await scratch();
    const file = await program(dir, servingBackend, 0o755);
    const { supervisor, states, faults } = supervise(dir, { command: file, args: [], source: 'packaged' });
    await supervisor.start();
    const pid = supervisor.pid()!;
    await unlink(file); // what a quarantine does: the file goes, then the process
    process.kill(pid, 'SIGKILL');
    await expect.poll(() => supervisor.status().state, { timeout: 10_000, interval: 20 }).toBe('down');
    expect(states).toEqual(['starting', 'ready', 'restarting', 'down']);
    expect(supervisor.status().message).toContain(`The database service's program is missing: ${file}.`);
    expect(supervisor.status().message).toContain('Your antivirus may have quarantined it');
    expect(faults()).toEqual([expect.objectContaining({ reason: 'missing', file })]);
  });
});
