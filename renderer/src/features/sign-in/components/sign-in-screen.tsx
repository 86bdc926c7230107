import { useState, type FormEvent } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { isOdsmError } from '../../../lib/odsm';
import { useRecover, useSignIn } from '../api/auth';

/** What a refusal says at the desk, by its code. */
export function signInWords(error: unknown): string {
  if (!isOdsmError(error)) return 'Sign-in could not be completed.';
  const details = (error.details ?? {}) as { retry_after_seconds?: number; locked_until?: string };
  switch (error.code) {
    case 'auth.wrong_credentials':
      return 'That login and password don’t match.';
    case 'auth.try_again_later':
      return `Too many wrong passwords. Wait ${details.retry_after_seconds ?? 1} seconds, then try again.`;
    case 'auth.account_locked':
      return 'This account is locked for a while after too many wrong passwords. Ask the owner, or try later.';
    case 'auth.wrong_recovery_code':
      return 'That recovery code is not right, or it was already used.';
    default:
      return error.message;
  }
}

/**
 * Over the app, never instead of it: the screen underneath stays mounted, so a half-filled form is still
 * there when the same person signs back in after the idle lock. A React Aria modal that Escape does not
 * close: it lies over a dialog left open too (the form), which turns inert beneath it.
 */
export function SignInScreen({ locked, onSignedIn }: { locked: boolean; onSignedIn: () => void }) {
  const signIn = useSignIn();
  const recover = useRecover();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [recovering, setRecovering] = useState(false);
  const [code, setCode] = useState('');
  const [newPassword, setNewPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ login, password }, { onSuccess: () => {
      setPassword('');
      onSignedIn();
    } });
  };
  const submitRecovery = (event: FormEvent) => {
    event.preventDefault();
    recover.mutate({ recovery_code: code, new_password: newPassword }, { onSuccess: onSignedIn });
  };
  const failed = recovering ? recover.error : signIn.error;

  return (
    <ModalOverlay className="sign-in-overlay" isOpen isKeyboardDismissDisabled>
      <Modal className="dialog-modal">
        <Dialog className="sign-in-card" data-testid="sign-in-screen">
          <Heading slot="title" level={1}>
            {recovering ? 'Reset the owner’s password' : 'Sign in'}
          </Heading>
          {locked && !recovering ? <p data-testid="idle-locked">Locked after a while without use. Your unsaved work is kept: sign in to pick up where you were.</p> : null}
          {failed ? (
            <Banner tone="error" title={signInWords(failed)} testId="sign-in-error" />
          ) : null}
          {recovering ? (
            <form onSubmit={submitRecovery}>
              <TextField id="recovery-code" label="Recovery code" value={code} onChange={(e) => setCode(e.target.value)} required autoComplete="off" />
              <TextField id="recovery-password" label="New password" type="password" value={newPassword} onChange={(e) => setNewPassword(e.target.value)} required autoComplete="new-password" />
              <Button type="submit" variant="primary" busy={recover.isPending} data-testid="recover-submit">
                Reset and sign in
              </Button>
              <Button variant="ghost" onClick={() => setRecovering(false)}>
                Back to sign-in
              </Button>
            </form>
          ) : (
            <form onSubmit={submit}>
              <TextField id="sign-in-login" label="Login" value={login} onChange={(e) => setLogin(e.target.value)} required autoComplete="username" autoFocus />
              <TextField id="sign-in-password" label="Password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="current-password" />
              <Button type="submit" variant="primary" busy={signIn.isPending} data-testid="sign-in-submit">
                Sign in
              </Button>
              <Button variant="ghost" onClick={() => setRecovering(true)}>
                Owner: use the recovery code
              </Button>
            </form>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
