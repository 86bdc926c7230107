// The Database server section's channels, shared by main, preload and renderer (see app-channels.ts).

export const CONNECTION_GET_CHANNEL = 'app:connection:get';
export const CONNECTION_TEST_CHANNEL = 'app:connection:test';
export const CONNECTION_SAVE_CHANNEL = 'app:connection:save';
export const CONNECTION_USE_LOCAL_CHANNEL = 'app:connection:use-local';
export const MOVE_START_CHANNEL = 'app:move:start';
export const MOVE_PROGRESS_CHANNEL = 'app:move:progress';

export type TlsMode = 'disable' | 'require' | 'verify-full';

export interface ConnectionForm {
  host: string;
  port: number;
  database: string;
  user: string;
  tls: TlsMode;
  /** Omitted or empty: keep the password saved for the same server and user. */
  password?: string;
}

export type ConnectionView =
  | { mode: 'local' }
  | { mode: 'server'; host: string; port: number; database: string; user: string; tls: TlsMode; has_password: boolean; password_unreadable: boolean };

export interface ConnectionTestResult {
  server_version: string;
  schema_revision: string | null;
  holds_data: boolean;
}

export interface MoveTableCount {
  table: string;
  source_rows: number;
  target_rows: number;
}

export interface MoveResult {
  tables: MoveTableCount[];
  total_rows: number;
  /** The audit chain's head, the same on both sides. */
  audit_head: string;
  /** Where this workstation now works: the server. */
  connection: ConnectionView;
}

export interface MoveProgress {
  state: 'idle' | 'copying' | 'verifying' | 'done' | 'failed';
  table: string | null;
  rows_done: number;
  rows_total: number;
}
