import { Button } from '../../../components/ui/button';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { formatDateTime } from '../../../lib/dates';
import { useSchoolClock } from '../../settings';
import { useReminderConsent, useSetReminderConsent } from '../api/reminders-api';
import type { ReminderConsent } from '../types';

/** What the card says about the student's answer, with its moment (Canada's anti-spam law asks for both). */
export function consentText(consent: ReminderConsent, when: (instant: string) => string): string {
  if (!consent.recorded_at) return 'Not asked yet. No reminders go to this student until they agree.';
  // The moment ends "a.m." or "p.m.": no second full stop after it.
  const moment = when(consent.recorded_at).replace(/\.$/, '');
  return consent.agreed ? `Agreed to reminders by email and text message on ${moment}.` : `Said no to reminders on ${moment}. None are sent.`;
}

/** On the student's page: whether they agreed to reminders, when, and a button to record their answer. */
export function ReminderConsentCard({ studentId, archived = false }: { studentId: number; archived?: boolean }) {
  const { timeZone } = useSchoolClock();
  const consent = useReminderConsent(studentId);
  const record = useSetReminderConsent(studentId);
  const data = consent.data;
  const set = (agreed: boolean) => data && record.mutate({ agreed, version: data.version });
  return (
    <section className="card reminder-consent" aria-labelledby="reminder-consent-title" data-testid="reminder-consent">
      <h2 id="reminder-consent-title" className="reminder-consent__title">
        Reminders
      </h2>
      {consent.error ? <ErrorBanner error={consent.error} title="Could not load the student’s answer about reminders." /> : null}
      {record.error ? <ErrorBanner error={record.error} title="The answer was not recorded." /> : null}
      <p data-testid="reminder-consent-text">{data ? consentText(data, (instant) => formatDateTime(instant, timeZone)) : consent.isPending ? 'Loading…' : ''}</p>
      {data ? (
        <div className="reminder-consent__actions">
          {data.agreed ? (
            <Button onClick={() => set(false)} busy={record.isPending} disabled={archived} data-testid="reminder-consent-withdraw">
              Record that they said no
            </Button>
          ) : (
            <Button onClick={() => set(true)} busy={record.isPending} disabled={archived} data-testid="reminder-consent-agree">
              Record that they agree
            </Button>
          )}
        </div>
      ) : null}
    </section>
  );
}
