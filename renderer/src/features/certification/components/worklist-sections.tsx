import type { ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import { DataTable } from '../../../components/ui/data-table';
import { StatusChip } from '../../../components/ui/status-chip';
import { formatDate } from '../../../lib/dates';
import type { Worklist, WorklistRow } from '../types';
import { HoursSummary } from './hours-summary';

const READY_COLUMNS = ['Student', 'Course', 'Hours', { label: 'Mark', className: 'num' }, 'Deadline'];
const AT_RISK_COLUMNS = ['Student', 'Deadline', { label: 'Days left', className: 'num' }, 'Still needs'];
const EXPIRED_COLUMNS = ['Student', 'Course', 'Deadline', { label: 'Days past', className: 'num' }, 'Still short'];

/** The worklist's sections: ready to certify, at risk, blocked, and expired (past the deadline, still short). Without `onCertify`, no Certify button. */
export function WorklistSections({ worklist: data, onCertify }: { worklist: Worklist; onCertify?: (row: WorklistRow) => void }) {
  return (
    <>
      <WorkSection title="Ready to certify" count={data.ready_total} testId="ready-section" empty="Nobody is ready to certify right now.">
        <DataTable testId="ready-table" columns={READY_COLUMNS} withActions>
          {data.ready.map((row) => (
            <tr key={row.enrollment_id} data-testid="ready-row" data-student-id={row.student_id}>
              <th scope="row" className="data-table__name">{row.student_name}</th>
              <td>{row.course_name}</td>
              <td><HoursSummary totals={row.totals} /></td>
              <td className="num">{row.final_mark_percent ?? '—'}%</td>
              <td>{formatDate(row.deadline)}</td>
              <td className="data-table__actions">
                {onCertify ? (
                  <Button variant="primary" onClick={() => onCertify(row)} aria-label={`Certify ${row.student_name}`} data-testid="certify">
                    Certify…
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      </WorkSection>
      <WorkSection title="At risk" count={data.at_risk_total} testId="at-risk-section" empty="No student is close to their deadline while short of hours.">
        <DataTable testId="at-risk-table" columns={AT_RISK_COLUMNS}>
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
        </DataTable>
      </WorkSection>
      <WorkSection title="Expired" count={data.expired_total} testId="expired-section" empty="No student has passed their deadline while short of hours.">
        <p className="muted small">Hours after the deadline no longer count: withdraw the enrollment or explain it to the inspector.</p>
        <DataTable testId="expired-table" columns={EXPIRED_COLUMNS}>
          {data.expired.map((row) => (
            <tr key={row.enrollment_id} data-testid="expired-row">
              <th scope="row" className="data-table__name">{row.student_name}</th>
              <td>{row.course_name}</td>
              <td>{formatDate(row.deadline)}</td>
              <td className="num">
                <StatusChip tone="danger">{-(row.days_left ?? 0)} days</StatusChip>
              </td>
              <td><HoursSummary totals={row.totals} shortOnly /></td>
            </tr>
          ))}
        </DataTable>
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
