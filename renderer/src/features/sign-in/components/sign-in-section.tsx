import { useState, type FormEvent } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { useAuthStatus, useDisableSignIn, useEnableSignIn } from '../api/auth';
import { PermissionTable } from './permission-table';
import { signInWords } from './sign-in-screen';
import { SignInSettingsForm } from './sign-in-settings-form';
import { StaffAccounts } from './staff-accounts';

/** Settings → Staff sign-in: switch it on (the owner first, and the recovery code once), accounts, the table. */
export function SignInSection() {
  const status = useAuthStatus();
  const enabled = status.data?.enabled === true;
  const manages = status.data?.permissions.includes('accounts.manage') ?? false;
  // Kept here, not in the switch-on form: once sign-in is on that form is gone, and the code must stay in view.
  const [code, setCode] = useState<string>();
  return (
    <section className="settings-section" aria-labelledby="sign-in-heading" data-testid="sign-in-section">
      <h2 id="sign-in-heading">Staff sign-in</h2>
      {code ? (
        <Banner tone="warning" title="Write down or print this recovery code now. It is shown once." testId="recovery-code" onDismiss={() => setCode(undefined)}>
          <p>
            <code>{code}</code>
          </p>
          <p>It resets the owner’s password if it is ever forgotten, and then it is used up.</p>
        </Banner>
      ) : null}
      {enabled ? (
        manages ? (
          <>
            <StaffAccounts />
            <SignInSettingsForm />
            <SwitchOff />
          </>
        ) : (
          <p>Only the owner manages accounts.</p>
        )
      ) : (
        <SwitchOn onEnabled={setCode} />
      )}
      <PermissionTable />
    </section>
  );
}

function SwitchOn({ onEnabled }: { onEnabled: (recoveryCode: string) => void }) {
  const enable = useEnableSignIn();
  const [form, setForm] = useState({ name: '', login: '', password: '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The promise, not mutate's onSuccess: this form unmounts as sign-in comes on, and the code must still reach the section.
    enable.mutateAsync(form).then((made) => onEnabled(made.recovery_code), () => undefined);
  };
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
