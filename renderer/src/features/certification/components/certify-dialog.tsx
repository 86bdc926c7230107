import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { TextField } from '../../../components/ui/field';
import { centsToDollarsText, dollarsToCents } from '../../../lib/units';
import { useEnrollment } from '../../enrollments';
import { useSignedInAccountId } from '../../sign-in';
import { useCertifiers, useCertify } from '../api/certification';
import type { WorklistRow } from '../types';
import { CertifierPicker, certifierRef, rememberCertifier, startingCertifier } from './certifier-picker';
import { HoursSummary } from './hours-summary';

type Props = { row: WorklistRow; feeCents: number; today: string; onClose: () => void; onCertified: (name: string) => void };

/** Records the MTO certification the desk has just entered on the MTO web site. */
export function CertifyDialog({ row, feeCents, today, onClose, onCertified }: Props) {
  const enrollment = useEnrollment(row.enrollment_id);
  const certify = useCertify();
  const certifiers = useCertifiers();
  const account = useSignedInAccountId();
  const [reference, setReference] = useState('');
  const [chosen, setBy] = useState<string | null>(null);
  const by = chosen ?? startingCertifier(certifiers.data?.items, account);
  const [on, setOn] = useState(today);
  const [reason, setReason] = useState('');
  // Any other day than today is back-dating: the app keeps the reason in the audit log (DOMAIN.md).
  const backdated = on !== today;
  const [fee, setFee] = useState(centsToDollarsText(feeCents));
  const [missing, setMissing] = useState<string[]>([]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const cents = dollarsToCents(fee);
    const certifier = certifierRef(by, certifiers.data?.items ?? []);
    const blank = [
      reference.trim() ? null : 'reference',
      certifier ? null : 'by',
      cents === null ? 'fee' : null,
      backdated && reason.trim().length < 3 ? 'reason' : null,
    ].filter((name): name is string => name !== null);
    setMissing(blank);
    if (blank.length > 0 || !enrollment.data || !certifier) return;
    rememberCertifier(by, account);
    certify.mutate(
      {
        enrollmentId: row.enrollment_id,
        body: {
          version: enrollment.data.version,
          mto_reference: reference.trim(),
          certifier,
          certified_on: on || null,
          fee_cents: cents,
          reason: backdated ? reason.trim() : null,
        },
      },
      { onSuccess: () => onCertified(row.student_name) },
    );
  }

  return (
    <Dialog
      title={`Certify ${row.student_name}`}
      onClose={onClose}
      testId="certify-dialog"
      description={
        <>
          <p>
            Enter the certification on the MTO web site first, then record it here. The course record is locked afterwards: later changes are added as corrections with a reason.
          </p>
          <p className="small">
            {row.course_name} · mark {row.final_mark_percent ?? '—'}% · <HoursSummary totals={row.totals} />
          </p>
        </>
      }
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form="certify-form" busy={certify.isPending} disabled={!enrollment.data} data-testid="confirm-certify">
            Record certification
          </Button>
        </>
      }
    >
      {enrollment.error ? <ErrorBanner error={enrollment.error} title="Could not load the enrollment." /> : null}
      {certify.error ? <ErrorBanner error={certify.error} title="The certification was not recorded." testId="certify-error" /> : null}
      <form id="certify-form" className="form-grid__section" onSubmit={onSubmit} noValidate>
        <TextField id="mto_reference" label="MTO reference" required autoFocus className="mono" value={reference} error={missing.includes('reference') ? 'Required.' : undefined} onChange={(event) => setReference(event.target.value)} />
        <CertifierPicker id="certified_by" value={by} error={missing.includes('by') ? 'Choose who certified.' : undefined} onChange={setBy} />
        <TextField id="certified_on" label="Certified on" type="date" max={today} value={on} onChange={(event) => setOn(event.target.value)} />
        {backdated ? (
          <TextField
            id="certification_reason"
            label="Why not today?"
            hint="A certification dated on another day needs a reason; it is kept in the audit log."
            required
            value={reason}
            error={missing.includes('reason') ? 'Give the reason (at least 3 characters).' : undefined}
            onChange={(event) => setReason(event.target.value)}
          />
        ) : null}
        <TextField id="certification_fee" label="MTO fee ($)" inputMode="decimal" value={fee} error={missing.includes('fee') ? 'Enter dollars and cents, e.g. 15.00.' : undefined} onChange={(event) => setFee(event.target.value)} />
      </form>
    </Dialog>
  );
}
