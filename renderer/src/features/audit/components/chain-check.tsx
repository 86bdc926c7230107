import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { formatDateTime } from '../../../lib/dates';
import { useVerifyAuditChain } from '../api/audit';
import type { ChainReport } from '../types';

/**
 * "Verify audit chain": the button for a page's header and the outcome for below it, sharing one
 * check. A hook, because the two land in different places on the page.
 */
export function useChainCheck(timeZone: string, variant: 'primary' | 'secondary') {
  const verify = useVerifyAuditChain();
  return {
    button: (
      <Button variant={variant} busy={verify.isPending} onClick={() => verify.mutate()} data-testid="verify-chain">
        Verify audit chain
      </Button>
    ),
    outcome: (
      <>
        {verify.error ? <ErrorBanner error={verify.error} title="Could not verify the audit chain." /> : null}
        {verify.data ? <ChainResult report={verify.data} timeZone={timeZone} /> : null}
      </>
    ),
  };
}

export function ChainResult({ report, timeZone }: { report: ChainReport; timeZone: string }) {
  if (report.ok) {
    return (
      <Banner tone="success" title={`The audit chain is intact: ${report.checked.toLocaleString('en-CA')} entries checked.`} testId="chain-result">
        <p className="small">
          Checked {formatDateTime(new Date().toISOString(), timeZone)}. Latest hash <code>{report.head_hash?.slice(0, 16) ?? '—'}…</code>
        </p>
      </Banner>
    );
  }
  return (
    <Banner tone="error" title={`The audit chain is broken at entry #${report.first_broken_id}.`} testId="chain-result">
      <p>
        Entry #{report.first_broken_id} does not match the hash recorded for it, so it or an earlier entry was changed outside the app. Keep a copy of
        the database and contact support.
      </p>
      <p className="small mono">
        expected {report.expected_hash?.slice(0, 16)}… stored {report.stored_hash?.slice(0, 16)}…
      </p>
    </Banner>
  );
}
