import { useState } from 'react';
import { Page } from '../../../components/ui/page';
import { Pagination } from '../../../components/ui/pagination';
import { QueryStates } from '../../../components/ui/query-states';
import { InspectionBundleButton } from '../../documents';
import { useSchoolClock } from '../../settings';
import { useAuditHistory } from '../api/audit';
import { AuditEntries } from './audit-entries';
import { useAuditExport } from './audit-export';
import { useChainCheck } from './chain-check';

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
  const chainCheck = useChainCheck(timeZone, 'primary');
  const auditExport = useAuditExport();

  return (
    <Page
      id="audit"
      title="Audit log"
      subtitle="Every change, in order. Each entry is chained by hash to the one before it, so no entry can be quietly altered."
      actions={
        <>
          {auditExport.button}
          <InspectionBundleButton timeZone={timeZone} />
          {chainCheck.button}
        </>
      }
    >
      {chainCheck.outcome}
      {auditExport.outcome}
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
        <QueryStates query={history} isEmpty={history.data?.items.length === 0} errorTitle="Could not load the audit log." loading="Loading…" empty="Nothing recorded yet.">
          <AuditEntries entries={history.data?.items ?? []} timeZone={timeZone} />
        </QueryStates>
      </div>
      {history.data ? (
        <div className="card">
          <Pagination offset={offset} limit={PAGE} total={history.data.total} onPage={(page) => setOffset(page * PAGE)} />
        </div>
      ) : null}
    </Page>
  );
}
