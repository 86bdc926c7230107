import { Banner } from '../../../components/ui/banner';
import { QueryStates } from '../../../components/ui/query-states';
import { formatDate } from '../../../lib/dates';
import { formatMoney } from '../../../lib/units';
import type { HstReport } from '../api/money-reports';

type Props = {
  query: { isPending: boolean; isError: boolean; error: unknown; data?: HstReport | undefined };
  /** "Q2 2026": the period the return covers. */
  periodName: string;
};

/** The lines of the GST/HST return the app can fill in, for the period chosen. */
export function HstReturn({ query, periodName }: Props) {
  const report = query.data;
  return (
    <section className="card card--padded money-card" aria-labelledby="hst-return-title" data-testid="hst-return">
      <h2 id="hst-return-title" className="money-card__title">
        HST return, {periodName}
      </h2>
      <QueryStates query={query} errorTitle="Could not work out the HST return." loading="Working out the return…" tone="plain">
        {report ? (
          <>
            <p className="muted small">
              {formatDate(report.start)} to {formatDate(report.end)} · {report.invoices} {report.invoices === 1 ? 'invoice' : 'invoices'}, {report.credit_notes}{' '}
              {report.credit_notes === 1 ? 'credit note' : 'credit notes'}
              {report.hst_registered && report.hst_number ? ` · BN/RT ${report.hst_number}` : ''}
            </p>
            {report.hst_registered ? null : (
              <Banner tone="info" title="The school is not registered for HST.">
                <p>No tax was charged, so there is nothing to remit. Line 101 still shows the sales.</p>
              </Banner>
            )}
            <dl className="hst-lines">
              <HstLine line="101" name="Sales and other revenue" cents={report.line_101_sales_cents} />
              <HstLine line="103" name="GST/HST collected or collectible" cents={report.line_103_tax_collected_cents} />
              <HstLine line="104" name="Adjustments" cents={report.line_104_adjustments_cents} />
              <HstLine line="105" name="Total GST/HST and adjustments" cents={report.line_105_total_cents} strong />
            </dl>
            <p className="muted small">
              Lines 106 onward (input tax credits, instalments, net tax) come from the school’s expenses and the CRA: the app does not keep them.
            </p>
          </>
        ) : null}
      </QueryStates>
    </section>
  );
}

function HstLine({ line, name, cents, strong = false }: { line: string; name: string; cents: number; strong?: boolean }) {
  return (
    <div className={strong ? 'hst-lines__row hst-lines__row--total' : 'hst-lines__row'} data-testid={`hst-line-${line}`}>
      <dt>
        <span className="hst-lines__number">Line {line}</span> {name}
      </dt>
      <dd className="num">{formatMoney(cents)}</dd>
    </div>
  );
}
