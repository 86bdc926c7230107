import { useState, type ReactNode } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { StatusChip } from '../../../components/ui/status-chip';
import { formatDate, todayIn } from '../../../lib/dates';
import { formatMoney } from '../../../lib/units';
import { ChainResult, useVerifyAuditChain } from '../../audit';
import { useSchoolClock } from '../../settings';
import { useWorklist } from '../api/certification';
import type { WorklistRow } from '../types';
import { CertifyDialog } from './certify-dialog';
import { HoursSummary } from './hours-summary';

export function CertificationPage() {
  const { timeZone, settings } = useSchoolClock();
  const today = todayIn(timeZone);
  const worklist = useWorklist();
  const verify = useVerifyAuditChain();
  const [certifying, setCertifying] = useState<WorklistRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const data = worklist.data;
  // The MTO fee is a school setting; the dialog waits for it rather than guessing a number.
  const feeCents = settings?.certification_fee_cents;

  return (
    <section className="page" aria-labelledby="certification-title">
      <header className="page__header">
        <div>
          <h1 id="certification-title" className="page__title">
            Certification
          </h1>
          <p className="page__subtitle">Students who finished BDE, those running out of time, and what holds the rest back. MTO fee: {feeCents === undefined ? '…' : formatMoney(feeCents)} a student.</p>
        </div>
        <Button busy={verify.isPending} onClick={() => verify.mutate()} data-testid="verify-chain">
          Verify audit chain
        </Button>
      </header>
      {verify.error ? <ErrorBanner error={verify.error} title="Could not verify the audit chain." /> : null}
      {verify.data ? <ChainResult report={verify.data} timeZone={timeZone} /> : null}
      {notice ? <Banner tone="success" title={notice} onDismiss={() => setNotice(null)} testId="certify-notice" /> : null}
      {worklist.error ? <ErrorBanner error={worklist.error} title="Could not load the worklist." /> : null}
      {worklist.isPending ? <p className="empty-state">Loading the worklist…</p> : null}
      {data ? (
        <>
          <WorkSection title="Ready to certify" count={data.ready_total} testId="ready-section" empty="Nobody is ready to certify right now.">
            <table className="data-table" data-testid="ready-table">
              <thead>
                <tr>
                  <th scope="col">Student</th>
                  <th scope="col">Course</th>
                  <th scope="col">Hours</th>
                  <th scope="col" className="num">Mark</th>
                  <th scope="col">Deadline</th>
                  <th scope="col" className="data-table__actions-head">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.ready.map((row) => (
                  <tr key={row.enrollment_id} data-testid="ready-row" data-student-id={row.student_id}>
                    <th scope="row" className="data-table__name">{row.student_name}</th>
                    <td>{row.course_name}</td>
                    <td><HoursSummary totals={row.totals} /></td>
                    <td className="num">{row.final_mark_percent ?? '—'}%</td>
                    <td>{formatDate(row.deadline)}</td>
                    <td className="data-table__actions">
                      <Button variant="primary" onClick={() => setCertifying(row)} aria-label={`Certify ${row.student_name}`} data-testid="certify">
                        Certify…
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </WorkSection>
          <WorkSection title="At risk" count={data.at_risk_total} testId="at-risk-section" empty="No student is close to their deadline while short of hours.">
            <table className="data-table" data-testid="at-risk-table">
              <thead>
                <tr>
                  <th scope="col">Student</th>
                  <th scope="col">Deadline</th>
                  <th scope="col" className="num">Days left</th>
                  <th scope="col">Still needs</th>
                </tr>
              </thead>
              <tbody>
                {data.at_risk.map((row) => (
                  <tr key={row.enrollment_id} data-testid="at-risk-row">
                    <th scope="row" className="data-table__name">{row.student_name}</th>
                    <td>{formatDate(row.deadline)}</td>
                    <td className="num">
                      <StatusChip tone={(row.days_left ?? 0) <= 14 ? 'danger' : 'warning'}>{row.days_left ?? '—'} days</StatusChip>
                    </td>
                    <td><HoursSummary totals={row.totals} shortOnly /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </WorkSection>
          <WorkSection title="Blocked" count={data.blocked_total} testId="blocked-section" empty="Nothing is blocked.">
            <ul className="blocked-list">
              {data.blocked.map((row) => (
                <li key={row.enrollment_id} className="blocked-list__item" data-testid="blocked-row">
                  <div className="blocked-list__head">
                    <strong>{row.student_name}</strong>
                    <span className="muted small"> · {row.course_name} · deadline {formatDate(row.deadline)}</span>
                  </div>
                  <ul className="blocked-list__reasons">
                    {row.reasons.map((reason) => (
                      <li key={reason.requirement} data-requirement={reason.requirement}>
                        {reason.message}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </WorkSection>
        </>
      ) : null}
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
    </section>
  );
}

function WorkSection({ title, count, empty, testId, children }: { title: string; count: number; empty: string; testId: string; children: ReactNode }) {
  return (
    <section className="card work-section" aria-label={title} data-testid={testId}>
      <header className="dash-card__header">
        <h2 className="dash-card__title">
          {title} <span className="badge">{count}</span>
        </h2>
      </header>
      {count === 0 ? <p className="dash-card__empty">{empty}</p> : children}
    </section>
  );
}
