import { DataTable } from '../../../components/ui/data-table';
import { formatDate } from '../../../lib/dates';
import { STATEMENT_KIND_LABELS, type Statement } from '../types';
import { money } from './money';

const AGING: readonly { key: keyof Statement['aging']; label: string }[] = [
  { key: 'current_cents', label: 'Current' },
  { key: 'days_31_60_cents', label: '31–60 days' },
  { key: 'days_61_90_cents', label: '61–90 days' },
  { key: 'over_90_cents', label: 'Over 90 days' },
];

/** The statement: every charge, payment and credit with the running balance, and what is owed by age. */
export function StatementSection({ statement }: { statement: Statement }) {
  return (
    <section aria-labelledby="account-statement-title" data-testid="account-statement">
      <h3 className="student-tab__heading" id="account-statement-title">
        Statement as of {formatDate(statement.as_of)}
      </h3>
      <dl className="account-aging" data-testid="account-aging">
        {AGING.map(({ key, label }) => (
          <div key={key} className={statement.aging[key] > 0 && key !== 'current_cents' ? 'account-aging__late' : undefined}>
            <dt>{label}</dt>
            <dd data-testid={`aging-${key}`}>{money(statement.aging[key])}</dd>
          </div>
        ))}
      </dl>
      {statement.lines.length === 0 ? (
        <p className="muted">Nothing charged or paid yet.</p>
      ) : (
        <DataTable testId="statement-table" columns={['Date', 'What', { label: 'Charge', className: 'num' }, { label: 'Paid or credited', className: 'num' }, { label: 'Balance', className: 'num' }]}>
          {statement.lines.map((line) => (
            <tr key={`${line.kind}-${line.record_id}`} data-testid="statement-line" data-kind={line.kind}>
              <td className="account-nowrap">{formatDate(line.on)}</td>
              <td>{line.description || STATEMENT_KIND_LABELS[line.kind]}</td>
              <td className="num">{line.charge_cents ? money(line.charge_cents) : ''}</td>
              <td className="num">{line.credit_cents ? money(line.credit_cents) : ''}</td>
              <td className="num">{line.balance_cents < 0 ? `${money(-line.balance_cents)} credit` : money(line.balance_cents)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
