import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { TextField } from '../../../components/ui/field';
import { StatusChip } from '../../../components/ui/status-chip';
import { centsToDollarsText, dollarsToCents } from '../../../lib/units';
import { useSignedInAccountId } from '../../sign-in';
import { useCertifiers, useCertifyBatch } from '../api/certification';
import type { BatchOutcome, WorklistRow } from '../types';
import { batchKeyAction } from './batch-keys';
import { CertifierPicker, certifierRef, rememberCertifier, startingCertifier } from './certifier-picker';

type Props = {
  rows: readonly WorklistRow[];
  feeCents: number;
  today: string;
  onClose: () => void;
  /** Called once every row is certified, or when the dialog closes after some were: their names. */
  onCertified: (names: string[]) => void;
};

type Missing = { by?: boolean; reason?: boolean; references: Set<number>; fees: Set<number> };

/**
 * Records several MTO certifications at once: one row per student with its own MTO reference and fee, one
 * "Certified by" and one date for all. Enter goes to the next row's reference, Ctrl+Enter certifies. Each
 * student is certified or refused on its own: a refusal is shown on its row, in words, and the others stand.
 */
export function BulkCertifyDialog({ rows, feeCents, today, onClose, onCertified }: Props) {
  const certifiers = useCertifiers();
  const account = useSignedInAccountId();
  const batch = useCertifyBatch();
  const [references, setReferences] = useState<Record<number, string>>({});
  const [fees, setFees] = useState<Record<number, string>>({});
  const [chosen, setChosen] = useState<string | null>(null);
  const by = chosen ?? startingCertifier(certifiers.data?.items, account);
  const [on, setOn] = useState(today);
  const [reason, setReason] = useState('');
  const backdated = on !== today;
  const [missing, setMissing] = useState<Missing>({ references: new Set(), fees: new Set() });
  const [outcomes, setOutcomes] = useState<Record<number, BatchOutcome>>({});
  const referenceInputs = useRef<(HTMLInputElement | null)[]>([]);
  const pending = rows.filter((row) => !outcomes[row.enrollment_id]?.certified);
  const certifiedNames = rows.filter((row) => outcomes[row.enrollment_id]?.certified).map((row) => row.student_name);
  const defaultFee = centsToDollarsText(feeCents);

  function focusRow(index: number) {
    referenceInputs.current[index]?.focus();
  }

  function submit() {
    const certifier = certifierRef(by, certifiers.data?.items ?? []);
    const blank: Missing = { references: new Set(), fees: new Set() };
    const cents = new Map<number, number>();
    for (const row of pending) {
      if (!(references[row.enrollment_id] ?? '').trim()) blank.references.add(row.enrollment_id);
      const fee = dollarsToCents(fees[row.enrollment_id] ?? defaultFee);
      if (fee === null) blank.fees.add(row.enrollment_id);
      else cents.set(row.enrollment_id, fee);
    }
    blank.by = !certifier;
    blank.reason = backdated && reason.trim().length < 3;
    setMissing(blank);
    const firstBlank = pending.findIndex((row) => blank.references.has(row.enrollment_id) || blank.fees.has(row.enrollment_id));
    if (firstBlank >= 0) focusRow(rows.indexOf(pending[firstBlank] as WorklistRow));
    if (!certifier || blank.reason || firstBlank >= 0 || pending.length === 0) return;
    rememberCertifier(by, account);
    batch.mutate(
      {
        certifier,
        certified_on: on || null,
        reason: backdated ? reason.trim() : null,
        rows: pending.map((row) => ({
          enrollment_id: row.enrollment_id,
          version: row.version,
          mto_reference: (references[row.enrollment_id] ?? '').trim(),
          fee_cents: cents.get(row.enrollment_id) ?? null,
        })),
      },
      {
        onSuccess: (result) => {
          const next = { ...outcomes };
          for (const outcome of result.outcomes) next[outcome.enrollment_id] = outcome;
          setOutcomes(next);
          if (result.refused_count === 0) {
            onCertified(rows.map((row) => row.student_name));
            return;
          }
          const firstRefused = rows.findIndex((row) => next[row.enrollment_id]?.certified === false);
          // The focus moves to the first refused row once it is back in the page.
          setTimeout(() => focusRow(firstRefused), 0);
        },
      },
    );
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    submit();
  }

  // Ctrl+Enter certifies from anywhere in the dialog (the rows, the picker, the date).
  function onFormKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Enter') return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      submit();
    } else if (event.target instanceof HTMLInputElement) {
      // A plain Enter in the fee, the date or the reason would submit the form (its button is the default):
      // only Ctrl+Enter or the button certifies a list.
      event.preventDefault();
    }
  }

  function onReferenceKeyDown(event: KeyboardEvent<HTMLInputElement>, index: number) {
    const action = batchKeyAction(event, index, rows.length);
    if (action === null || action.kind === 'submit') return; // Ctrl+Enter reaches the form's handler
    event.preventDefault();
    if (action.kind === 'focus') focusRow(action.index);
  }

  function close() {
    if (certifiedNames.length > 0) onCertified(certifiedNames);
    else onClose();
  }

  const refusedCount = rows.filter((row) => outcomes[row.enrollment_id]?.certified === false).length;
  return (
    <Dialog
      title={`Certify ${rows.length} students`}
      onClose={close}
      size="large"
      testId="bulk-certify-dialog"
      description={
        <p>
          Enter each certification on the MTO web site first, then record them here: one MTO reference per student. Enter moves to the next student, Ctrl+Enter records them all. Each
          student’s course record is locked once certified.
        </p>
      }
      footer={
        <>
          <Button onClick={close}>{certifiedNames.length > 0 ? 'Close' : 'Cancel'}</Button>
          <Button variant="primary" type="submit" form="bulk-certify-form" busy={batch.isPending} disabled={pending.length === 0} data-testid="confirm-bulk-certify">
            {certifiedNames.length > 0 ? `Record the other ${pending.length}` : `Record ${rows.length} certifications`}
          </Button>
        </>
      }
    >
      {batch.error ? <ErrorBanner error={batch.error} title="No certification was recorded." testId="bulk-certify-error" /> : null}
      {refusedCount > 0 ? (
        <p className="small" role="status" data-testid="bulk-certify-summary">
          {certifiedNames.length} certified, {refusedCount} not: see why on {refusedCount === 1 ? 'its row' : 'their rows'}. Nothing was recorded for {refusedCount === 1 ? 'that student' : 'those students'}.
        </p>
      ) : null}
      <form id="bulk-certify-form" className="bulk-certify" onSubmit={onSubmit} onKeyDown={onFormKeyDown} noValidate>
        <div className="bulk-certify__common">
          <CertifierPicker id="bulk_certified_by" value={by} error={missing.by ? 'Choose who certified.' : undefined} onChange={setChosen} />
          <TextField id="bulk_certified_on" label="Certified on" type="date" max={today} value={on} onChange={(event) => setOn(event.target.value)} />
          {backdated ? (
            <TextField
              id="bulk_certification_reason"
              label="Why not today?"
              hint="A certification dated on another day needs a reason; it is kept in the audit log."
              required
              value={reason}
              error={missing.reason ? 'Give the reason (at least 3 characters).' : undefined}
              onChange={(event) => setReason(event.target.value)}
            />
          ) : null}
        </div>
        <table className="data-table bulk-certify__rows" data-testid="bulk-certify-rows">
          <thead>
            <tr>
              <th scope="col">Student</th>
              <th scope="col">MTO reference</th>
              <th scope="col">MTO fee ($)</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const outcome = outcomes[row.enrollment_id];
              const done = outcome?.certified === true;
              const referenceId = `bulk_reference_${row.enrollment_id}`;
              const feeId = `bulk_fee_${row.enrollment_id}`;
              const refusalId = `bulk_refusal_${row.enrollment_id}`;
              const referenceError = missing.references.has(row.enrollment_id) ? 'Required.' : undefined;
              return (
                <tr key={row.enrollment_id} data-testid="bulk-certify-row" data-enrollment-id={row.enrollment_id} data-outcome={outcome ? (done ? 'certified' : 'refused') : 'pending'}>
                  <th scope="row" className="data-table__name">
                    {row.student_name}
                    <div className="muted small">{row.course_name}</div>
                  </th>
                  <td>
                    <input
                      ref={(element) => {
                        referenceInputs.current[index] = element;
                      }}
                      id={referenceId}
                      className="field__control mono"
                      aria-label={`MTO reference for ${row.student_name}`}
                      aria-invalid={referenceError || (outcome && !done) ? true : undefined}
                      aria-describedby={outcome && !done ? refusalId : undefined}
                      autoFocus={index === 0}
                      readOnly={done}
                      value={references[row.enrollment_id] ?? ''}
                      onChange={(event) => setReferences({ ...references, [row.enrollment_id]: event.target.value })}
                      onKeyDown={(event) => onReferenceKeyDown(event, index)}
                    />
                    {referenceError ? (
                      <p className="field__error" role="alert">
                        {referenceError}
                      </p>
                    ) : null}
                  </td>
                  <td>
                    <input
                      id={feeId}
                      className="field__control bulk-certify__fee"
                      inputMode="decimal"
                      aria-label={`MTO fee in dollars for ${row.student_name}`}
                      aria-invalid={missing.fees.has(row.enrollment_id) ? true : undefined}
                      readOnly={done}
                      value={fees[row.enrollment_id] ?? defaultFee}
                      onChange={(event) => setFees({ ...fees, [row.enrollment_id]: event.target.value })}
                    />
                    {missing.fees.has(row.enrollment_id) ? (
                      <p className="field__error" role="alert">
                        Enter dollars and cents, e.g. 15.00.
                      </p>
                    ) : null}
                  </td>
                  <td>
                    {done ? <StatusChip tone="ok">Certified</StatusChip> : null}
                    {outcome && !done ? (
                      <p className="field__error" id={refusalId} data-testid="bulk-certify-refusal" data-code={outcome.refusal?.code}>
                        {refusalWords(outcome)}
                      </p>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </form>
    </Dialog>
  );
}

/** The refusal's rule in words: a "not ready" lists what is still missing. */
function refusalWords(outcome: BatchOutcome): string {
  const refusal = outcome.refusal;
  if (!refusal) return 'Not certified.';
  const unmet = (refusal.details as { unmet?: { message: string }[] } | null | undefined)?.unmet;
  return unmet && unmet.length > 0 ? `${refusal.message} ${unmet.map((u) => u.message).join(' ')}` : refusal.message;
}
