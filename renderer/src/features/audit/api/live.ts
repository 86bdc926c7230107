import type { LiveQueries } from '../../../lib/live-queries';
import { auditKeys } from './audit';

/** Every write appends to the audit log; the history and the chain's check read it. */
export const auditLive: LiveQueries = { queryKey: auditKeys.all, shows: ['audit'] };
