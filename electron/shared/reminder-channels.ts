// The reminders' app channels, shared by main, preload and renderer (see app-channels.ts).

/** Keeps (or, with null, forgets) the SMTP password, sealed by safeStorage; answers only whether one is kept. */
export const REMINDERS_PASSWORD_SAVE_CHANNEL = 'app:reminders:password-save';
/** Whether an SMTP password is kept: never the password itself. */
export const REMINDERS_PASSWORD_STATUS_CHANNEL = 'app:reminders:password-status';

export interface SmtpPasswordStatus {
  kept: boolean;
}

/** Fills the outbox and sends what is due now, as the timer does (with the kept password). */
export const REMINDERS_SEND_NOW_CHANNEL = 'app:reminders:send-now';
/** Writes the SMS waiting in the outbox as a CSV for the school's SMS gateway, where the user picks. */
export const REMINDERS_SMS_EXPORT_CHANNEL = 'app:reminders:sms-export';

/** What one send run did. */
export interface ReminderSendSummary {
  sent: number;
  failed: number;
  dropped: number;
  held_quiet_hours: number;
  /** SMS waiting for a CSV export, or email waiting for an SMTP server. */
  waiting: number;
}

export type SmsExportOutcome =
  | { saved: false }
  | {
      saved: true;
      /** Where the file went, for the confirmation the screen shows. */
      path: string;
      /** Messages in the file (now marked sent). */
      messages: number;
      /** Messages no longer relevant, dropped with a note instead. */
      dropped: number;
    };
