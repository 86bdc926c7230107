import { useState } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/field';
import { QueryStates } from '../../../components/ui/query-states';
import { usePreviewTemplate, useReminderTemplates, useSaveTemplate } from '../api/reminders-api';
import type { ReminderChannel, ReminderRule, ReminderTemplate } from '../types';
import { isFieldRefusal, refusalsByField } from './refusal-words';

export const RULE_LABELS: Record<string, string> = {
  lesson_tomorrow: 'Lesson tomorrow',
  bde_deadline: 'BDE deadline at risk',
  road_test: 'Road test in a few days',
  overdue_balance: 'Overdue balance',
  owner_di_licence: 'Owner: DI licence lapsing',
  owner_vehicle: 'Owner: vehicle insurance or inspection lapsing',
};
export const CHANNEL_LABELS: Record<string, string> = { email: 'email', sms: 'text message' };

const keyOf = (template: Pick<ReminderTemplate, 'rule' | 'channel'>) => `${template.rule}:${template.channel}`;

/** The wording of each reminder, per rule and channel, with a preview the backend renders in its sandbox. */
export function ReminderTemplates() {
  const templates = useReminderTemplates();
  const [chosen, setChosen] = useState('lesson_tomorrow:email');
  const items = templates.data ?? [];
  const template = items.find((item) => keyOf(item) === chosen) ?? items[0];
  return (
    <div className="card reminder-templates" data-testid="reminder-templates">
      <h3 className="settings__section-title">Reminder wording</h3>
      <QueryStates query={templates} errorTitle="Could not load the reminder wording." loading="Loading the wording…" tone="plain">
        <SelectField id="reminder-template-choice" label="Reminder" value={template ? keyOf(template) : ''} onChange={(event) => setChosen(event.target.value)}>
          {items.map((item) => (
            <option key={keyOf(item)} value={keyOf(item)}>
              {RULE_LABELS[item.rule] ?? item.rule}, by {CHANNEL_LABELS[item.channel] ?? item.channel}
              {item.built_in ? '' : ' (the school’s own wording)'}
            </option>
          ))}
        </SelectField>
        {/* Keyed: another reminder starts its editor afresh from its own saved wording. */}
        {template ? <TemplateEditor key={`${keyOf(template)}:${template.version ?? 0}`} template={template} /> : null}
      </QueryStates>
    </div>
  );
}

function TemplateEditor({ template }: { template: ReminderTemplate }) {
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [saved, setSaved] = useState(false);
  const save = useSaveTemplate();
  const preview = usePreviewTemplate();
  const wording = { rule: template.rule as ReminderRule, channel: template.channel as ReminderChannel, subject, body };
  const email = template.channel === 'email';
  // The last refusal, from the save or the preview, under the part it names.
  const failed = save.error ?? preview.error;
  const refused = refusalsByField(failed, ['subject', 'body']);
  const bodyEmpty = body.trim() === '';

  function edited() {
    setSaved(false);
    save.reset();
    preview.reset();
  }

  return (
    <div className="reminder-template" data-testid="reminder-template-editor">
      {saved ? <Banner tone="success" title="Wording saved. The next reminders use it." onDismiss={() => setSaved(false)} testId="template-saved" /> : null}
      {failed && !isFieldRefusal(failed) ? <ErrorBanner error={failed} title="The wording could not be checked." /> : null}
      {email ? (
        <TextField
          id="reminder-template-subject"
          label="Subject"
          wide
          value={subject}
          error={refused.byField.subject}
          onChange={(event) => {
            setSubject(event.target.value);
            edited();
          }}
        />
      ) : null}
      <TextAreaField
        id="reminder-template-body"
        label="Message"
        wide
        rows={6}
        value={body}
        error={bodyEmpty ? 'Write the message: a reminder can’t go out empty.' : refused.byField.body}
        hint={
          <>
            Fields you can use:{' '}
            {template.fields.map((field, i) => (
              <span key={field}>
                {i > 0 ? ', ' : ''}
                <code>{`{{ ${field} }}`}</code>
              </span>
            ))}
            .
            {email ? ' Every email ends with the school’s name and how to stop reminders.' : ''}
          </>
        }
        onChange={(event) => {
          setBody(event.target.value);
          edited();
        }}
      />
      <div className="reminder-template__actions">
        <Button onClick={() => preview.mutate(wording)} busy={preview.isPending} disabled={bodyEmpty} data-testid="template-preview">
          Show preview
        </Button>
        <Button
          variant="primary"
          busy={save.isPending}
          disabled={bodyEmpty}
          data-testid="template-save"
          onClick={() => save.mutate({ ...wording, version: template.version }, { onSuccess: () => setSaved(true) })}
        >
          Save wording
        </Button>
      </div>
      {preview.data ? (
        <figure className="reminder-preview" data-testid="template-preview-text">
          <figcaption className="muted small">Preview with a made-up student and lesson</figcaption>
          {email ? (
            <p className="reminder-preview__subject">
              <strong>Subject:</strong> {preview.data.subject}
            </p>
          ) : null}
          <pre className="reminder-preview__body">{preview.data.body}</pre>
        </figure>
      ) : null}
    </div>
  );
}
