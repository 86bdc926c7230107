import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { ErrorBanner } from '../../../components/ui/error-banner';
import type { AuditCsvRequest } from '../../../../../electron/preload/api';
import { useExportAuditCsv } from '../api/audit';

/** "Save as spreadsheet…": the entries the filters show, as a CSV; the button for the page's header and the outcome. */
export function useAuditCsvExport(request: AuditCsvRequest | undefined) {
  const exporting = useExportAuditCsv();
  const saved = exporting.data?.saved ? exporting.data : undefined;
  return {
    button: (
      <Button variant="secondary" busy={exporting.isPending} disabled={request === undefined} onClick={() => request && exporting.mutate(request)} data-testid="export-audit-csv">
        {exporting.isPending ? 'Saving spreadsheet…' : 'Save as spreadsheet…'}
      </Button>
    ),
    outcome: (
      <>
        {exporting.error ? <ErrorBanner error={exporting.error} title="Could not save the audit log as a spreadsheet." testId="audit-csv-result" /> : null}
        {saved ? (
          <Banner tone="success" title={`Saved ${saved.rows.toLocaleString('en-CA')} ${saved.rows === 1 ? 'entry' : 'entries'} as a spreadsheet.`} onDismiss={() => exporting.reset()} testId="audit-csv-result">
            <p>The entries the filters showed, newest first: when, who, what, the record, what changed and why.</p>
            <p className="small mono">{saved.path}</p>
          </Banner>
        ) : null}
      </>
    ),
  };
}
