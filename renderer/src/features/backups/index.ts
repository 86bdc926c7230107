// The backups feature's public face: Home's backup card (File → Back up now lands there).
export { BackupCard } from './components/backup-card';
