import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcResult } from '../../../shared-contracts/channels';
import { CONNECTION_GET_CHANNEL, CONNECTION_USE_LOCAL_CHANNEL, MOVE_PROGRESS_CHANNEL, MOVE_START_CHANNEL, type ConnectionForm, type MoveProgress, type MoveResult } from '../../shared/connection-channels';
import { testEngine } from '../support/real-backend';
import { createPgDatabase, dropPgDatabase, pgSql, startWorkstationBridge, type WorkstationBridge } from '../support/workstation-bridge';

// The wizard's main side: app:move:start through the real handlers, the real backend's move and the real
// local PostgreSQL; on success the workstation is switched over (the backend restarted on the server).
const PASSWORD = 'move-password-5150';
let real: WorkstationBridge;
const made: string[] = [];

const invoke = <T>(channel: string, payload: unknown = {}) => real.bridge.invoke<T>(channel, payload) as Promise<IpcResult<T>>;
const data = async <T>(channel: string, payload: unknown = {}): Promise<T> => {
  const result = await invoke<T>(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.data;
};
function formFor(url: string): ConnectionForm {
  const parsed = new URL(url.replace('postgresql+psycopg:', 'http:'));
  return { host: parsed.hostname, port: Number(parsed.port || 5432), database: parsed.pathname.slice(1), user: 'postgres', tls: 'disable', password: PASSWORD };
}
const newDatabase = () => {
  const url = createPgDatabase();
  made.push(url);
  return url;
};

beforeAll(async () => {
  real = await startWorkstationBridge();
}, 240_000);

afterAll(async () => {
  await real?.stop();
  made.forEach(dropPgDatabase);
}, 120_000);

describe.skipIf(testEngine !== 'sqlite')('Move this school to the server', () => {
  it('refuses a target that holds data, naming the table, and leaves the workstation on its file', async () => {
    const full = newDatabase();
    pgSql(full, 'CREATE TABLE leftovers (id int); INSERT INTO leftovers VALUES (1);');
    const result = await invoke(MOVE_START_CHANNEL, formFor(full));
    expect(result).toMatchObject({ ok: false, error: { code: 'move.target_not_empty', details: { table: 'leftovers' } } });
    expect(await data(CONNECTION_GET_CHANNEL)).toEqual({ mode: 'local' });
    expect((await data<{ database: string }>('db:system:health')).database).toBe('sqlite');
  });

  it('moves the demo school: every count and the audit head match, then the workstation works on the server', async () => {
    await data('db:demo:load', { body: { students: 10 } });
    for (let status = await data<{ state: string }>('db:demo:status'); status.state === 'running'; status = await data('db:demo:status')) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const students = await data<{ total: number }>('db:students:list', {});
    const target = newDatabase();
    const progress: MoveProgress[] = [];
    let moving = true;
    const watching = (async () => {
      while (moving) {
        const seen = await invoke<MoveProgress>(MOVE_PROGRESS_CHANNEL);
        if (seen.ok) progress.push(seen.data);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const moved = await data<MoveResult>(MOVE_START_CHANNEL, formFor(target)).finally(() => (moving = false));
    await watching;
    expect(moved.tables.length).toBeGreaterThan(5);
    for (const table of moved.tables) expect(table.target_rows, table.table).toBe(table.source_rows);
    expect(moved.total_rows).toBe(moved.tables.reduce((sum, table) => sum + table.source_rows, 0));
    expect(moved.tables.find((table) => table.table === 'students')?.source_rows).toBeGreaterThanOrEqual(students.total);
    expect(moved.audit_head).toMatch(/^[0-9a-f]{64}$/);
    expect(moved.connection).toMatchObject({ mode: 'server', database: formFor(target).database, has_password: true });
    expect(progress.length).toBeGreaterThan(0);
    // Switched over: the backend now reads the school from the server, with the same students.
    expect((await data<{ database: string }>('db:system:health')).database).toBe('postgresql');
    expect((await data<{ total: number }>('db:students:list', {})).total).toBe(students.total);
    expect(JSON.stringify(moved)).not.toContain(PASSWORD);
  }, 300_000);

  it('can go back to this computer’s file, which was kept as it was', async () => {
    expect(await invoke(CONNECTION_USE_LOCAL_CHANNEL)).toEqual({ ok: true, data: { mode: 'local' } });
    expect((await data<{ database: string }>('db:system:health')).database).toBe('sqlite');
  }, 240_000);
});

describe.skipIf(testEngine !== 'postgresql')('Move this school to the server, from a desk already on a server', () => {
  it('is refused by name: there is no file here to move, and nothing changes', async () => {
    const result = await invoke(MOVE_START_CHANNEL, formFor(newDatabase()));
    expect(result).toMatchObject({ ok: false, error: { code: 'move.source_not_sqlite' } });
    expect(await data(CONNECTION_GET_CHANNEL)).toEqual({ mode: 'local' });
    expect((await data<{ database: string }>('db:system:health')).database).toBe('postgresql');
  });
});
