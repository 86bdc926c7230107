import { useState } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { useApplyCredit, useStatement } from '../api/billing';
import { InvoicesSection } from './invoices-section';
import { money, prepaidText } from './money';
import { PaymentsSection } from './payments-section';
import { refusalWords } from './refusals';
import { StatementSection } from './statement-section';

type Note = { tone: 'success' | 'error'; words: string } | null;

/** The student's Account tab: what they owe and hold, their invoices and payments, and the statement with aging. */
export function StudentAccount({ studentId, today }: { studentId: number; today: string }) {
  const statement = useStatement(studentId);
  const applyCredit = useApplyCredit();
  const [note, setNote] = useState<Note>(null);
  const onNotice = (words: string) => setNote({ tone: 'success', words });
  const onRefused = (words: string) => setNote({ tone: 'error', words });
  const data = statement.data;

  function onApplyCredit() {
    applyCredit.mutate(studentId, {
      onSuccess: (after) => onNotice(`Credit placed on the open invoices. ${after.balance_cents > 0 ? `${money(after.balance_cents)} is still owing.` : 'Nothing is owing now.'}`),
      onError: (error) => onRefused(refusalWords(error)),
    });
  }

  return (
    <div className="student-tab" data-testid="student-account">
      {note ? <Banner tone={note.tone} title={note.words} onDismiss={() => setNote(null)} testId="account-notice" /> : null}
      {statement.error ? <ErrorBanner error={statement.error} title="Could not load the account." /> : null}
      {statement.isPending ? <p className="muted">Loading the account…</p> : null}
      {data ? (
        <div className="account-summary" data-testid="account-summary">
          <div className={`account-summary__figure${data.owing_cents > 0 ? ' account-summary__figure--owing' : ''}`}>
            <span className="account-summary__label">Balance owed</span>
            <span className="account-summary__value" data-testid="account-owing">
              {money(data.owing_cents)}
            </span>
          </div>
          <div className={`account-summary__figure${data.account_credit_cents > 0 ? ' account-summary__figure--credit' : ''}`}>
            <span className="account-summary__label">Credit on account</span>
            <span className="account-summary__value" data-testid="account-credit">
              {money(data.account_credit_cents)}
            </span>
            {data.account_credit_cents > 0 && data.owing_cents > 0 ? (
              <Button onClick={onApplyCredit} busy={applyCredit.isPending} data-testid="apply-credit">
                Apply credit to invoices
              </Button>
            ) : null}
          </div>
          <div className="account-summary__figure">
            <span className="account-summary__label">Prepaid hours left</span>
            <span className="account-summary__value" data-testid="account-prepaid-hours">
              {prepaidText(data.prepaid_minutes)}
            </span>
          </div>
        </div>
      ) : null}
      <InvoicesSection studentId={studentId} today={today} onNotice={onNotice} onRefused={onRefused} />
      <PaymentsSection studentId={studentId} onNotice={onNotice} />
      {data ? <StatementSection statement={data} /> : null}
    </div>
  );
}
