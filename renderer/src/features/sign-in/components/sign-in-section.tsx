import { useState, type FormEvent } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { SelectField, TextField } from '../../../components/ui/field';
import { useAuthStatus, useCreateStaff, useDisableSignIn, useEnableSignIn, usePermissionTable, useSetStaffActive, useStaff } from '../api/auth';
import { signInWords } from './sign-in-screen';

const ROLES = ['owner', 'office', 'instructor'] as const;
type Role = (typeof ROLES)[number];

/** Settings → Staff sign-in: switch it on (the owner first, and the recovery code once), accounts, the table. */
export function SignInSection() {
  const status = useAuthStatus();
  const enabled = status.data?.enabled === true;
  const manages = status.data?.permissions.includes('accounts.manage') ?? false;
  return (
    <section className="settings-section" aria-labelledby="sign-in-heading" data-testid="sign-in-section">
      <h2 id="sign-in-heading">Staff sign-in</h2>
      {enabled ? (
        manages ? (
          <>
            <StaffAccounts />
            <SwitchOff />
          </>
        ) : (
          <p>Only the owner manages accounts.</p>
        )
      ) : (
        <SwitchOn />
      )}
      <PermissionTable />
    </section>
  );
}

function SwitchOn() {
  const enable = useEnableSignIn();
  const [form, setForm] = useState({ name: '', login: '', password: '' });
  const [code, setCode] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    enable.mutate(form, { onSuccess: (made) => setCode(made.recovery_code) });
  };
  if (code) {
    return (
      <Banner tone="warning" title="Write down or print this recovery code now. It is shown once." testId="recovery-code">
        <p>
          <code>{code}</code>
        </p>
        <p>It resets the owner’s password if it is ever forgotten, and then it is used up.</p>
      </Banner>
    );
  }
  return (
    <form onSubmit={submit}>
      <p>Sign-in is off: anyone at this computer may do everything. Switching it on creates the owner’s account first.</p>
      {enable.error ? <Banner tone="error" title={signInWords(enable.error)} testId="enable-error" /> : null}
      <TextField id="owner-name" label="Owner’s name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required />
      <TextField id="owner-login" label="Login" value={form.login} onChange={(e) => setForm({ ...form, login: e.target.value })} required autoComplete="off" />
      <TextField id="owner-password" label="Password" type="password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} required autoComplete="new-password" />
      <Button type="submit" variant="primary" busy={enable.isPending} data-testid="enable-sign-in">
        Switch sign-in on
      </Button>
    </form>
  );
}

function StaffAccounts() {
  const staff = useStaff(true);
  const create = useCreateStaff();
  const setActive = useSetStaffActive();
  const [form, setForm] = useState({ name: '', login: '', role: 'office' as Role, instructor: '', password: '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { name: form.name, login: form.login, role: form.role, password: form.password, ...(form.role === 'instructor' && form.instructor ? { instructor_id: Number(form.instructor) } : {}) };
    create.mutate(body, { onSuccess: () => setForm({ name: '', login: '', role: 'office', instructor: '', password: '' }) });
  };
  return (
    <>
      <h3>Accounts</h3>
      <ul data-testid="staff-list">
        {(staff.data?.items ?? []).map((account) => (
          <li key={account.id}>
            {account.name} ({account.login}, {account.role}){account.active ? '' : ' — disabled'}{' '}
            <Button variant="ghost" onClick={() => setActive.mutate({ id: account.id, version: account.version, active: !account.active })}>
              {account.active ? 'Disable' : 'Enable'}
            </Button>
          </li>
        ))}
      </ul>
      {setActive.error ? <Banner tone="error" title={signInWords(setActive.error)} /> : null}
      <form onSubmit={submit}>
        {create.error ? <Banner tone="error" title={signInWords(create.error)} testId="staff-error" /> : null}
        <TextField id="staff-name" label="Name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required />
        <TextField id="staff-login" label="Login" value={form.login} onChange={(e) => setForm({ ...form, login: e.target.value })} required autoComplete="off" />
        <SelectField id="staff-role" label="Role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </SelectField>
        {form.role === 'instructor' ? (
          <TextField id="staff-instructor" label="Instructor record number" inputMode="numeric" value={form.instructor} onChange={(e) => setForm({ ...form, instructor: e.target.value })} required />
        ) : null}
        <TextField id="staff-password" label="Password" type="password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} required autoComplete="new-password" />
        <Button type="submit" variant="primary" busy={create.isPending} data-testid="add-staff">
          Add account
        </Button>
      </form>
    </>
  );
}

function SwitchOff() {
  const disable = useDisableSignIn();
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    disable.mutate(password);
  };
  return (
    <form onSubmit={submit}>
      <h3>Switch sign-in off</h3>
      {disable.error ? <Banner tone="error" title={signInWords(disable.error)} /> : null}
      <TextField id="disable-password" label="Owner’s password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="current-password" />
      <Button type="submit" variant="danger" busy={disable.isPending}>
        Switch sign-in off
      </Button>
    </form>
  );
}

function PermissionTable() {
  const table = usePermissionTable();
  if (!table.data) return null;
  return (
    <table className="permission-table" data-testid="permission-table">
      <caption>Who may do what</caption>
      <thead>
        <tr>
          <th scope="col">Permission</th>
          {ROLES.map((role) => (
            <th scope="col" key={role}>
              {role}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.data.rows.map((row) => (
          <tr key={row.permission}>
            <th scope="row">{row.permission}</th>
            {ROLES.map((role) => (
              <td key={role}>{cell(row, role, table.data.office_may_certify)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function cell(row: { permission: string; roles: string[]; own_only_for_instructor: boolean }, role: Role, officeMayCertify: boolean): string {
  if (row.permission === 'certify' && role === 'office' && officeMayCertify) return 'granted';
  if (!row.roles.includes(role)) return '—';
  return role === 'instructor' && row.own_only_for_instructor ? 'own' : 'yes';
}
