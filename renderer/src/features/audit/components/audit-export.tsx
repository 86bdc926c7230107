import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { useExportAuditLog } from '../api/audit';
import type { AuditExportResult } from '../../../lib/odsm';

/** "Export audit log…": the button for the page's header and the outcome for below it, like the chain check. */
export function useAuditExport() {
  const exporting = useExportAuditLog();
  return {
    button: (
      <Button variant="secondary" busy={exporting.isPending} onClick={() => exporting.mutate()} data-testid="export-audit">
        Export audit log…
      </Button>
    ),
    outcome: (
      <>
        {exporting.error ? <ErrorBanner error={exporting.error} title="Could not export the audit log." testId="export-result" /> : null}
        {exporting.data?.saved ? <ExportSaved result={exporting.data} /> : null}
      </>
    ),
  };
}

export function ExportSaved({ result }: { result: Extract<AuditExportResult, { saved: true }> }) {
  const entries = `${result.entries.toLocaleString('en-CA')} ${result.entries === 1 ? 'entry' : 'entries'}`;
  const anchor =
    result.anchorEntryId === null
      ? 'The log had no anchored entry yet.'
      : `It carries the chain's anchored head (entry #${result.anchorEntryId}), so anyone can check that nothing was cut or rewritten.`;
  if (!result.chainOk) {
    return (
      <Banner tone="warning" title={`Saved ${entries}, but the audit chain did not verify.`} testId="export-result">
        <p>The file records what the check found, with every entry as it stands now. Keep it, and run “Verify audit chain” for the details.</p>
        <p className="small mono">{result.path}</p>
      </Banner>
    );
  }
  return (
    <Banner tone="success" title={`Saved ${entries} of the audit log.`} testId="export-result">
      <p>{anchor}</p>
      <p className="small mono">{result.path}</p>
    </Banner>
  );
}
