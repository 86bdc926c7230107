// The Database server feature's public face: the section on the Settings screen.
export { DatabaseServerSection } from './components/database-server-section';
