// The settings feature's public face.
export { useSchoolClock } from './api/get-settings';
export { SettingsPage } from './components/settings-page';
export { settingsLive } from './api/live';
