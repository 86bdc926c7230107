// "Move this school to the server…": the backend copies this workstation's SQLite school into an empty
// PostgreSQL database and checks it (row counts, the audit chain's head on both sides); only when it
// answers that all matched does main save the server connection and restart the backend there. Any
// refusal leaves connection.json, and so the workstation, as it was: on its own file, which stays as a backup.
import { randomUUID } from 'node:crypto';
import type { Transport } from '../bridge/http-transport';
import { MainRefusal } from '../bridge/ipc-envelope';
import type { Logger } from '../log/json-logger';
import type { ConnectionForm, MoveProgress, MoveResult } from '../../shared/connection-channels';
import { refusalFrom, type WorkstationConnection } from './workstation-connection';

// Main-only routes (no IPC channel): the target URL carries the password.
const MOVE_PATH = '/api/v1/system/move-to-server';
const PROGRESS_PATH = '/api/v1/system/move-to-server/progress';

export interface MoveToServerOptions {
  connection: WorkstationConnection;
  transport: Transport;
  log: Logger;
}

export interface MoveToServer {
  start(form: ConnectionForm): Promise<MoveResult>;
  progress(): Promise<MoveProgress>;
}

export function createMoveToServer(options: MoveToServerOptions): MoveToServer {
  const { connection, transport, log } = options;
  let running = false;

  return {
    start: async (form) => {
      if (running) throw new MainRefusal('move.in_progress', 'The school is already being moved to the server. Wait for it to finish.');
      running = true;
      try {
        const { settings, url, password } = await connection.target(form);
        const current = await connection.get();
        if (current.mode === 'server') {
          throw new MainRefusal('move.source_not_sqlite', 'This workstation already works on a database server: there is no file here to move.', { host: current.host });
        }
        log.info('move.start', { host: settings.host, database: settings.database });
        const response = await transport.request({ method: 'POST', pathTemplate: MOVE_PATH, body: { target_url: url }, requestId: randomUUID() });
        if (response.status !== 200) {
          const refusal = refusalFrom(response, 'move.failed');
          log.warn('move.refused', { code: refusal.code, host: settings.host });
          throw refusal;
        }
        const moved = response.body as Omit<MoveResult, 'connection'>;
        log.info('move.done', { host: settings.host, database: settings.database, rows: moved.total_rows });
        // Everything matched: only now does this workstation switch over.
        const view = await connection.switchTo(settings, password);
        return { ...moved, connection: view };
      } finally {
        running = false;
      }
    },
    progress: async () => {
      const response = await transport.request({ method: 'GET', pathTemplate: PROGRESS_PATH, requestId: randomUUID() });
      if (response.status !== 200) throw refusalFrom(response, 'move.progress_unavailable');
      return response.body as MoveProgress;
    },
  };
}
