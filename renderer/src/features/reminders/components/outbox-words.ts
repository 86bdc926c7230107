// What the outbox screen says about a send run and a message, as pure functions (tested without a browser).
import type { ReminderSendSummary, SmsExportOutcome } from '../../../../../electron/preload/api';
import type { OutboxMessage } from '../types';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Sent 2 reminders. 1 failed: see the Failed list." */
export function sendSummaryText(summary: ReminderSendSummary): string {
  const parts = [summary.sent === 0 ? 'Nothing was due to send.' : `Sent ${plural(summary.sent, 'reminder', 'reminders')}.`];
  if (summary.failed > 0) parts.push(`${plural(summary.failed, 'reminder', 'reminders')} failed: see why under Failed, then Retry.`);
  if (summary.dropped > 0) parts.push(`${plural(summary.dropped, 'reminder was', 'reminders were')} no longer needed and dropped with a note.`);
  if (summary.held_quiet_hours > 0) parts.push(`${plural(summary.held_quiet_hours, 'reminder waits', 'reminders wait')} for quiet hours to end.`);
  if (summary.waiting > 0) parts.push(`${plural(summary.waiting, 'reminder waits', 'reminders wait')} for an email server or the SMS export.`);
  return parts.join(' ');
}

const SKIPPED: Record<string, string> = {
  no_consent: 'the student has not agreed to reminders',
  no_email_address: 'no email address is on file',
  no_sms_address: 'no phone number is on file',
  no_owner_email: 'no owner email address is set',
};

/** After "Check for reminders": what the rules queued, and why some were left out. */
export function fillText(result: { queued: number; already_queued: number; skipped: Record<string, number> }): string {
  const parts = [result.queued === 0 ? 'No new reminders to queue.' : `Queued ${plural(result.queued, 'new reminder', 'new reminders')}.`];
  const skipped = Object.entries(result.skipped).filter(([, n]) => n > 0);
  if (skipped.length > 0) parts.push(`Left out: ${skipped.map(([why, n]) => `${n} because ${SKIPPED[why] ?? why.replaceAll('_', ' ')}`).join('; ')}.`);
  return parts.join(' ');
}

export function smsExportText(outcome: Extract<SmsExportOutcome, { saved: true }>): string {
  const dropped = outcome.dropped > 0 ? ` ${plural(outcome.dropped, 'message was', 'messages were')} no longer needed and dropped.` : '';
  return `Saved ${plural(outcome.messages, 'text message', 'text messages')} for the SMS gateway in ${outcome.path}. They are marked sent.${dropped}`;
}

export const STATUS_LABELS: Record<string, string> = { queued: 'Waiting', sending: 'Sending', sent: 'Sent', failed: 'Failed', dropped: 'Dropped' };
export const STATUS_TONES: Record<string, 'info' | 'ok' | 'danger' | 'neutral' | 'warning'> = {
  queued: 'info',
  sending: 'info',
  sent: 'ok',
  failed: 'danger',
  dropped: 'neutral',
};

/** Why a message is where it is: the server's refusal, the note it was dropped with, or when it went. */
/** When a waiting message goes: "Now" once it is due (the next send takes it), else its time. */
export function dueText(message: Pick<OutboxMessage, 'due_at'>, when: (instant: string) => string, now: number = Date.now()): string {
  return Date.parse(message.due_at) <= now ? 'Now' : when(message.due_at);
}

export function messageNote(message: OutboxMessage, when: (instant: string) => string, now: number = Date.now()): string {
  if (message.status === 'dropped') return message.drop_note ?? 'No longer needed.';
  if (message.status === 'failed') return `${message.last_error ?? 'The server did not take it.'} (${plural(message.attempts, 'try', 'tries')})`;
  if (message.status === 'sent' && message.sent_at) return `Sent ${when(message.sent_at)}`;
  if (message.channel === 'sms') return 'Goes out with the SMS export or the email gateway.';
  return Date.parse(message.due_at) <= now ? 'Goes out with the next send, within a few minutes, or at once with Send now.' : `Waits until ${when(message.due_at)}`;
}
