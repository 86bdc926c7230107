import { useState } from 'react';
import { Page } from '../../../components/ui/page';
import { Pagination } from '../../../components/ui/pagination';
import { QueryStates } from '../../../components/ui/query-states';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { InspectionBundleButton } from '../../documents';
import { useSchoolClock } from '../../settings';
import { useAuditFilterOptions, useAuditHistory } from '../api/audit';
import type { AuditCsvRequest } from '../../../../../electron/preload/api';
import { AuditEntries } from './audit-entries';
import { useAuditCsvExport } from './audit-csv-export';
import { useAuditExport } from './audit-export';
import { AuditFilterBar, dateProblem, filtersInWords, NO_FILTERS, type AuditFilterValues } from './audit-filters';
import { useChainCheck } from './chain-check';

const PAGE = 25;

/** The filters as the history and the CSV take them: only those in use. */
function asQuery(filters: AuditFilterValues): AuditCsvRequest {
  const q = filters.q.trim();
  return {
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(filters.person ? { person: filters.person } : {}),
    ...(filters.entity ? { entity: filters.entity } : {}),
    ...(q ? { q } : {}),
  };
}

export function AuditPage() {
  const { timeZone } = useSchoolClock();
  const [offset, setOffset] = useState(0);
  const [typed, setTyped] = useState<AuditFilterValues>(NO_FILTERS);
  // The search box asks once typing stops; the pickers and days at once.
  const q = useDebouncedValue(typed.q, 300);
  const filters = { ...typed, q };
  const valid = dateProblem(filters) === undefined;
  const query = asQuery(filters);
  const history = useAuditHistory({ offset, limit: PAGE, ...query }, valid);
  const options = useAuditFilterOptions();
  const chainCheck = useChainCheck(timeZone, 'primary');
  const auditExport = useAuditExport();
  const csvExport = useAuditCsvExport(valid ? query : undefined);
  const used = filtersInWords(
    filters,
    options.data?.people.find((p) => p.key === filters.person)?.label,
    options.data?.kinds.find((k) => k.entity === filters.entity)?.label,
  );

  return (
    <Page
      id="audit"
      title="Audit log"
      subtitle="Every change, in order. Each entry is chained by hash to the one before it, so no entry can be quietly altered."
      actions={
        <>
          {csvExport.button}
          {auditExport.button}
          <InspectionBundleButton timeZone={timeZone} />
          {chainCheck.button}
        </>
      }
    >
      {chainCheck.outcome}
      {auditExport.outcome}
      {csvExport.outcome}
      <AuditFilterBar
        filters={typed}
        onChange={(next) => {
          setTyped(next);
          setOffset(0);
        }}
      />
      <div className="card card--padded">
        <QueryStates
          query={history}
          isEmpty={history.data?.items.length === 0}
          errorTitle="Could not load the audit log."
          loading="Loading…"
          empty={used.length > 0 ? `No entries ${used.join(', ')}. Change or clear the filters to see more.` : 'Nothing recorded yet.'}
          emptyTestId="audit-empty"
        >
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
