import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { useExportAccountantCsv } from '../api/money-reports';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Export for the accountant…": the button for the page's header and the outcome for below it. */
export function useAccountantExport(period: { start: string; end: string; name: string } | undefined) {
  const exporting = useExportAccountantCsv();
  const data = exporting.data;
  const saved = data?.saved ? data : undefined;
  return {
    button: (
      <Button
        variant="primary"
        busy={exporting.isPending}
        disabled={period === undefined}
        onClick={() => period && exporting.mutate({ start: period.start, end: period.end })}
        data-testid="export-accountant-csv"
      >
        Export {period?.name ?? ''} for the accountant…
      </Button>
    ),
    outcome: (
      <>
        {exporting.error ? <ErrorBanner error={exporting.error} title="Could not save the accountant’s file." testId="accountant-csv-result" /> : null}
        {saved ? (
          <Banner
            tone="success"
            title={`Saved ${plural(saved.invoices, 'invoice', 'invoices')}, ${plural(saved.creditNotes, 'credit note', 'credit notes')} and ${plural(saved.payments, 'payment', 'payments')} for the accountant.`}
            onDismiss={() => exporting.reset()}
            testId="accountant-csv-result"
          >
            <p>One CSV row each, amounts in dollars with two decimals, dates as YYYY-MM-DD.</p>
            <p className="small mono">{saved.path}</p>
          </Banner>
        ) : null}
      </>
    ),
  };
}
