// Audit shapes come from the backend's contracts.
import type { ChannelRequest } from '../../../../shared-contracts/channels';
import type { components } from '../../../../shared-contracts/openapi';

export type AuditEntry = components['schemas']['AuditEntryRead'];
export type ChainReport = components['schemas']['ChainReport'];
export type RecordDrift = components['schemas']['RecordDrift'];
export type AnchorBreak = components['schemas']['AnchorBreak'];
export type AuditIntegrity = components['schemas']['AuditIntegrity'];
export type AuditQuery = ChannelRequest<'db:audit:history'>;
