import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { formatDateTime } from '../../../lib/dates';
import { useVerifyAuditChain } from '../api/audit';
import type { AnchorBreak, ChainReport } from '../types';
import { anchorBreakText, driftText } from './chain-findings';

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
          Checked {formatDateTime(new Date().toISOString(), timeZone)} · latest hash <code>{report.head_hash?.slice(0, 16) ?? '—'}…</code>
        </p>
      </Banner>
    );
  }
  return (
    <div data-testid="chain-result">
      {report.first_broken_id !== null ? <BrokenLink report={report} /> : null}
      {report.anchor_break ? <AnchorBroken broken={report.anchor_break} /> : null}
      {report.drifted_total ? <DriftedRecords report={report} /> : null}
    </div>
  );
}

function BrokenLink({ report }: { report: ChainReport }) {
  return (
    <Banner tone="error" title={`The audit chain is broken at entry #${report.first_broken_id}.`}>
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

function AnchorBroken({ broken }: { broken: AnchorBreak }) {
  return (
    <Banner tone="error" title={anchorBreakText(broken)} testId="chain-anchor-break">
      <p>This computer keeps the last entry it saw outside the database. Keep a copy of the database and contact support.</p>
    </Banner>
  );
}

function DriftedRecords({ report }: { report: ChainReport }) {
  const total = report.drifted_total ?? 0;
  const shown = report.drifted_records ?? [];
  return (
    <Banner tone="error" title={`${total.toLocaleString('en-CA')} record${total === 1 ? ' was' : 's were'} changed outside the app.`} testId="chain-drift">
      <p>These records no longer match their last entry in the audit log. Keep a copy of the database and contact support.</p>
      <ul className="small">
        {shown.map((drift) => (
          <li key={`${drift.entity}:${drift.entity_id}`}>{driftText(drift)}</li>
        ))}
      </ul>
      {total > shown.length ? <p className="small">…and {(total - shown.length).toLocaleString('en-CA')} more.</p> : null}
    </Banner>
  );
}
