import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pickBackendCommand, type BackendCommand } from '../../main/backend/backend-command';

export const APP_ROOT = resolve(__dirname, '../../..');

/** The dev venv's python -m odsm, or ODSM_BACKEND_COMMAND (e.g. the frozen binary) when set. */
export function backendCommand(): BackendCommand {
  return pickBackendCommand({ appRoot: APP_ROOT, packaged: false });
}

/** The engine this run's backends use: ODSM_TEST_ENGINE, as in the backend suite. */
export const testEngine: 'sqlite' | 'postgresql' = process.env.ODSM_TEST_ENGINE === 'postgresql' ? 'postgresql' : 'sqlite';
const python = join(APP_ROOT, '.venv', 'bin', 'python');
const engines = join(APP_ROOT, 'backend', 'tests', 'engines.py');

export interface FreshData {
  dir: string;
  /** The backend's environment: with ODSM_TEST_ENGINE=postgresql, DATABASE_URL names a database of its own. */
  env: NodeJS.ProcessEnv;
  remove: () => Promise<void>;
}

/** A data dir and, on PostgreSQL, an empty database for the backend to migrate; both gone after remove(). */
export async function freshDataDir(): Promise<FreshData> {
  const dir = await mkdtemp(join(tmpdir(), 'odsm-data-'));
  const removeDir = () => rm(dir, { recursive: true, force: true });
  if (testEngine === 'sqlite') return { dir, env: process.env, remove: removeDir };
  // The backend suite's own helper makes and drops the database (see backend/tests/engines.py).
  const url = execFileSync(python, [engines, 'create'], { encoding: 'utf8' }).trim();
  return {
    dir,
    env: { ...process.env, DATABASE_URL: url },
    remove: async () => {
      execFileSync(python, [engines, 'drop', url]);
      await removeDir();
    },
  };
}

/** SQL run outside the app, as another program would (sqlite3 on the file, or psql on the database). */
export function rawSql(data: Pick<FreshData, 'dir' | 'env'>, sql: string): void {
  if (testEngine === 'sqlite') execFileSync('sqlite3', [join(data.dir, 'odsm.sqlite3'), sql]);
  else execFileSync(python, [engines, 'sql', String(data.env.DATABASE_URL), sql]);
}

/** Drops the append-only trigger guarding `verb` on `table` (PostgreSQL's one trigger guards both verbs). */
export function dropGuard(table: string, verb: 'update' | 'delete'): string {
  return testEngine === 'sqlite' ? `DROP TRIGGER ${table}_no_${verb};` : `DROP TRIGGER ${table}_append_only ON ${table};`;
}
