// The audit feature's public face: what the app and other features may import.
export { useVerifyAuditChain } from './api/audit';
export { AuditPage, ChainResult } from './components/audit-page';
export { StudentHistory } from './components/student-history';
