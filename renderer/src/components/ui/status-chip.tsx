import type { ReactNode } from 'react';
import { describeExpiry, type ExpiryState, type ExpiryStatus } from '../../lib/expiry';
import { formatDate } from '../../lib/dates';

export type ChipTone = 'ok' | 'warning' | 'danger' | 'neutral' | 'info';

export function StatusChip({ tone, children, title, testId }: { tone: ChipTone; children: ReactNode; title?: string; testId?: string }) {
  return (
    <span className={`chip chip--${tone}`} title={title} data-testid={testId} data-tone={tone}>
      <span className="chip__dot" aria-hidden="true" />
      {children}
    </span>
  );
}

const EXPIRY_TONE: Record<ExpiryState, ChipTone> = { valid: 'ok', expiring: 'warning', lapsed: 'danger', missing: 'neutral' };

/** A credential's status: "DI licence · Mar 31, 2027", coloured by how close it is to lapsing. */
export function ExpiryChip({ label, status, testId }: { label: string; status: ExpiryStatus; testId?: string }) {
  const when = status.expiresOn ? formatDate(status.expiresOn) : 'not recorded';
  return (
    <StatusChip tone={EXPIRY_TONE[status.state]} title={`${label}: ${describeExpiry(status)}`} testId={testId}>
      {label} · {when}
    </StatusChip>
  );
}
