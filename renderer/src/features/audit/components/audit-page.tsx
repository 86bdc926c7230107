import { useState } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { formatDateTime } from '../../../lib/dates';
import { useSchoolClock } from '../../settings';
import { Pagination } from '../../../components/ui/pagination';
import { useAuditHistory, useVerifyAuditChain } from '../api/audit';
import type { ChainReport } from '../types';
import { AuditEntries } from './audit-entries';

const PAGE = 25;
const ENTITIES = [
  { value: '', label: 'Everything' },
  { value: 'students', label: 'Students' },
  { value: 'instructors', label: 'Instructors' },
  { value: 'vehicles', label: 'Vehicles' },
  { value: 'school_settings', label: 'Settings' },
];

export function AuditPage() {
  const { timeZone } = useSchoolClock();
  const [offset, setOffset] = useState(0);
  const [entity, setEntity] = useState('');
  const history = useAuditHistory({ offset, limit: PAGE, ...(entity ? { entity } : {}) });
  const verify = useVerifyAuditChain();

  return (
    <section className="page" aria-labelledby="audit-title">
      <header className="page__header">
        <div>
          <h1 id="audit-title" className="page__title">
            Audit log
          </h1>
          <p className="page__subtitle">Every change, in order. Each entry is chained by hash to the one before it, so no entry can be quietly altered.</p>
        </div>
        <Button variant="primary" busy={verify.isPending} onClick={() => verify.mutate()} data-testid="verify-chain">
          Verify audit chain
        </Button>
      </header>
      {verify.error ? <ErrorBanner error={verify.error} title="Could not verify the audit chain." /> : null}
      {verify.data ? <ChainResult report={verify.data} timeZone={timeZone} /> : null}
      <div className="toolbar">
        <label className="inline-field">
          <span>Show</span>
          <select
            className="field__control"
            value={entity}
            onChange={(event) => {
              setEntity(event.target.value);
              setOffset(0);
            }}
          >
            {ENTITIES.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="card card--padded">
        {history.isError ? <ErrorBanner error={history.error} title="Could not load the audit log." /> : null}
        {history.isPending ? <p className="empty-state">Loading…</p> : null}
        {history.data && history.data.items.length === 0 ? <p className="empty-state">Nothing recorded yet.</p> : null}
        {history.data && history.data.items.length > 0 ? <AuditEntries entries={history.data.items} timeZone={timeZone} /> : null}
      </div>
      {history.data ? (
        <div className="card">
          <Pagination offset={offset} limit={PAGE} total={history.data.total} onPage={(page) => setOffset(page * PAGE)} />
        </div>
      ) : null}
    </section>
  );
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
