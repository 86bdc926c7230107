// A workstation's database connection: what the Settings form sends, how main checks it field by field,
// and the URL main builds from it for the backend (with the password, which never leaves main).
import { MainRefusal } from '../bridge/ipc-envelope';
import type { FieldIssue } from '../bridge/schema-validator';
import type { ConnectionForm, ConnectionView, TlsMode } from '../../shared/connection-channels';

export type { ConnectionForm, ConnectionView, TlsMode };

export const tlsModes = ['disable', 'require', 'verify-full'] as const satisfies readonly TlsMode[];

export type ServerSettings = Omit<ConnectionForm, 'password'>;


const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1']);
// A DNS name or an IPv4 address, or an IPv6 address (without brackets).
const HOST = /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$|^[0-9A-Fa-f:.]{2,45}$/;
// PostgreSQL's names as a school would type them; 63 bytes is the server's own limit.
const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.$-]{0,62}$/;
const USER = /^[^\s\0:/@]{1,63}(@[^\s\0:/@]{1,253})?$/;

export function isThisComputer(host: string): boolean {
  return LOCAL_HOSTS.has(host.trim().toLowerCase());
}

/** Field-named problems, in the bridge's validation_failed shape; empty when the form is good. */
export function connectionProblems(form: ConnectionForm): FieldIssue[] {
  const problems: FieldIssue[] = [];
  const add = (field: string, rule: string, message: string) => problems.push({ field, rule, message });
  const host = form.host.trim();
  if (host === '') add('host', 'required', 'Enter the database server’s name or address.');
  else if (!HOST.test(host)) add('host', 'host', 'Enter a server name like db.myschool.local or an address like 192.168.1.20.');
  if (!Number.isInteger(form.port) || form.port < 1 || form.port > 65535) add('port', 'port', 'The port is a whole number from 1 to 65535 (PostgreSQL uses 5432).');
  if (form.database.trim() === '') add('database', 'required', 'Enter the database’s name.');
  else if (!NAME.test(form.database.trim())) add('database', 'name', 'Use letters, digits and _ . $ - only, up to 63 characters.');
  if (form.user.trim() === '') add('user', 'required', 'Enter the user name the server knows this school by.');
  else if (!USER.test(form.user.trim())) add('user', 'name', 'A user name has no spaces, colons or slashes, and is up to 63 characters.');
  if (form.password !== undefined && form.password.length > 1000) add('password', 'max_length', 'The password is longer than 1000 characters.');
  if (form.tls === 'disable' && host !== '' && !isThisComputer(host)) {
    add('tls', 'tls_required', 'A server on another computer needs a secure connection: choose “Required” or “Verify the server”.');
  }
  return problems;
}

/** The settings trimmed, or a validation_failed refusal naming each field and its rule. */
export function checkedSettings(form: ConnectionForm): ServerSettings {
  const problems = connectionProblems(form);
  if (problems.length > 0) throw new MainRefusal('validation_failed', 'Some fields are not valid.', { fields: problems });
  return { host: form.host.trim(), port: form.port, database: form.database.trim(), user: form.user.trim(), tls: form.tls };
}

/** postgresql+psycopg://user:password@host:port/database?sslmode=…, for the backend's DATABASE_URL. */
export function databaseUrl(settings: ServerSettings, password: string | undefined): string {
  const auth = encodeURIComponent(settings.user) + (password ? `:${encodeURIComponent(password)}` : '');
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  const query = new URLSearchParams({ sslmode: settings.tls, application_name: 'odsm' });
  // verify-full checks the server's certificate against the computer's trusted roots (libpq 16 and later).
  if (settings.tls === 'verify-full') query.set('sslrootcert', 'system');
  return `postgresql+psycopg://${auth}@${host}:${settings.port}/${settings.database}?${query.toString()}`;
}
