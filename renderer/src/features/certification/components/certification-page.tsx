import { useState } from 'react';
import { Page } from '../../../components/ui/page';
import { QueryStates } from '../../../components/ui/query-states';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { useDialog, useNotice } from '../../../hooks/use-dialog';
import { todayIn } from '../../../lib/dates';
import { formatMoney } from '../../../lib/units';
import { useChainCheck } from '../../audit';
import { useSchoolClock } from '../../settings';
import { useMay } from '../../sign-in';
import { useCertifiers, useWorklist } from '../api/certification';
import type { WorklistQuery, WorklistRow } from '../types';
import { BulkCertifyDialog } from './bulk-certify-dialog';
import { CertifyDialog } from './certify-dialog';
import { WorklistFilters, type WorklistFilterValues } from './worklist-filters';
import { WorklistSections, type Selection } from './worklist-sections';

function toQuery({ q, courseId, state }: WorklistFilterValues): WorklistQuery {
  const query: WorklistQuery = {};
  if (q.trim()) query.q = q.trim();
  if (courseId !== null) query.course_id = courseId;
  if (state !== 'all') query.state = state;
  return query;
}

export function CertificationPage() {
  const { timeZone, settings } = useSchoolClock();
  const today = todayIn(timeZone);
  const [filters, setFilters] = useState<WorklistFilterValues>({ q: '', courseId: null, state: 'all' });
  // A name is looked up once the desk pauses typing, not at every key.
  const q = useDebouncedValue(filters.q, 250);
  const worklist = useWorklist(toQuery({ ...filters, q }));
  const chainCheck = useChainCheck(timeZone, 'secondary');
  const notice = useNotice('certify-notice');
  const certifying = useDialog<WorklistRow>(notice.show);
  const certifyingSeveral = useDialog<readonly WorklistRow[]>(notice.show);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  // The MTO fee is a school setting; the dialog waits for it rather than guessing a number.
  const feeCents = settings?.certification_fee_cents;
  // Certifying is the owner's unless the owner grants it to the office; the backend refuses anyone else.
  const mayCertify = useMay('certify');
  // Read with the page, so "Certified by" has its people when a dialog opens.
  useCertifiers();
  const shownReady = worklist.data?.ready ?? [];

  const selection: Selection = {
    selected,
    toggle: (id, on) => {
      const next = new Set(selected);
      if (on) next.add(id);
      else next.delete(id);
      setSelected(next);
    },
    setShown: (on) => {
      const next = new Set(selected);
      for (const row of shownReady) {
        if (on) next.add(row.enrollment_id);
        else next.delete(row.enrollment_id);
      }
      setSelected(next);
    },
    // Only the rows on screen: a student the search hides is never certified unseen.
    onCertifySelected: () => certifyingSeveral.setOpen(shownReady.filter((row) => selected.has(row.enrollment_id))),
  };

  function certifiedSeveral(names: string[]) {
    setSelected(new Set());
    const who = names.length === 1 ? `${names[0] ?? ''} is` : `${names.length} students are`;
    certifyingSeveral.done(`${who} certified. Their course records are now locked.`);
  }

  return (
    <Page
      id="certification"
      title="Certification"
      subtitle={`Students who finished BDE, those running out of time, and what holds the rest back. MTO fee: ${feeCents === undefined ? '…' : formatMoney(feeCents)} a student.`}
      actions={chainCheck.button}
    >
      {chainCheck.outcome}
      {notice.banner}
      {mayCertify ? null : (
        <p className="muted" data-testid="certify-owner-only">
          Only the school’s owner can certify students (the owner can allow the office to, in Settings).
        </p>
      )}
      <WorklistFilters value={filters} onChange={setFilters} />
      <QueryStates query={worklist} errorTitle="Could not load the worklist." loading="Loading the worklist…">
        {worklist.data ? (
          <WorklistSections
            worklist={worklist.data}
            onCertify={mayCertify ? certifying.setOpen : undefined}
            selection={mayCertify ? selection : undefined}
            state={filters.state}
            filtered={Boolean(q.trim()) || filters.courseId !== null}
          />
        ) : null}
      </QueryStates>
      {certifying.open && feeCents !== undefined ? (
        <CertifyDialog
          row={certifying.open}
          feeCents={feeCents}
          today={today}
          onClose={certifying.close}
          onCertified={(name) => certifying.done(`${name} is certified. Their course record is now locked.`)}
        />
      ) : null}
      {certifyingSeveral.open && feeCents !== undefined ? (
        <BulkCertifyDialog rows={certifyingSeveral.open} feeCents={feeCents} today={today} onClose={certifyingSeveral.close} onCertified={certifiedSeveral} />
      ) : null}
    </Page>
  );
}
