import { Page } from '../../../components/ui/page';
import { QueryStates } from '../../../components/ui/query-states';
import { useDialog, useNotice } from '../../../hooks/use-dialog';
import { todayIn } from '../../../lib/dates';
import { formatMoney } from '../../../lib/units';
import { useChainCheck } from '../../audit';
import { useSchoolClock } from '../../settings';
import { useMay } from '../../sign-in';
import { useWorklist } from '../api/certification';
import type { WorklistRow } from '../types';
import { CertifyDialog } from './certify-dialog';
import { WorklistSections } from './worklist-sections';

export function CertificationPage() {
  const { timeZone, settings } = useSchoolClock();
  const today = todayIn(timeZone);
  const worklist = useWorklist();
  const chainCheck = useChainCheck(timeZone, 'secondary');
  const notice = useNotice('certify-notice');
  const certifying = useDialog<WorklistRow>(notice.show);
  // The MTO fee is a school setting; the dialog waits for it rather than guessing a number.
  const feeCents = settings?.certification_fee_cents;
  // Certifying is the owner's unless the owner grants it to the office; the backend refuses anyone else.
  const mayCertify = useMay('certify');

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
      <QueryStates query={worklist} errorTitle="Could not load the worklist." loading="Loading the worklist…">
        {worklist.data ? <WorklistSections worklist={worklist.data} onCertify={mayCertify ? certifying.setOpen : undefined} /> : null}
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
    </Page>
  );
}
