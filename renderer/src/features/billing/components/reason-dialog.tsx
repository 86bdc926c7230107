import { useState, type FormEvent, type ReactNode } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Dialog } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/field';
import { FormFooter } from '../../../components/ui/form-footer';
import { parseAmount } from './money';
import { problemsOf } from './refusals';

export type AmountField = { label: string; hint?: string; prefill: string; /** The client's own cap; the backend checks again. */ most?: number };

type Props = {
  title: string;
  explain: ReactNode;
  confirm: string;
  /** A refund's or a credit note's amount; left out for a reversal or a waived fee (all of it). */
  amount?: AmountField;
  pending: boolean;
  error: unknown;
  onConfirm: (reason: string, cents: number | null) => void;
  onClose: () => void;
  testId: string;
};

const FIELDS = ['reason', 'amount_cents'];

/** A money correction that needs a reason (kept in the audit log), and for some an amount in dollars. */
export function ReasonDialog({ title, explain, confirm, amount, pending, error, onConfirm, onClose, testId }: Props) {
  const [reason, setReason] = useState('');
  const [amountText, setAmountText] = useState(amount?.prefill ?? '');
  const [checked, setChecked] = useState<Record<string, string>>({});
  const refused = problemsOf(error, FIELDS, (path) => (path.startsWith('lines') ? 'amount_cents' : path));
  const errors = { ...refused.byField, ...checked };
  const formId = `${testId}-form`;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    const problems: Record<string, string> = {};
    if (reason.trim() === '') problems.reason = 'Say why: the reason is kept in the audit log.';
    const parsed = amount ? parseAmount(amountText, amount.most) : null;
    if (parsed && !parsed.ok) problems.amount_cents = parsed.problem;
    setChecked(problems);
    if (Object.keys(problems).length > 0) return;
    onConfirm(reason.trim(), parsed?.ok ? parsed.cents : null);
  }

  return (
    <Dialog title={title} onClose={onClose} testId={testId} footer={<FormFooter formId={formId} onCancel={onClose} busy={pending} disabled={false} testId={`${testId}-confirm`}>{confirm}</FormFooter>}>
      <form id={formId} className="form-grid" onSubmit={onSubmit} noValidate>
        <div className="muted">{explain}</div>
        {amount ? (
          <TextField id="amount_cents" label={amount.label} hint={amount.hint} required inputMode="decimal" autoComplete="off" value={amountText} error={errors.amount_cents} onChange={(event) => setAmountText(event.target.value)} />
        ) : null}
        <TextField id="reason" label="Reason" required maxLength={500} autoFocus value={reason} error={errors.reason} hint="Kept in the audit log." onChange={(event) => setReason(event.target.value)} />
        {refused.general.length > 0 ? (
          <Banner tone="error" title="That was not saved." testId={`${testId}-error`}>
            {refused.general.map((words) => (
              <p key={words}>{words}</p>
            ))}
          </Banner>
        ) : null}
      </form>
    </Dialog>
  );
}
