import { QueryStates } from '../../../components/ui/query-states';
import { formatMoney } from '../../../lib/units';
import type { Grouping, RevenueReport } from '../api/money-reports';
import { RevenueChart } from './revenue-chart';

const PER: Record<Grouping, string> = { month: 'month', quarter: 'quarter', year: 'year' };

/** The chart, and beside it a table of the same figures (what a screen reader reads, and what the eye checks). */
export function RevenueSection({ query, grouping, year }: { query: { isPending: boolean; isError: boolean; error: unknown; data?: RevenueReport | undefined }; grouping: Grouping; year: number }) {
  const report = query.data;
  const span = grouping === 'year' ? `${year - 4}–${year}` : String(year);
  const title = `Sales and HST collected per ${PER[grouping]}, ${span}`;
  return (
    <section className="card card--padded money-card" aria-labelledby="revenue-title">
      <h2 id="revenue-title" className="money-card__title">
        {title}
      </h2>
      <p className="muted small">Issued invoices less credit notes, by their date. Drafts are not sales yet.</p>
      <QueryStates query={query} errorTitle="Could not load the revenue figures." loading="Adding up the invoices…" tone="plain">
        {report ? (
          <div className="revenue">
            <RevenueChart periods={report.periods} title={title} />
            <table className="data-table data-table--compact revenue__table" data-testid="revenue-table">
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{grouping === 'month' ? 'Month' : grouping === 'quarter' ? 'Quarter' : 'Year'}</th>
                  <th scope="col" className="num">
                    Sales
                  </th>
                  <th scope="col" className="num">
                    HST
                  </th>
                  <th scope="col" className="num">
                    Invoices
                  </th>
                  <th scope="col" className="num">
                    Credit notes
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.periods.map((p) => (
                  <tr key={p.start} data-testid={`revenue-row-${p.label}`}>
                    <th scope="row">{p.label}</th>
                    <td className="num">{formatMoney(p.revenue_cents)}</td>
                    <td className="num">{formatMoney(p.hst_cents)}</td>
                    <td className="num">{p.invoices}</td>
                    <td className="num">{p.credit_notes}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr data-testid="revenue-total">
                  <th scope="row">Total</th>
                  <td className="num">{formatMoney(report.revenue_cents)}</td>
                  <td className="num">{formatMoney(report.hst_cents)}</td>
                  <td className="num">{report.periods.reduce((n, p) => n + p.invoices, 0)}</td>
                  <td className="num">{report.periods.reduce((n, p) => n + p.credit_notes, 0)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        ) : null}
      </QueryStates>
    </section>
  );
}
