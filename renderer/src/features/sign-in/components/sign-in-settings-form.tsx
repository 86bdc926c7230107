import { useState, type FormEvent } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { TextField } from '../../../components/ui/field';
import { useSignInSettings, useUpdateSignInSettings } from '../api/auth';
import { signInWords } from './sign-in-screen';

type Numbers = { idle_lock_minutes: string; session_max_hours: string; min_password_length: string };

/** Settings → Staff sign-in: how soon an idle desk locks, how long a session lasts, passwords, certifying. */
export function SignInSettingsForm() {
  const settings = useSignInSettings();
  const update = useUpdateSignInSettings();
  const [edits, setEdits] = useState<Partial<Numbers & { office_may_certify: boolean }>>({});
  const [saved, setSaved] = useState(false);
  if (!settings.data) return null;
  const now = settings.data;
  const value = (field: keyof Numbers) => edits[field] ?? String(now[field]);
  const set = (field: keyof Numbers, text: string) => {
    setSaved(false);
    setEdits({ ...edits, [field]: text });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const numbers = Object.fromEntries((['idle_lock_minutes', 'session_max_hours', 'min_password_length'] as const).map((field) => [field, Number(value(field))]));
    const officeMayCertify = edits.office_may_certify ?? now.office_may_certify;
    update.mutate(
      { version: now.version, ...numbers, office_may_certify: officeMayCertify },
      {
        onSuccess: () => {
          setEdits({});
          setSaved(true);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} data-testid="sign-in-settings">
      <h3>Sign-in settings</h3>
      {update.error ? <Banner tone="error" title={signInWords(update.error)} testId="sign-in-settings-error" /> : null}
      {saved ? <Banner tone="success" title="Sign-in settings saved." /> : null}
      <TextField id="idle-lock-minutes" label="Lock an idle desk after (minutes)" inputMode="numeric" value={value('idle_lock_minutes')} onChange={(e) => set('idle_lock_minutes', e.target.value)} hint="The same person signs in again and finds their work as they left it." required />
      <TextField id="session-max-hours" label="Sign out after (hours), even at a busy desk" inputMode="numeric" value={value('session_max_hours')} onChange={(e) => set('session_max_hours', e.target.value)} hint="Between 1 and 168. A form being filled in is kept." required />
      <TextField id="min-password-length" label="Shortest password (characters)" inputMode="numeric" value={value('min_password_length')} onChange={(e) => set('min_password_length', e.target.value)} required />
      <CheckboxField
        id="office-may-certify"
        label="The office may certify students with the MTO"
        checked={edits.office_may_certify ?? now.office_may_certify}
        onChange={(e) => {
          setSaved(false);
          setEdits({ ...edits, office_may_certify: e.target.checked });
        }}
      />
      <Button type="submit" variant="primary" busy={update.isPending} data-testid="save-sign-in-settings">
        Save sign-in settings
      </Button>
    </form>
  );
}
