import { useState, type FormEvent } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { SelectField, TextField } from '../../../components/ui/field';
import { InstructorOptions, useInstructors } from '../../instructors';
import { useCreateStaff, useSetStaffActive, useStaff } from '../api/auth';
import { ROLE_WORDS, ROLES, type Role } from './roles';
import { signInWords } from './sign-in-screen';

/** Settings → Staff sign-in → Accounts: who may sign in, disabled never deleted, and adding one. */
export function StaffAccounts() {
  const staff = useStaff(true);
  const instructors = useInstructors();
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
            {account.name} ({account.login}, {ROLE_WORDS[account.role]}){account.active ? '' : ' — disabled'}{' '}
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
              {ROLE_WORDS[role]}
            </option>
          ))}
        </SelectField>
        {form.role === 'instructor' ? (
          <SelectField id="staff-instructor" label="Instructor" value={form.instructor} onChange={(e) => setForm({ ...form, instructor: e.target.value })} required hint="Whose calendar and students this account sees.">
            <option value="">Choose the instructor…</option>
            <InstructorOptions instructors={instructors.data?.items ?? []} />
          </SelectField>
        ) : null}
        <TextField id="staff-password" label="Password" type="password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} required autoComplete="new-password" />
        <Button type="submit" variant="primary" busy={create.isPending} data-testid="add-staff">
          Add account
        </Button>
      </form>
    </>
  );
}
