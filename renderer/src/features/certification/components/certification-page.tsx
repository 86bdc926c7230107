import { useState } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Page } from '../../../components/ui/page';
import { QueryStates } from '../../../components/ui/query-states';
import { todayIn } from '../../../lib/dates';
import { formatMoney } from '../../../lib/units';
import { useChainCheck } from '../../audit';
import { useSchoolClock } from '../../settings';
import { useWorklist } from '../api/certification';
import type { WorklistRow } from '../types';
import { CertifyDialog } from './certify-dialog';
import { WorklistSections } from './worklist-sections';

export function CertificationPage() {
  const { timeZone, settings } = useSchoolClock();
  const today = todayIn(timeZone);
  const worklist = useWorklist();
  const chainCheck = useChainCheck(timeZone, 'secondary');
  const [certifying, setCertifying] = useState<WorklistRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The MTO fee is a school setting; the dialog waits for it rather than guessing a number.
  const feeCents = settings?.certification_fee_cents;

  return (
    <Page
      id="certification"
      title="Certification"
      subtitle={`Students who finished BDE, those running out of time, and what holds the rest back. MTO fee: ${feeCents === undefined ? '…' : formatMoney(feeCents)} a student.`}
      actions={chainCheck.button}
    >
      {chainCheck.outcome}
      {notice ? <Banner tone="success" title={notice} onDismiss={() => setNotice(null)} testId="certify-notice" /> : null}
      <QueryStates query={worklist} errorTitle="Could not load the worklist." loading="Loading the worklist…">
        {worklist.data ? <WorklistSections worklist={worklist.data} onCertify={setCertifying} /> : null}
      </QueryStates>
      {certifying && feeCents !== undefined ? (
        <CertifyDialog
          row={certifying}
          feeCents={feeCents}
          today={today}
          onClose={() => setCertifying(null)}
          onCertified={(name) => {
            setCertifying(null);
            setNotice(`${name} is certified. Their course record is now locked.`);
          }}
        />
      ) : null}
    </Page>
  );
}
