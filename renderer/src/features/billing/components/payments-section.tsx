import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { formatDate } from '../../../lib/dates';
import { useRefundPayment, useReversePayment, useStudentPayments } from '../api/billing';
import { METHOD_LABELS, type Payment } from '../types';
import { money } from './money';
import { ReasonDialog } from './reason-dialog';
import { useMay } from '../../sign-in';

type Props = { studentId: number; onNotice: (message: string) => void };
type Open = { kind: 'refund' | 'reverse'; payment: Payment } | null;

const KIND_LABELS: Record<Payment['kind'], string> = { payment: 'Payment', refund: 'Refund', reversal: 'Reversal' };

/** What is left of a payment to give back. */
const leftOf = (payment: Payment) => payment.amount_cents - payment.refunded_cents;

/** The student's payments, refunds and reversals; Refund or Reverse a payment, with a reason. */
export function PaymentsSection({ studentId, onNotice }: Props) {
  const payments = useStudentPayments(studentId);
  const [open, setOpen] = useState<Open>(null);
  // Refunds and reversals are the owner's (the backend refuses anyone else): the desk sees why they are missing.
  const mayRefund = useMay('refund');
  const items = payments.data ?? [];
  return (
    <section aria-labelledby="account-payments-title" data-testid="account-payments">
      <h3 className="student-tab__heading" id="account-payments-title">
        Payments
      </h3>
      {!mayRefund && items.some((payment) => payment.kind === 'payment' && leftOf(payment) > 0) ? (
        <p className="muted small" data-testid="refund-owner-only">
          Only the school’s owner can refund or reverse a payment.
        </p>
      ) : null}
      {payments.error ? <ErrorBanner error={payments.error} title="Could not load the payments." /> : null}
      {payments.isPending ? <p className="muted">Loading payments…</p> : null}
      {payments.data && items.length === 0 ? <p className="muted">No payments yet.</p> : null}
      {items.length > 0 ? (
        <DataTable testId="payment-table" columns={['Date', 'Payment', 'Reference', { label: 'Amount', className: 'num' }, { label: 'On invoices', className: 'num' }, { label: 'Credit', className: 'num' }]} withActions>
          {items.map((payment) => {
            const placed = payment.allocations.reduce((sum, item) => sum + item.amount_cents, 0);
            const isPayment = payment.kind === 'payment';
            return (
              <tr key={payment.id} data-testid="payment-row" data-kind={payment.kind}>
                <td className="account-nowrap">{formatDate(payment.received_on)}</td>
                <th scope="row">
                  {KIND_LABELS[payment.kind]} · {METHOD_LABELS[payment.method]}
                  {payment.refunded_cents > 0 ? <div className="muted small">{money(payment.refunded_cents)} given back</div> : null}
                  {payment.reason ? <div className="muted small">Why: {payment.reason}</div> : null}
                </th>
                <td>{payment.reference ?? ''}</td>
                <td className="num">{isPayment ? money(payment.amount_cents) : `-${money(payment.amount_cents)}`}</td>
                <td className="num">{isPayment ? money(placed) : ''}</td>
                <td className="num" data-testid="payment-unplaced">
                  {isPayment && payment.unallocated_cents > 0 ? money(payment.unallocated_cents) : ''}
                </td>
                <td className="data-table__actions">
                  {mayRefund ? (
                    <>
                  {isPayment && leftOf(payment) > 0 ? (
                    <>
                      <Button variant="ghost" onClick={() => setOpen({ kind: 'refund', payment })} aria-label={`Refund the ${money(payment.amount_cents)} payment of ${formatDate(payment.received_on)}`} data-testid="refund-payment">
                        Refund…
                      </Button>
                      <Button variant="ghost" className="btn--ghost-danger" onClick={() => setOpen({ kind: 'reverse', payment })} aria-label={`Reverse the ${money(payment.amount_cents)} payment of ${formatDate(payment.received_on)}`} data-testid="reverse-payment">
                        Reverse…
                      </Button>
                    </>
                  ) : null}
                    </>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </DataTable>
      ) : null}
      {open?.kind === 'refund' ? <RefundDialog payment={open.payment} onClose={() => setOpen(null)} onNotice={onNotice} /> : null}
      {open?.kind === 'reverse' ? <ReverseDialog payment={open.payment} onClose={() => setOpen(null)} onNotice={onNotice} /> : null}
    </section>
  );
}

type DialogProps = { payment: Payment; onClose: () => void; onNotice: (message: string) => void };

function RefundDialog({ payment, onClose, onNotice }: DialogProps) {
  const refund = useRefundPayment();
  const left = leftOf(payment);
  return (
    <ReasonDialog
      title="Refund a payment"
      explain={`${money(payment.amount_cents)} ${METHOD_LABELS[payment.method].toLowerCase()} of ${formatDate(payment.received_on)}; ${money(left)} can still be given back, by the same method.`}
      confirm="Refund"
      amount={{ label: 'Amount to refund ($)', prefill: (left / 100).toFixed(2), most: left }}
      pending={refund.isPending}
      error={refund.error}
      onConfirm={(reason, cents) =>
        refund.mutate(
          { payment_id: payment.id, body: { reason, amount_cents: cents } },
          {
            onSuccess: (saved) => {
              onClose();
              onNotice(`${money(saved.amount_cents)} refunded.`);
            },
          },
        )
      }
      onClose={onClose}
      testId="refund-dialog"
    />
  );
}

/** A bounced cheque or a charge-back: all that is left of the payment comes back off the account. */
function ReverseDialog({ payment, onClose, onNotice }: DialogProps) {
  const reverse = useReversePayment();
  return (
    <ReasonDialog
      title="Reverse a payment"
      explain={`A bounced cheque or a charge-back: the ${money(leftOf(payment))} left of this ${METHOD_LABELS[payment.method].toLowerCase()} payment comes off the account, and what it paid is owing again.`}
      confirm="Reverse payment"
      pending={reverse.isPending}
      error={reverse.error}
      onConfirm={(reason) =>
        reverse.mutate(
          { payment_id: payment.id, body: { reason } },
          {
            onSuccess: (saved) => {
              onClose();
              onNotice(`${money(saved.amount_cents)} payment reversed.`);
            },
          },
        )
      }
      onClose={onClose}
      testId="reverse-dialog"
    />
  );
}
