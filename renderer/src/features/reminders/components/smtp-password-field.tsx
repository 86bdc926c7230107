import { useState, type KeyboardEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { fieldDescribedBy } from '../../../components/ui/field';
import { useSaveSmtpPassword, useSmtpPasswordStatus } from '../api/reminders-api';

const ID = 'reminders-smtp_password';

/**
 * The email password: main keeps it sealed on this computer (safeStorage) and never gives it back, so the
 * screen shows only whether one is kept, with Replace and Forget. It is saved on its own, not with the form.
 */
export function SmtpPasswordField() {
  const status = useSmtpPasswordStatus();
  const save = useSaveSmtpPassword();
  const [editing, setEditing] = useState(false);
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const kept = status.data?.kept === true;
  const error = missing ? 'Type the password first.' : save.error instanceof Error ? save.error.message : status.error ? 'This computer can’t tell whether an email password is kept.' : undefined;
  const hint = kept ? 'A password is kept on this computer, sealed by the system. It is never shown.' : 'No password is kept on this computer.';

  function keep() {
    if (!password) {
      setMissing(true);
      return;
    }
    save.mutate(password, {
      onSuccess: () => {
        setEditing(false);
        setPassword('');
      },
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Enter keeps the password here rather than saving the settings form around it.
    if (event.key !== 'Enter') return;
    event.preventDefault();
    keep();
  }

  return (
    <div className={['field', error ? 'field--invalid' : null].filter(Boolean).join(' ')} data-testid="smtp-password">
      {editing ? (
        <>
          <label className="field__label" htmlFor={ID}>
            Password
          </label>
          <input
            id={ID}
            className="field__control"
            type="password"
            autoComplete="new-password"
            autoFocus
            value={password}
            aria-invalid={error ? true : undefined}
            aria-describedby={fieldDescribedBy(ID, true, Boolean(error))}
            onKeyDown={onKeyDown}
            onChange={(event) => {
              setPassword(event.target.value);
              setMissing(false);
              save.reset();
            }}
          />
        </>
      ) : (
        <p className="field__label" id={`${ID}-label`}>
          Password
        </p>
      )}
      {error ? (
        <p className="field__error" id={`${ID}-error`} role="alert" data-testid={`field-error-${ID}`}>
          {error}
        </p>
      ) : null}
      <p className="field__hint" id={`${ID}-hint`} data-testid="smtp-password-status">
        {status.isPending ? 'Checking…' : hint}
      </p>
      <div className="smtp-password__actions">
        {editing ? (
          <>
            <Button variant="primary" busy={save.isPending} onClick={keep} data-testid="smtp-password-keep">
              Keep password
            </Button>
            <Button
              onClick={() => {
                setEditing(false);
                setPassword('');
                setMissing(false);
                save.reset();
              }}
            >
              Cancel
            </Button>
          </>
        ) : (
          <>
            <Button onClick={() => setEditing(true)} disabled={Boolean(status.error)} data-testid="smtp-password-replace" aria-describedby={`${ID}-hint`}>
              {kept ? 'Replace…' : 'Enter password…'}
            </Button>
            {kept ? (
              <Button variant="ghost" busy={save.isPending} onClick={() => save.mutate(null)} data-testid="smtp-password-forget">
                Forget
              </Button>
            ) : null}
          </>
        )}
      </div>
    </div>
  );
}
