// The reminders' app channels, shared by main, preload and renderer (see app-channels.ts).

/** Keeps (or, with null, forgets) the SMTP password, sealed by safeStorage; answers only whether one is kept. */
export const REMINDERS_PASSWORD_SAVE_CHANNEL = 'app:reminders:password-save';
/** Whether an SMTP password is kept: never the password itself. */
export const REMINDERS_PASSWORD_STATUS_CHANNEL = 'app:reminders:password-status';

export interface SmtpPasswordStatus {
  kept: boolean;
}
