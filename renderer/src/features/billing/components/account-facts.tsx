import { useStatement } from '../api/billing';
import { balanceText, prepaidText } from './money';

/**
 * The balance and the prepaid hours left, as two facts of a `<dl>`: in the student's header and in the
 * booking dialog. A desk that may not see money (an instructor) sees a dash.
 */
export function AccountFacts({ studentId }: { studentId: number | null }) {
  const statement = useStatement(studentId);
  const data = statement.data;
  const balance = data ? balanceText(data.balance_cents) : statement.isPending && studentId ? '…' : '—';
  const tone = data && data.balance_cents > 0 ? 'account-fact--owing' : data && data.balance_cents < 0 ? 'account-fact--credit' : undefined;
  return (
    <>
      <div>
        <dt>Balance</dt>
        <dd className={tone} data-testid="account-balance">
          {balance}
        </dd>
      </div>
      <div>
        <dt>Prepaid hours left</dt>
        <dd data-testid="account-prepaid">{data ? prepaidText(data.prepaid_minutes) : '—'}</dd>
      </div>
    </>
  );
}
