// The reminders feature's public face.
export { OutboxPage } from './components/outbox-page';
export { ReminderConsentCard } from './components/reminder-consent-card';
export { RemindersSettingsSection } from './components/reminder-settings-section';
