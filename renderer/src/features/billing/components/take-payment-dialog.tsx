import { useState, type FormEvent, type ReactNode } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { SelectField, TextField } from '../../../components/ui/field';
import { FormFooter } from '../../../components/ui/form-footer';
import { useStatement, useStudentInvoices, useTakePayment, type TakePayment } from '../api/billing';
import { METHOD_LABELS, METHODS, type Payment, type PaymentMethod } from '../types';
import { money } from './money';
import { checkPayment, formFieldOf, initialPaymentValues, invoiceField, openInvoices, PAYMENT_FIELDS, paymentOutcome, type OpenInvoice, type PaymentFormValues } from './payment-form';
import { problemsOf } from './refusals';

type Props = { studentId: number; studentName: string; today: string; onClose: () => void };

/** Take a payment: the amount owed already typed in, cash, today; Enter saves. Opens with Alt+P on a student's page. */
export function TakePaymentDialog({ studentId, studentName, today, onClose }: Props) {
  const statement = useStatement(studentId);
  const invoices = useStudentInvoices(studentId);
  const take = useTakePayment();
  const saved = take.data;
  const error = statement.error ?? invoices.error;
  const footer = saved ? (
    <Button variant="primary" onClick={onClose} autoFocus data-testid="payment-done">
      Done
    </Button>
  ) : (
    <FormFooter formId="take-payment-form" onCancel={onClose} busy={take.isPending} disabled={!statement.data || !invoices.data} testId="save-payment">
      Take payment
    </FormFooter>
  );
  let body: ReactNode;
  if (saved) body = <PaymentTaken payment={saved} />;
  else if (statement.data && invoices.data) body = <PaymentFields studentId={studentId} today={today} owingCents={Math.max(0, statement.data.balance_cents)} open={openInvoices(invoices.data)} take={take} />;
  else body = error ? <ErrorBanner error={error} title="Could not load the student’s account." /> : <p className="muted">Loading the account…</p>;
  return (
    <Dialog title={`Take payment · ${studentName}`} onClose={onClose} testId="take-payment-dialog" footer={footer}>
      {body}
    </Dialog>
  );
}

type FieldsProps = { studentId: number; today: string; owingCents: number; open: readonly OpenInvoice[]; take: ReturnType<typeof useTakePayment> };

function PaymentFields({ studentId, today, owingCents, open, take }: FieldsProps) {
  const [values, setValues] = useState<PaymentFormValues>(() => initialPaymentValues(owingCents, today));
  const [checked, setChecked] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<TakePayment | null>(null);
  const formFields = [...PAYMENT_FIELDS, ...open.map((invoice) => invoiceField(invoice.id))];
  const refused = problemsOf(take.error, formFields, (path) => formFieldOf(path, sent));
  const errors = { ...refused.byField, ...checked };

  const set = <K extends keyof PaymentFormValues>(key: K, value: PaymentFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    take.reset();
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (take.isPending) return;
    const check = checkPayment(studentId, values, open, today);
    if (!check.ok) {
      setChecked(check.errors);
      return;
    }
    setChecked({});
    setSent(check.body);
    take.mutate(check.body);
  }

  return (
    <form id="take-payment-form" className="form-grid" onSubmit={onSubmit} noValidate>
        <p className="payment-owing" data-testid="payment-owing">
          {owingCents > 0 ? `Owing: ${money(owingCents)}` : 'Nothing is owing: a payment now is credit on the account.'}
        </p>
        <div className="form-grid__section">
          <TextField
            id="amount_cents"
            label="Amount ($)"
            required
            inputMode="decimal"
            autoComplete="off"
            autoFocus
            onFocus={(event) => event.currentTarget.select()}
            value={values.amount}
            error={errors.amount_cents}
            onChange={(event) => set('amount', event.target.value)}
          />
          <SelectField id="method" label="Method" value={values.method} error={errors.method} onChange={(event) => set('method', event.target.value as PaymentMethod)}>
            {METHODS.map((method) => (
              <option key={method} value={method}>
                {METHOD_LABELS[method]}
              </option>
            ))}
          </SelectField>
          <TextField id="reference" label="Reference" hint="Optional: cheque number, e-transfer or card confirmation." maxLength={100} value={values.reference} error={errors.reference} onChange={(event) => set('reference', event.target.value)} />
          <TextField id="received_on" label="Received on" type="date" max={today} value={values.receivedOn} error={errors.received_on} onChange={(event) => set('receivedOn', event.target.value)} />
          {values.receivedOn !== today || errors.reason ? (
            <TextField id="reason" label="Reason for an earlier date" wide maxLength={500} hint="Kept in the audit log, e.g. “Cheque left in the drop box on Friday”." value={values.reason} error={errors.reason} onChange={(event) => set('reason', event.target.value)} />
          ) : null}
        </div>
        {open.length > 0 ? (
          <fieldset className="form-grid__section" aria-describedby={errors.allocations ? 'allocations-error' : undefined}>
            <legend>Where it goes</legend>
            <CheckboxField
              id="choose-invoices"
              wide
              label="Choose the invoices it pays"
              hint={values.chooseInvoices ? 'Anything not placed on an invoice stays as credit on the account.' : 'Unticked: the oldest invoices are paid first; anything more is credit on the account.'}
              checked={values.chooseInvoices}
              onChange={(event) => set('chooseInvoices', event.target.checked)}
            />
            {values.chooseInvoices
              ? open.map((invoice) => (
                  <TextField
                    key={invoice.id}
                    id={invoiceField(invoice.id)}
                    label={`${invoice.label} (owes ${money(invoice.owingCents)})`}
                    wide
                    inputMode="decimal"
                    autoComplete="off"
                    value={values.placed[invoice.id] ?? ''}
                    error={errors[invoiceField(invoice.id)]}
                    onChange={(event) => set('placed', { ...values.placed, [invoice.id]: event.target.value })}
                  />
                ))
              : null}
            {errors.allocations ? (
              <p className="field__error field--wide" id="allocations-error" role="alert" data-testid="field-error-allocations">
                {errors.allocations}
              </p>
            ) : null}
          </fieldset>
        ) : null}
        {refused.general.length > 0 ? (
          <Banner tone="error" title="The payment was not taken." testId="payment-error">
            {refused.general.map((words) => (
              <p key={words}>{words}</p>
            ))}
          </Banner>
        ) : null}
      </form>
  );
}

/** After saving: what the payment paid, and any overpayment as credit on the account. */
function PaymentTaken({ payment }: { payment: Payment }) {
  const { placedCents, creditCents } = paymentOutcome(payment);
  return (
    <Banner tone="success" title={`${money(payment.amount_cents)} ${METHOD_LABELS[payment.method].toLowerCase()} taken.`} testId="payment-result">
      <ul className="warning-list">
        <li>{placedCents > 0 ? `${money(placedCents)} paid on invoices.` : 'Nothing was owing on an issued invoice.'}</li>
        {creditCents > 0 ? <li data-testid="payment-credit">{money(creditCents)} is credit on the account, kept for later.</li> : null}
        {payment.reference ? <li>Reference {payment.reference}.</li> : null}
      </ul>
    </Banner>
  );
}
