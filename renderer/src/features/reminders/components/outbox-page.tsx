import { useState } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { Page } from '../../../components/ui/page';
import { QueryStates } from '../../../components/ui/query-states';
import { Segmented, type SegmentOption } from '../../../components/ui/segmented';
import { StatusChip } from '../../../components/ui/status-chip';
import { formatDateTime } from '../../../lib/dates';
import { useSchoolClock } from '../../settings';
import { useExportSms, useFillOutbox, useOutbox, useOutboxTomorrow, useRetryMessage, useSendNow, type OutboxStatus } from '../api/reminders-api';
import type { OutboxMessage } from '../types';
import { CHANNEL_LABELS, RULE_LABELS } from './reminder-templates';
import { dueText, fillText, messageNote, sendSummaryText, smsExportText, STATUS_LABELS, STATUS_TONES } from './outbox-words';

type Filter = OutboxStatus | 'all';
const FILTERS: readonly SegmentOption<Filter>[] = [
  { id: 'all', label: 'All' },
  { id: 'queued', label: 'Waiting' },
  { id: 'sent', label: 'Sent' },
  { id: 'failed', label: 'Failed' },
  { id: 'dropped', label: 'Dropped' },
];

/** Reminders: the outbox the rules fill, what goes out by tomorrow, Send now, and the SMS export. */
export function OutboxPage() {
  const { timeZone } = useSchoolClock();
  const [filter, setFilter] = useState<Filter>('all');
  const [notice, setNotice] = useState<string | null>(null);
  const sendNow = useSendNow();
  const exportSms = useExportSms();
  const fill = useFillOutbox();
  const failure = sendNow.error ?? exportSms.error ?? fill.error;
  const when = (instant: string) => formatDateTime(instant, timeZone);

  return (
    <Page
      id="reminders"
      title="Reminders"
      subtitle="Reminders the app sends by email and text message. It checks the outbox every few minutes while it runs."
      actions={
        <div className="page__actions">
          <Button
            onClick={() => {
              setNotice(null);
              fill.mutate(undefined, { onSuccess: (result) => setNotice(fillText(result)) });
            }}
            busy={fill.isPending}
            data-testid="fill-outbox"
          >
            Check for reminders
          </Button>
          <Button
            onClick={() => {
              setNotice(null);
              exportSms.mutate(undefined, { onSuccess: (outcome) => setNotice(outcome.saved ? smsExportText(outcome) : null) });
            }}
            busy={exportSms.isPending}
            data-testid="export-sms"
          >
            Export SMS for the gateway…
          </Button>
          <Button
            variant="primary"
            onClick={() => {
              setNotice(null);
              sendNow.mutate(undefined, { onSuccess: (summary) => setNotice(sendSummaryText(summary)) });
            }}
            busy={sendNow.isPending}
            data-testid="send-now"
          >
            Send now
          </Button>
        </div>
      }
    >
      {notice ? <Banner tone="success" title={notice} onDismiss={() => setNotice(null)} testId="outbox-notice" /> : null}
      {failure ? <ErrorBanner error={failure} title={sendNow.error ? 'The reminders were not sent.' : exportSms.error ? 'The SMS file was not saved.' : 'The rules could not be checked.'} testId="outbox-error" /> : null}
      <TomorrowPreview when={when} />
      <section className="card outbox" aria-labelledby="outbox-heading">
        <div className="outbox__head">
          <h2 id="outbox-heading">Outbox</h2>
          <Segmented label="Show" options={FILTERS} value={filter} onChange={setFilter} testIdPrefix="outbox-filter" />
        </div>
        <OutboxTable status={filter === 'all' ? null : filter} when={when} />
      </section>
    </Page>
  );
}

function TomorrowPreview({ when }: { when: (instant: string) => string }) {
  const tomorrow = useOutboxTomorrow();
  const items = tomorrow.data?.items ?? [];
  return (
    <section className="card outbox" aria-labelledby="tomorrow-heading" data-testid="outbox-tomorrow">
      <h2 id="tomorrow-heading">Going out by the end of tomorrow</h2>
      <QueryStates
        query={tomorrow}
        errorTitle="Could not load what goes out tomorrow."
        loading="Loading…"
        tone="plain"
        isEmpty={items.length === 0}
        empty="Nothing is waiting to go out by tomorrow. Send now checks the rules again."
      >
        <ul className="outbox__tomorrow">
          {items.map((message) => (
            <li key={message.id}>
              <strong>{dueText(message, when)}</strong> · {RULE_LABELS[message.rule] ?? message.rule} by {CHANNEL_LABELS[message.channel] ?? message.channel} to{' '}
              <span className="mono">{message.recipient}</span>
              {message.subject ? <span className="muted">: {message.subject}</span> : null}
            </li>
          ))}
        </ul>
      </QueryStates>
    </section>
  );
}

function OutboxTable({ status, when }: { status: OutboxStatus | null; when: (instant: string) => string }) {
  const outbox = useOutbox(status);
  const items = outbox.data?.items ?? [];
  return (
    <QueryStates
      query={outbox}
      errorTitle="Could not load the outbox."
      loading="Loading the outbox…"
      tone="plain"
      isEmpty={items.length === 0}
      empty={status ? `No ${STATUS_LABELS[status]?.toLowerCase()} reminders.` : 'The outbox is empty. Reminders appear here once the rules find something to send.'}
      emptyTestId="outbox-empty"
    >
      <DataTable testId="outbox-table" columns={['Due', 'To', 'Reminder', 'Status', 'Why / when']} withActions>
        {items.map((message) => (
          <OutboxRow key={message.id} message={message} when={when} />
        ))}
      </DataTable>
    </QueryStates>
  );
}

function OutboxRow({ message, when }: { message: OutboxMessage; when: (instant: string) => string }) {
  const retry = useRetryMessage();
  return (
    <tr data-testid="outbox-row" data-status={message.status}>
      <td className="nowrap">{when(message.due_at)}</td>
      <td className="mono">{message.recipient}</td>
      <td>
        {RULE_LABELS[message.rule] ?? message.rule}, by {CHANNEL_LABELS[message.channel] ?? message.channel}
        <details className="outbox__message">
          <summary>Show message</summary>
          {message.subject ? <p className="small"><strong>{message.subject}</strong></p> : null}
          <pre className="reminder-preview__body">{message.body}</pre>
        </details>
      </td>
      <td>
        <StatusChip tone={STATUS_TONES[message.status] ?? 'neutral'}>{STATUS_LABELS[message.status] ?? message.status}</StatusChip>
      </td>
      <td data-testid="outbox-note">
        {messageNote(message, when)}
        {retry.error ? <p className="field__error" role="alert">{retry.error instanceof Error ? retry.error.message : 'Could not retry.'}</p> : null}
      </td>
      <td className="data-table__actions">
        {message.status === 'failed' ? (
          <Button onClick={() => retry.mutate({ id: message.id, version: message.version })} busy={retry.isPending} data-testid="outbox-retry" aria-label={`Retry the reminder to ${message.recipient}`}>
            Retry
          </Button>
        ) : null}
      </td>
    </tr>
  );
}
