import { useState, type FormEvent } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { TextField } from '../../../components/ui/field';
import { Page } from '../../../components/ui/page';
import { QueryStates } from '../../../components/ui/query-states';
import { SaveProblems } from '../../../components/ui/save-problems';
import { useRecordForm } from '../../../hooks/use-record-form';
import { VALIDATION_FAILED } from '../../../lib/field-errors';
import { PricesSection } from '../../billing';
import { CoursesSection } from '../../courses';
import { DatabaseServerSection } from '../../database-server';
import { RemindersSettingsSection } from '../../reminders';
import { SignInSection } from '../../sign-in';
import { settingsQueryOptions, useSchoolSettings } from '../api/get-settings';
import { useUpdateSettings } from '../api/update-settings';
import { LOOSER_THAN_MINISTRY, SETTINGS_VERSION_CONFLICT, type SchoolSettings } from '../types';
import {
  BDE_FIELDS,
  DAILY_LIMIT_FIELDS,
  FLAG_ON,
  IDENTITY_FIELDS,
  ministryHint,
  POLICY_FIELDS,
  SETTINGS_FIELD_NAMES,
  settingsToValues,
  toSettingsUpdate,
  type SettingsFieldSpec,
} from './settings-form-values';

const TIME_ZONES = ['America/Toronto', 'America/Winnipeg', 'America/Thunder_Bay'];

export function SettingsPage() {
  const settings = useSchoolSettings();
  return (
    <Page id="settings" title="Settings" subtitle="The school’s identity and the rules the app enforces. Hours are shown in hours; the app keeps minutes.">
      <QueryStates query={settings} errorTitle="Could not load the school settings." loading="Loading settings…">
        {/* The form starts from the first copy it sees and keeps its own base; a conflict offers the latest. */}
        {settings.data ? <SettingsForm settings={settings.data} /> : null}
      </QueryStates>
      <CoursesSection />
      <PricesSection />
      <RemindersSettingsSection />
      <DatabaseServerSection />
      <SignInSection />
    </Page>
  );
}

function SettingsForm({ settings }: { settings: SchoolSettings }) {
  const [unreadable, setUnreadable] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const save = useUpdateSettings();
  const form = useRecordForm({
    record: settings,
    toValues: settingsToValues,
    emptyValues: () => settingsToValues(settings),
    latest: settingsQueryOptions,
    save,
    conflictCode: SETTINGS_VERSION_CONFLICT,
    fields: SETTINGS_FIELD_NAMES,
    fieldCodes: [VALIDATION_FAILED, LOOSER_THAN_MINISTRY],
  });
  const { values, serverErrors } = form;

  function update(field: string, value: string) {
    form.update(field, value);
    setUnreadable(({ [field]: _dropped, ...rest }) => rest);
    setSaved(false);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    // The form is built once settings have loaded, so there is always a base.
    const plan = toSettingsUpdate(form.base ?? settings, values);
    setUnreadable(plan.problems);
    if (Object.keys(plan.problems).length > 0) return;
    save.mutate(plan.body, {
      onSuccess: (next) => {
        form.adopt(next);
        setSaved(true);
      },
    });
  }

  function renderField(spec: SettingsFieldSpec) {
    const error = unreadable[spec.field] ?? serverErrors.byField[spec.field]?.message;
    if (spec.kind === 'flag') {
      return (
        <CheckboxField
          key={spec.field}
          id={spec.field}
          label={spec.label}
          checked={values[spec.field] === FLAG_ON}
          onChange={(event) => update(spec.field, event.target.checked ? FLAG_ON : '')}
        />
      );
    }
    const common = {
      key: spec.field,
      id: spec.field,
      label: spec.label,
      hint: ministryHint(spec.field, settings.ministry) ?? spec.hint,
      error,
      value: values[spec.field] ?? '',
      onChange: (event: { target: { value: string } }) => update(spec.field, event.target.value),
    };
    if (spec.field === 'time_zone') {
      return (
        <div className="field" key={spec.field}>
          <label className="field__label" htmlFor="time_zone">
            {spec.label}
          </label>
          <select id="time_zone" className="field__control" value={values.time_zone} onChange={(event) => update('time_zone', event.target.value)}>
            {[...new Set([values.time_zone ?? '', ...TIME_ZONES])].filter(Boolean).map((zone) => (
              <option key={zone}>{zone}</option>
            ))}
          </select>
        </div>
      );
    }
    if (spec.field === 'time_format') {
      return (
        <div className="field" key={spec.field}>
          <label className="field__label" htmlFor="time_format">
            {spec.label}
          </label>
          <select id="time_format" className="field__control" value={values.time_format} onChange={(event) => update('time_format', event.target.value)}>
            <option value="12h">12-hour (4:00 p.m.)</option>
            <option value="24h">24-hour (16:00)</option>
          </select>
        </div>
      );
    }
    const { key, ...rest } = common;
    return (
      <TextField
        key={key}
        {...rest}
        inputMode={spec.kind === 'text' ? undefined : 'decimal'}
        className={spec.kind === 'text' ? undefined : 'field__control--number'}
        wide={spec.field === 'address'}
      />
    );
  }

  return (
    <form className="settings" onSubmit={onSubmit} noValidate data-testid="settings-form">
      <SaveProblems form={form} what="the settings" failedTitle="The settings were not saved." unplaced={serverErrors.unplaced} />
      {saved ? <Banner tone="success" title="Settings saved." onDismiss={() => setSaved(false)} testId="save-notice" /> : null}

      <div className="settings__grid">
        <fieldset className="card settings__card form-grid__section">
          <legend>School</legend>
          {IDENTITY_FIELDS.map(renderField)}
        </fieldset>
        <fieldset className="card settings__card form-grid__section">
          <legend>BDE course</legend>
          {BDE_FIELDS.map(renderField)}
        </fieldset>
        <fieldset className="card settings__card form-grid__section">
          <legend>Daily limits</legend>
          {DAILY_LIMIT_FIELDS.map(renderField)}
        </fieldset>
        <fieldset className="card settings__card form-grid__section">
          <legend>Warnings, fees and records</legend>
          {POLICY_FIELDS.map(renderField)}
        </fieldset>
      </div>
      <div className="settings__actions">
        <Button variant="primary" type="submit" busy={save.isPending} disabled={form.conflict} data-testid="save-settings">
          Save settings
        </Button>
      </div>
    </form>
  );
}
