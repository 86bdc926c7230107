import { QueryStates } from '../../../components/ui/query-states';
import { formatDate } from '../../../lib/dates';
import { navigate } from '../../../lib/navigation';
import { formatMoney } from '../../../lib/units';
import type { Receivables } from '../api/money-reports';

type Query = { isPending: boolean; isError: boolean; error: unknown; data?: Receivables | undefined };

const AGES = [
  { key: 'current_cents', label: 'Current (0–30 days)' },
  { key: 'days_31_60_cents', label: '31–60 days' },
  { key: 'days_61_90_cents', label: '61–90 days' },
  { key: 'over_90_cents', label: 'Over 90 days' },
] as const;

/** What the school is owed, by the age of each invoice, and who owes the most. */
export function ReceivablesSection({ query }: { query: Query }) {
  const owed = query.data;
  return (
    <section className="card card--padded money-card" aria-labelledby="receivables-title" data-testid="receivables">
      <h2 id="receivables-title" className="money-card__title">
        Owed to the school, by age
      </h2>
      <QueryStates query={query} errorTitle="Could not load what is owed." loading="Adding up what is owed…" tone="plain">
        {owed ? (
          <>
            <p className="muted small">
              As of {formatDate(owed.as_of)}: {formatMoney(owed.owing_cents)} on {owed.invoices_owing} {owed.invoices_owing === 1 ? 'invoice' : 'invoices'} from {owed.students_owing}{' '}
              {owed.students_owing === 1 ? 'student' : 'students'}. Aged from each invoice’s date.
            </p>
            <ul className="aging" aria-label="Owed by age">
              {AGES.map((age) => (
                <li key={age.key} className={age.key === 'over_90_cents' && owed.aging[age.key] > 0 ? 'aging__bucket aging__bucket--late' : 'aging__bucket'} data-testid={`aging-${age.key}`}>
                  <span className="aging__label">{age.label}</span>
                  <span className="aging__amount">{formatMoney(owed.aging[age.key])}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </QueryStates>
    </section>
  );
}

/** The students owing the most, each opening their page (where the Account tab takes a payment). */
export function TopOwing({ query }: { query: Query }) {
  const owed = query.data;
  if (!owed) return null;
  return (
    <section className="card money-card money-card--table" aria-labelledby="top-owing-title">
      <h2 id="top-owing-title" className="money-card__title money-card__title--padded">
        Students owing the most
      </h2>
      {owed.top.length === 0 ? (
        <p className="muted money-card__empty" data-testid="top-owing-empty">
          Nobody owes the school anything.
        </p>
      ) : (
        <table className="data-table data-table--compact" data-testid="top-owing">
          <thead>
            <tr>
              <th scope="col">Student</th>
              <th scope="col" className="num">
                Invoices
              </th>
              <th scope="col">Oldest</th>
              {AGES.map((age) => (
                <th key={age.key} scope="col" className="num">
                  {age.label.replace(' (0–30 days)', '')}
                </th>
              ))}
              <th scope="col" className="num">
                Owing
              </th>
            </tr>
          </thead>
          <tbody>
            {owed.top.map((s) => (
              <tr key={s.student_id} data-testid="top-owing-row">
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => navigate('student', { id: String(s.student_id) })}>
                    {s.student_name}
                  </button>
                </th>
                <td className="num">{s.invoices}</td>
                <td>{formatDate(s.oldest_invoice_date)}</td>
                {AGES.map((age) => (
                  <td key={age.key} className="num">
                    {s.aging[age.key] === 0 ? '—' : formatMoney(s.aging[age.key])}
                  </td>
                ))}
                <td className="num">
                  <strong>{formatMoney(s.owing_cents)}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
