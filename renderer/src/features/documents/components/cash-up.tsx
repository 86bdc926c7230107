import type { components } from '../../../../../shared-contracts/openapi';
import { formatLongDate } from '../../../lib/dates';
import { formatMoney } from '../../../lib/units';

type CashUp = components['schemas']['CashUp'];
type CashUpMethod = components['schemas']['CashUpMethod'];

export const METHOD_LABELS: Record<CashUpMethod['method'], string> = {
  cash: 'Cash',
  debit: 'Debit',
  credit_card: 'Credit card',
  e_transfer: 'E-transfer',
  cheque: 'Cheque',
};

const KIND_LABELS = { refund: 'Refund', reversal: 'Reversal' } as const;

/** One section's money by method, every method listed (a zero included), with its total row. */
function MethodTable({ caption, rows, count, total, testId, tableClass }: { caption: string; rows: CashUpMethod[]; count: number; total: number; testId: string; tableClass: string }) {
  return (
    <table className={tableClass} data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Method</th>
          <th scope="col" className="num">
            Count
          </th>
          <th scope="col" className="num">
            Amount
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.method} data-testid={`${testId}-${row.method}`}>
            <th scope="row">{METHOD_LABELS[row.method]}</th>
            <td className="num">{row.count}</td>
            <td className="num">{formatMoney(row.total_cents)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr data-testid={`${testId}-total`}>
          <th scope="row">Total</th>
          <td className="num">{count}</td>
          <td className="num">{formatMoney(total)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

/**
 * The cash-up's figures: the day's payments by method and their grand total; refunds and reversals apart,
 * each listed with its reason; and the net. The Billing screen and the printed sheet show the same tables.
 */
export function CashUpFigures({ cashUp, tableClass, headingLevel = 2 }: { cashUp: CashUp; tableClass: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const takenBack = cashUp.refunds_count + cashUp.reversals_count;
  return (
    <>
      <section className="print-sheet__section cash-up__section" aria-labelledby="cash-up-received">
        <Heading id="cash-up-received">Payments received</Heading>
        <MethodTable caption="By method" rows={cashUp.payments} count={cashUp.payments_count} total={cashUp.payments_total_cents} testId="cash-up-payments" tableClass={tableClass} />
      </section>
      <section className="print-sheet__section cash-up__section" aria-labelledby="cash-up-back">
        <Heading id="cash-up-back">Refunds and reversals</Heading>
        {takenBack === 0 ? (
          <p data-testid="cash-up-nothing-back">No refund or reversal on this day.</p>
        ) : (
          <table className={tableClass} data-testid="cash-up-taken-back">
            <caption>
              Refunds: {cashUp.refunds_count}, {formatMoney(cashUp.refunds_total_cents)} · Reversals: {cashUp.reversals_count}, {formatMoney(cashUp.reversals_total_cents)}
            </caption>
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Student</th>
                <th scope="col">Method</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {cashUp.taken_back.map((entry) => (
                <tr key={entry.id} data-testid="cash-up-taken-back-row">
                  <td>{KIND_LABELS[entry.kind]}</td>
                  <td>{entry.student_name}</td>
                  <td>{METHOD_LABELS[entry.method]}</td>
                  <td className="num">−{formatMoney(entry.amount_cents)}</td>
                  <td>{entry.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <p className="cash-up__net" data-testid="cash-up-net">
        <span>Net for the day (received less refunds and reversals)</span> <strong>{formatMoney(cashUp.net_cents)}</strong>
      </p>
    </>
  );
}

/** The printed end-of-day cash-up (#print/cash-up/YYYYMMDD/<paper>), with lines to sign once the till is counted. */
export function CashUpLayout({ cashUp }: { cashUp: CashUp }) {
  return (
    <article className="print-sheet" aria-labelledby="cash-up-title">
      <header className="print-sheet__header">
        <p className="print-sheet__school">{cashUp.school_name || 'Driving school'}</p>
        <h1 id="cash-up-title">Cash-up: {formatLongDate(cashUp.day)}</h1>
        <p className="print-sheet__meta">Payments recorded in the app for the day, by method.</p>
      </header>
      <CashUpFigures cashUp={cashUp} tableClass="print-sheet__table cash-up__table" />
      <section className="print-sheet__section cash-up__sign">
        <p>Counted by: ______________________________ Signature: ______________________</p>
      </section>
    </article>
  );
}
