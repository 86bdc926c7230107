// connection.json in the user data dir: this workstation's database, its own SQLite file or a server.
// The password is kept only sealed by the SecretBox (safeStorage in the app), never in clear text.
import { readFileIfPresent, writeFileAtomically } from '../files/atomic-file';
import { MainRefusal } from '../bridge/ipc-envelope';
import { databaseUrl, tlsModes, type ConnectionView, type ServerSettings } from './connection-settings';
import { SecretUnreadable, type SecretBox } from './secret-box';

export type StoredConnection = { mode: 'local' } | ({ mode: 'server'; sealedPassword: string | null } & ServerSettings);

export interface ConnectionStore {
  /** undefined: no file yet (the app runs as it was started: its own file, or DATABASE_URL in development). */
  read(): Promise<StoredConnection | undefined>;
  write(connection: StoredConnection): Promise<void>;
  /** The password in clear, for main alone; a refusal naming the problem when it cannot be opened here. */
  password(connection: StoredConnection): string | undefined;
  /** The password sealed for the file. */
  seal(password: string): string;
}

export const CONNECTION_FILE = 'connection.json';

export function unreadableFile(file: string, why: string): MainRefusal {
  return new MainRefusal(
    'connection.settings_unreadable',
    `This computer’s database connection settings (${file}) cannot be read (${why}). Enter the connection again in Settings → Database server, or choose this computer’s own file.`,
    { file },
  );
}

export function passwordUnreadable(host: string): MainRefusal {
  return new MainRefusal(
    'connection.password_unreadable',
    `The saved password for the database server ${host} was locked by another Windows/macOS user or another computer and cannot be read here. Enter the password again in Settings → Database server.`,
    { field: 'password', host },
  );
}

function parse(text: string, file: string): StoredConnection {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw unreadableFile(file, 'it is not valid JSON');
  }
  if (raw?.mode === 'local') return { mode: 'local' };
  const text_ = (name: string) => (typeof raw[name] === 'string' && (raw[name] as string).length > 0 ? (raw[name] as string) : undefined);
  const host = text_('host');
  const database = text_('database');
  const user = text_('user');
  const port = raw.port;
  const tls = raw.tls;
  if (raw?.mode !== 'server' || !host || !database || !user || !Number.isInteger(port) || !(tlsModes as readonly unknown[]).includes(tls)) {
    throw unreadableFile(file, 'a part of it is missing or wrong');
  }
  const sealedPassword = typeof raw.password === 'string' ? raw.password : null;
  return { mode: 'server', host, port: port as number, database, user, tls: tls as ServerSettings['tls'], sealedPassword };
}

export function createFileConnectionStore(file: string, box: SecretBox): ConnectionStore {
  return {
    read: async () => {
      const text = await readFileIfPresent(file);
      return text === undefined ? undefined : parse(text, file);
    },
    write: (connection) => {
      const body =
        connection.mode === 'local'
          ? { mode: 'local' }
          : { mode: 'server', host: connection.host, port: connection.port, database: connection.database, user: connection.user, tls: connection.tls, password: connection.sealedPassword };
      return writeFileAtomically(file, (handle) => handle.writeFile(`${JSON.stringify(body, null, 2)}\n`));
    },
    password: (connection) => {
      if (connection.mode !== 'server' || connection.sealedPassword === null) return undefined;
      try {
        return box.open(connection.sealedPassword);
      } catch (error) {
        if (error instanceof SecretUnreadable) throw passwordUnreadable(connection.host);
        throw error;
      }
    },
    seal: (password) => {
      if (!box.available()) {
        throw new MainRefusal(
          'connection.no_secure_storage',
          'This computer offers no protected place to keep the password (on Linux, a keyring such as GNOME Keyring or KWallet), so it was not saved.',
          { field: 'password' },
        );
      }
      return box.seal(password);
    },
  };
}

/** What the renderer may see: the settings, whether a password is kept and can be opened here, never the password. */
export function viewOf(store: ConnectionStore, connection: StoredConnection | undefined): ConnectionView {
  if (!connection || connection.mode === 'local') return { mode: 'local' };
  let unreadable = false;
  try {
    store.password(connection);
  } catch {
    unreadable = true;
  }
  const { sealedPassword, mode: _mode, ...settings } = connection;
  return { mode: 'server', ...settings, has_password: sealedPassword !== null && !unreadable, password_unreadable: unreadable };
}

/**
 * The backend's environment for this workstation's connection: DATABASE_URL for a server, none for this
 * computer's own file. It goes to the child's environment, never its command line (visible to every user).
 * Without a connection file the environment is left as it is (development and tests set DATABASE_URL).
 * A file that cannot be read, or a password that cannot be opened, is refused: never a silent fall back
 * to a local file.
 */
export async function backendEnvironment(base: NodeJS.ProcessEnv, store: ConnectionStore): Promise<NodeJS.ProcessEnv> {
  const connection = await store.read();
  if (connection === undefined) return base;
  const { DATABASE_URL: _inherited, ...env } = base;
  if (connection.mode === 'local') return env;
  const { sealedPassword: _sealed, mode: _mode, ...settings } = connection;
  return { ...env, DATABASE_URL: databaseUrl(settings, store.password(connection)) };
}
