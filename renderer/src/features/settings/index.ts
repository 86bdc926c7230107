// The settings feature's public face.
export { useSchoolClock } from './api/get-settings';
export { SettingsPage } from './components/settings-page';
