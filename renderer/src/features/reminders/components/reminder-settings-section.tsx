import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { SelectField, TextField } from '../../../components/ui/field';
import { QueryStates } from '../../../components/ui/query-states';
import { UnplacedErrors } from '../../../components/ui/unplaced-errors';
import { VersionConflictBanner } from '../../../components/ui/version-conflict-banner';
import { isOdsmError } from '../../../lib/odsm';
import { reminderSettingsQueryOptions, useReminderSettings, useUpdateReminderSettings } from '../api/reminders-api';
import { REMINDER_SETTINGS_CONFLICT, type ReminderSettings } from '../types';
import { isFieldRefusal, refusalsByField } from './refusal-words';
import { FLAG_ON, REMINDER_FIELDS, reminderSettingsToValues, toReminderUpdate, type ReminderField, type ReminderProblems, type ReminderValues } from './reminder-settings-values';
import { ReminderTemplates } from './reminder-templates';
import { SmtpPasswordField } from './smtp-password-field';

/** Settings → Reminders and email: the school's email server, which reminders go out and when, SMS, wording. */
export function RemindersSettingsSection() {
  const settings = useReminderSettings();
  return (
    <section className="settings-section" aria-labelledby="reminders-heading" data-testid="reminders-section">
      <h2 id="reminders-heading">Reminders and email</h2>
      <p className="muted">
        Reminders go only to students who agreed to them (on the student’s page), and every email carries the school’s name and a way to stop them.
      </p>
      <QueryStates query={settings} errorTitle="Could not load the reminder settings." loading="Loading the reminder settings…" tone="plain">
        {settings.data ? <ReminderSettingsForm settings={settings.data} /> : null}
      </QueryStates>
      <ReminderTemplates />
    </section>
  );
}

function ReminderSettingsForm({ settings }: { settings: ReminderSettings }) {
  const queryClient = useQueryClient();
  const save = useUpdateReminderSettings();
  const [base, setBase] = useState(settings);
  const [values, setValues] = useState<ReminderValues>(() => reminderSettingsToValues(settings));
  const [problems, setProblems] = useState<ReminderProblems>({});
  const [saved, setSaved] = useState(false);
  const [reloading, setReloading] = useState(false);

  const conflict = isOdsmError(save.error) && save.error.code === REMINDER_SETTINGS_CONFLICT;
  const refused = refusalsByField(save.error, REMINDER_FIELDS);
  const otherError = Boolean(save.error) && !conflict && !isFieldRefusal(save.error);

  function update(field: ReminderField, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    setProblems(({ [field]: _dropped, ...rest }) => rest);
    setSaved(false);
    if (refused.byField[field]) save.reset();
  }

  function adopt(next: ReminderSettings) {
    setBase(next);
    setValues(reminderSettingsToValues(next));
  }

  async function reloadLatest() {
    setReloading(true);
    try {
      adopt(await queryClient.fetchQuery({ ...reminderSettingsQueryOptions(), staleTime: 0 }));
      save.reset();
    } finally {
      setReloading(false);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const plan = toReminderUpdate(base, values);
    setProblems(plan.problems);
    if (Object.keys(plan.problems).length > 0) return;
    save.mutate(plan.body, {
      onSuccess: (next) => {
        adopt(next);
        setSaved(true);
      },
    });
  }

  const errorOf = (field: ReminderField) => problems[field] ?? refused.byField[field];
  const text = (field: ReminderField, label: string, extra: { hint?: string; type?: string; inputMode?: 'numeric'; narrow?: boolean; placeholder?: string } = {}) => (
    <TextField
      id={`reminders-${field}`}
      label={label}
      value={values[field]}
      error={errorOf(field)}
      hint={extra.hint}
      type={extra.type}
      inputMode={extra.inputMode}
      placeholder={extra.placeholder}
      className={extra.narrow ? 'field__control--number' : undefined}
      autoComplete="off"
      onChange={(event) => update(field, event.target.value)}
    />
  );
  const flag = (field: ReminderField, label: string, hint?: string) => (
    <CheckboxField id={`reminders-${field}`} label={label} hint={hint} checked={values[field] === FLAG_ON} onChange={(event) => update(field, event.target.checked ? FLAG_ON : '')} />
  );

  return (
    <form className="settings reminders-settings" onSubmit={onSubmit} noValidate data-testid="reminder-settings-form">
      {conflict ? <VersionConflictBanner what="the reminder settings" reloading={reloading} onReload={() => void reloadLatest()} /> : null}
      {otherError ? <ErrorBanner error={save.error} title="The reminder settings were not saved." testId="reminders-save-error" /> : null}
      <UnplacedErrors problems={refused.unplaced} />
      {Object.keys(problems).length > 0 ? (
        <Banner tone="error" title="Some details need fixing: see the fields marked below." testId="reminders-problems" />
      ) : null}
      {saved ? <Banner tone="success" title="Reminder settings saved." onDismiss={() => setSaved(false)} testId="reminders-saved" /> : null}
      <div className="settings__grid">
        <fieldset className="card settings__card form-grid__section">
          <legend>Email server (SMTP)</legend>
          {text('smtp_host', 'Server name', { hint: 'From your email provider, such as smtp.office365.com. Leave empty to send no email.' })}
          {text('smtp_port', 'Port', { inputMode: 'numeric', narrow: true })}
          <SelectField id="reminders-smtp_tls" label="Security" value={values.smtp_tls} error={errorOf('smtp_tls')} onChange={(event) => update('smtp_tls', event.target.value)}>
            <option value="starttls">STARTTLS (port 587)</option>
            <option value="ssl">SSL (port 465)</option>
            <option value="none">None (this computer only)</option>
          </SelectField>
          {text('smtp_user', 'Login', { hint: 'Leave empty if the server asks for none.' })}
          <SmtpPasswordField />
          {text('smtp_from', 'Send from (email address)', { type: 'email', hint: 'Students see this address and can reply to it to stop reminders.' })}
        </fieldset>
        <fieldset className="card settings__card form-grid__section">
          <legend>Reminders to students</legend>
          {flag('lesson_tomorrow_on', 'Remind of a lesson the day before')}
          {text('lesson_tomorrow_send_minute', 'Send the day before at', { narrow: true, hint: '24-hour clock, such as 17:00.' })}
          {flag('bde_deadline_on', 'Warn when the BDE deadline is at risk', 'Sent when the in-car hours are not done and the deadline is near.')}
          {text('bde_deadline_days', 'Warn this many days before the deadline', { inputMode: 'numeric', narrow: true })}
          {flag('road_test_on', 'Remind of a road test a few days before')}
          {text('road_test_days', 'Days before the road test', { inputMode: 'numeric', narrow: true, hint: 'A test booked later than that is reminded of once, soon after booking.' })}
          {flag('overdue_balance_on', 'Remind of an overdue balance', 'Sent for an issued invoice with money still owing after its due date.')}
          {text('overdue_balance_days', 'Days past the invoice’s due date', { inputMode: 'numeric', narrow: true })}
          {text('overdue_balance_repeat_days', 'At most one reminder per invoice every (days)', { inputMode: 'numeric', narrow: true })}
        </fieldset>
        <fieldset className="card settings__card form-grid__section">
          <legend>Alerts to the owner</legend>
          {text('owner_email', 'Owner’s email address', { type: 'email', hint: 'The alerts below go here. Leave empty and none are sent.' })}
          {flag('owner_di_licence_on', 'An instructor’s DI licence is about to lapse')}
          {text('owner_di_licence_days', 'Days ahead (DI licences)', { inputMode: 'numeric', narrow: true })}
          {flag('owner_vehicle_on', 'A vehicle’s insurance or safety inspection is about to lapse')}
          {text('owner_vehicle_days', 'Days ahead (vehicles)', { inputMode: 'numeric', narrow: true })}
        </fieldset>
        <fieldset className="card settings__card form-grid__section">
          <legend>Quiet hours and text messages</legend>
          {text('quiet_start_minute', 'Quiet from', { narrow: true, hint: 'Nothing goes out between these times.' })}
          {text('quiet_end_minute', 'Quiet until', { narrow: true, hint: 'The same time in both means no quiet hours.' })}
          {flag('sms_on', 'Also send reminders by text message (SMS)')}
          <SelectField id="reminders-sms_mode" label="How text messages go out" value={values.sms_mode} error={errorOf('sms_mode')} onChange={(event) => update('sms_mode', event.target.value)}>
            <option value="csv">CSV file for the SMS gateway</option>
            <option value="gateway">Email to the SMS gateway</option>
          </SelectField>
          {text('sms_gateway_pattern', 'SMS gateway address', { placeholder: '{number}@sms.example.ca', hint: 'Only when emailing the gateway: {number} becomes the phone number. A CSV file is exported on the Reminders screen.' })}
        </fieldset>
      </div>
      <div className="settings__actions">
        <Button variant="primary" type="submit" busy={save.isPending} disabled={conflict} data-testid="save-reminder-settings">
          Save reminder settings
        </Button>
      </div>
    </form>
  );
}
