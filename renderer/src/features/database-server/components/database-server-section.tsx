import { useState, type FormEvent } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { SelectField, TextField } from '../../../components/ui/field';
import { fieldErrorsOf } from '../../../lib/field-errors';
import type { ConnectionForm, ConnectionTestResult, ConnectionView } from '../../../lib/odsm';
import { useConnection, useMoveToServer, useSaveConnection, useTestConnection, useUseLocalDatabase } from '../api/database-server';
import { CONNECTION_FIELDS, sayConnectionFailure, type Said } from './connection-words';
import { MoveToServerPanel } from './move-to-server-panel';

type Values = { host: string; port: string; database: string; user: string; password: string; tls: ConnectionForm['tls'] };
const EMPTY: Values = { host: '', port: '5432', database: 'odsm', user: '', password: '', tls: 'require' };

function valuesOf(view: ConnectionView | undefined): Values {
  if (!view || view.mode === 'local') return EMPTY;
  return { host: view.host, port: String(view.port), database: view.database, user: view.user, password: '', tls: view.tls };
}

/** The form as main takes it; an empty password keeps the one saved for the same server and user. */
function formOf(values: Values): ConnectionForm {
  const port = /^\d{1,5}$/.test(values.port.trim()) ? Number(values.port.trim()) : -1;
  const form: ConnectionForm = { host: values.host.trim(), port, database: values.database.trim(), user: values.user.trim(), tls: values.tls };
  return values.password === '' ? form : { ...form, password: values.password };
}

function describeTest(result: ConnectionTestResult): string {
  const what = result.schema_revision !== null ? 'It holds a school of this app.' : result.holds_data ? 'It holds other data, not a school of this app.' : 'It is empty: connect to start a new school there, or move this school to it.';
  return `PostgreSQL ${result.server_version} answered. ${what}`;
}

/** Settings → Database server: where this workstation keeps the school, a test, connect, back to the file, move. */
export function DatabaseServerSection() {
  const connection = useConnection();
  const test = useTestConnection();
  const save = useSaveConnection();
  const local = useUseLocalDatabase();
  // Here, not in the panel: the panel's report must outlive the switch to the server that a move ends with.
  const move = useMoveToServer();
  const [values, setValues] = useState<Values>(EMPTY);
  const [said, setSaid] = useState<Said | null>(null);
  const [tested, setTested] = useState<ConnectionTestResult | null>(null);
  const view = connection.data;
  // The form follows the saved connection whenever main answers a new one (loaded, connected, back to the file).
  const [shown, setShown] = useState<ConnectionView | undefined>(undefined);
  if (view !== shown) {
    setShown(view);
    setValues(valuesOf(view));
  }

  const fieldErrors = fieldErrorsOf(said?.field ? null : (test.error ?? save.error), CONNECTION_FIELDS);
  const busy = test.isPending || save.isPending || local.isPending;

  function update(field: keyof Values, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    setSaid(null);
    setTested(null);
  }

  function failed(error: unknown) {
    setTested(null);
    setSaid(sayConnectionFailure(error));
  }

  function onTest(event: FormEvent) {
    event.preventDefault();
    setSaid(null);
    test.mutate(formOf(values), { onSuccess: (result) => setTested(result), onError: failed });
  }

  function onConnect() {
    setSaid(null);
    save.mutate(formOf(values), {
      onSuccess: () => {
        setTested(null);
        setValues((current) => ({ ...current, password: '' }));
      },
      onError: failed,
    });
  }

  const error = (field: (typeof CONNECTION_FIELDS)[number]) => (said?.field === field ? said.title : fieldErrors.byField[field]?.message);
  const hasPassword = view?.mode === 'server' && view.has_password;
  return (
    <section className="card card--padded" aria-labelledby="database-server-title" data-testid="database-server">
      <h2 id="database-server-title" className="settings__section-title">
        Database server
      </h2>
      <p data-testid="database-server-current">
        {view?.mode === 'server'
          ? `This workstation works on the server ${view.host}:${view.port} (database ${view.database}).`
          : 'This workstation keeps the school in a file on this computer. To share it between several desks, connect to a database server.'}
      </p>
      {view?.mode === 'server' && view.password_unreadable ? (
        <Banner tone="warning" title="The saved password cannot be read on this computer. Type it again, then connect." />
      ) : null}
      <form className="form-grid" onSubmit={onTest} noValidate aria-describedby="database-server-title" data-testid="database-server-form">
        <TextField id="server-host" label="Server name or address" required value={values.host} onChange={(e) => update('host', e.target.value)} error={error('host')} hint="For example db.myschool.local or 192.168.1.20" autoComplete="off" />
        <TextField id="server-port" label="Port" required inputMode="numeric" value={values.port} onChange={(e) => update('port', e.target.value)} error={error('port')} className="field__control--number" />
        <TextField id="server-database" label="Database" required value={values.database} onChange={(e) => update('database', e.target.value)} error={error('database')} autoComplete="off" />
        <TextField id="server-user" label="User name" required value={values.user} onChange={(e) => update('user', e.target.value)} error={error('user')} autoComplete="off" />
        <TextField
          id="server-password"
          label="Password"
          type="password"
          value={values.password}
          onChange={(e) => update('password', e.target.value)}
          error={error('password')}
          hint={hasPassword ? 'A password is saved for this server; leave this empty to keep it.' : 'Kept locked by this computer’s own protected storage.'}
          autoComplete="new-password"
        />
        <SelectField id="server-tls" label="Secure connection (TLS)" value={values.tls} onChange={(e) => update('tls', e.target.value)} error={error('tls')} hint="A server on another computer always needs a secure connection.">
          <option value="require">Required (encrypted)</option>
          <option value="verify-full">Verify the server (encrypted, certificate checked)</option>
          <option value="disable">Off (only for a server on this computer)</option>
        </SelectField>
        {said && !said.field ? (
          <div className="field--wide">
            <Banner tone="error" title={said.title} testId="connection-problem">
              {said.text ? <p>{said.text}</p> : null}
            </Banner>
          </div>
        ) : said?.text ? (
          <p className="field--wide field__hint" data-testid="connection-problem-help">
            {said.text}
          </p>
        ) : null}
        {tested && !move.isPending && !move.isSuccess ? (
          <div className="field--wide">
            <Banner tone="success" title="The connection works." testId="connection-ok">
              <p>{describeTest(tested)}</p>
            </Banner>
          </div>
        ) : null}
        {save.isSuccess && view?.mode === 'server' ? (
          <div className="field--wide">
            <Banner tone="success" title={`This workstation now works on ${view.host}.`} testId="connection-saved" />
          </div>
        ) : null}
        <div className="settings__actions field--wide">
          <Button type="submit" busy={test.isPending} disabled={busy} data-testid="test-connection">
            Test connection
          </Button>
          <Button variant="primary" onClick={onConnect} busy={save.isPending} disabled={busy} data-testid="connect-workstation">
            Connect this workstation
          </Button>
          {view?.mode === 'server' ? (
            <Button onClick={() => local.mutate(undefined, { onError: failed })} busy={local.isPending} disabled={busy} data-testid="use-local-file">
              Use this computer’s own file
            </Button>
          ) : null}
        </div>
      </form>
      {view?.mode !== 'server' || move.isSuccess ? <MoveToServerPanel form={formOf(values)} disabled={busy} move={move} /> : null}
    </section>
  );
}
