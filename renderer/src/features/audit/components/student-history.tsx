import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { useAuditHistory } from '../api/audit';
import { AuditEntries } from './audit-entries';

const PAGE = 20;

/** Everything the audit log holds about one student: their record, lessons, hours and certification. */
export function StudentHistory({ studentId, timeZone }: { studentId: number; timeZone: string }) {
  const [limit, setLimit] = useState(PAGE);
  const history = useAuditHistory({ student_id: studentId, offset: 0, limit });
  const data = history.data;
  return (
    <div className="student-history" data-testid="student-history">
      {history.isError ? <ErrorBanner error={history.error} title="Could not load this student’s history." /> : null}
      {history.isPending ? <p className="muted">Loading history…</p> : null}
      {data && data.items.length === 0 ? <p className="muted">No history yet.</p> : null}
      {data && data.items.length > 0 ? <AuditEntries entries={data.items} timeZone={timeZone} /> : null}
      {data && data.total > data.items.length ? (
        <Button variant="ghost" busy={history.isFetching} onClick={() => setLimit((current) => Math.min(current + PAGE, 200))} disabled={limit >= 200}>
          Show older entries ({data.total - data.items.length} more)
        </Button>
      ) : null}
    </div>
  );
}
