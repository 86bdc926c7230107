import { Banner } from '../../../components/ui/banner';
import { formatLongDate, todayIn } from '../../../lib/dates';
import { useAuditIntegrity } from '../api/audit';
import type { AuditIntegrity } from '../types';

/** The day of the latest restore, in the school's zone: what the owner needs to look into. */
export function guardWarningText(integrity: AuditIntegrity, timeZone: string): string | undefined {
  const latest = integrity.guards_restored[0];
  if (!latest) return undefined;
  const day = todayIn(timeZone, new Date(latest.restored_at));
  return `The audit log's protection was switched off outside the app and has been restored on ${formatLongDate(day)}. Tell the owner.`;
}

/** Home's warning when start-up had to put back a dropped append-only trigger. */
export function AuditGuardWarning({ timeZone }: { timeZone: string }) {
  const integrity = useAuditIntegrity();
  const text = integrity.data ? guardWarningText(integrity.data, timeZone) : undefined;
  if (!text) return null;
  return <Banner tone="warning" title={text} testId="audit-guard-warning" />;
}
