// What the desk reads when a connection or a move fails: the main process's and backend's stable codes,
// in words, placed under the field they are about where there is one.
import { isOdsmError } from '../../../lib/odsm';

export const CONNECTION_FIELDS = ['host', 'port', 'database', 'user', 'password', 'tls'] as const;
export type ConnectionField = (typeof CONNECTION_FIELDS)[number];

export type Said = { field?: ConnectionField; title: string; text?: string };

type Details = { host?: string; port?: number; database?: string; user?: string; table?: string; schema_revision?: string };

export function sayConnectionFailure(error: unknown): Said {
  if (!isOdsmError(error)) return { title: 'Something went wrong.', text: error instanceof Error ? error.message : undefined };
  const d = (error.details ?? {}) as Details;
  const server = d.host ? `${d.host}${d.port ? `:${d.port}` : ''}` : 'the server';
  switch (error.code) {
    case 'connection.host_unreachable':
    case 'move.target_unreachable':
      return {
        field: 'host',
        title: `The server ${server} does not answer.`,
        text: 'Check the server’s name and port, that the server computer is on, and that this computer is on the school’s network.',
      };
    case 'connection.auth_failed':
      return { field: 'password', title: `The server did not accept the user name “${d.user ?? ''}” with this password.`, text: 'Check both, or ask whoever set up the server.' };
    case 'connection.database_missing':
      return { field: 'database', title: `The server has no database called “${d.database ?? ''}”.`, text: 'Check the spelling, or ask whoever set up the server to create it.' };
    case 'connection.schema_newer':
    case 'move.target_newer_schema':
      return { field: 'database', title: 'This database was set up by a newer version of the app.', text: 'Update the app on this computer first.' };
    case 'connection.tls_failed':
      return { field: 'tls', title: 'A secure connection to the server could not be made.', text: 'If the server’s certificate is its own (not from a known authority), choose “Required”. Otherwise ask whoever set up the server.' };
    case 'connection.password_unreadable':
      return { field: 'password', title: 'The saved password cannot be read on this computer. Type it again.' };
    case 'connection.no_secure_storage':
      return { field: 'password', title: 'This computer has no protected place to keep the password, so it was not saved.', text: error.message };
    case 'connection.not_a_school':
      return { field: 'database', title: 'That database holds other data, not a school of this app.', text: 'Choose an empty database, or the one the first desk uses.' };
    case 'move.target_not_empty':
      return { field: 'database', title: `That database on the server already holds data${d.table ? ` (table “${d.table}”)` : ''}.`, text: 'The move only goes into an empty database: ask for a new, empty one.' };
    case 'move.target_not_postgresql':
      return { title: 'The move only goes to a PostgreSQL database server.' };
    case 'move.source_not_sqlite':
      return { title: 'This workstation already works on a server: there is no file here to move.' };
    case 'move.copy_failed':
      return { title: 'The copy to the server stopped part way, so this workstation stays on its own file.', text: 'Nothing was changed on this computer. Ask for a new, empty database and try again.' };
    case 'move.verify_failed':
      return { title: 'The copy on the server did not match this school, so this workstation stays on its own file.', text: 'Nothing was changed on this computer. Ask for a new, empty database and try again.' };
    case 'move.in_progress':
      return { title: 'The school is already being moved. Wait for it to finish.' };
    case 'connection.restart_failed':
      return { title: error.message };
    case 'backend_unavailable':
    case 'timeout':
      return { title: 'The app’s background service is not answering right now.', text: 'Wait a moment and try again.' };
    default:
      return { title: error.message };
  }
}
