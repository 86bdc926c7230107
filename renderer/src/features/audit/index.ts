// The audit feature's public face: what the app and other features may import.
export { AuditPage } from './components/audit-page';
export { AuditGuardWarning } from './components/guard-warning';
export { useChainCheck } from './components/chain-check';
export { StudentHistory } from './components/student-history';
export { useAuditHistory } from './api/audit';
export { auditLive } from './api/live';
