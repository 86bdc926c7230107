import { describe, expect, it } from 'vitest';
import { consentText } from './reminder-consent-card';
import { dueText, messageNote, sendSummaryText, smsExportText } from './outbox-words';

const when = (instant: string) => `at ${instant}`;

describe('what the outbox screen says', () => {
  it('sums up a send run in the desk’s words', () => {
    expect(sendSummaryText({ sent: 1, failed: 0, dropped: 0, held_quiet_hours: 0, waiting: 0 })).toBe('Sent 1 reminder.');
    expect(sendSummaryText({ sent: 0, failed: 2, dropped: 1, held_quiet_hours: 0, waiting: 3 })).toBe(
      'Nothing was due to send. 2 reminders failed: see why under Failed, then Retry. 1 reminder was no longer needed and dropped with a note. 3 reminders wait for an email server or the SMS export.',
    );
  });

  it('says where the SMS file went and that its messages count as sent', () => {
    expect(smsExportText({ saved: true, path: '/home/desk/sms.csv', messages: 2, dropped: 0 })).toBe('Saved 2 text messages for the SMS gateway in /home/desk/sms.csv. They are marked sent.');
  });

  it('gives a dropped message its note and a failed one its reason', () => {
    const message = { id: 1, dedupe_key: 'k', rule: 'lesson_tomorrow', channel: 'email', recipient: 'a@b.ca', subject: 's', body: 'b', attempts: 2, sent_at: null, student_id: 1, version: 1, due_at: '2031-03-04T22:00:00Z' };
    expect(messageNote({ ...message, status: 'dropped', last_error: null, drop_note: 'The lesson was cancelled.' }, when)).toBe('The lesson was cancelled.');
    expect(messageNote({ ...message, status: 'failed', last_error: 'The SMTP server refused the user name or password.', drop_note: null }, when)).toBe(
      'The SMTP server refused the user name or password. (2 tries)',
    );
  });

  it('says a waiting message that is due goes with the next send, and one not yet due waits for its time', () => {
    const message = { id: 1, dedupe_key: 'k', rule: 'lesson_tomorrow', channel: 'email', recipient: 'a@b.ca', subject: 's', body: 'b', attempts: 0, sent_at: null, student_id: 1, version: 1, status: 'queued', last_error: null, drop_note: null };
    const now = Date.parse('2031-03-04T12:00:00Z');
    expect(messageNote({ ...message, due_at: '2031-03-04T05:00:00Z' }, when, now)).toContain('Goes out with the next send');
    expect(messageNote({ ...message, due_at: '2031-03-04T22:00:00Z' }, when, now)).toBe('Waits until at 2031-03-04T22:00:00Z');
    expect(dueText({ due_at: '2031-03-04T05:00:00Z' }, when, now)).toBe('Now');
  });

  it('shows consent with its moment, or that the student was never asked', () => {
    const local = () => 'Mar 4, 2031, 10:00 a.m.';
    expect(consentText({ student_id: 1, agreed: true, recorded_at: '2031-03-04T15:00:00Z', version: 1 }, local)).toBe('Agreed to reminders by email and text message on Mar 4, 2031, 10:00 a.m.');
    expect(consentText({ student_id: 1, agreed: false, recorded_at: '2031-03-04T15:00:00Z', version: 2 }, local)).toBe('Said no to reminders on Mar 4, 2031, 10:00 a.m. None are sent.');
    expect(consentText({ student_id: 1, agreed: false, recorded_at: null, version: null }, when)).toContain('Not asked yet');
  });
});
