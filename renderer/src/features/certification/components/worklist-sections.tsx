import type { ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import { DataTable } from '../../../components/ui/data-table';
import { StatusChip } from '../../../components/ui/status-chip';
import { formatDate } from '../../../lib/dates';
import type { Worklist, WorklistRow, WorklistState } from '../types';
import { HoursSummary } from './hours-summary';

const READY_COLUMNS = ['Student', 'Course', 'Hours', { label: 'Mark', className: 'num' }, 'Deadline'];
const AT_RISK_COLUMNS = ['Student', 'Deadline', { label: 'Days left', className: 'num' }, 'Still needs'];
const EXPIRED_COLUMNS = ['Student', 'Course', 'Deadline', { label: 'Days past', className: 'num' }, 'Still short'];

/** The ready rows picked for certifying several at once. */
export type Selection = {
  selected: ReadonlySet<number>;
  toggle: (enrollmentId: number, on: boolean) => void;
  /** "Select all shown": every ready row on screen, or none of them. */
  setShown: (on: boolean) => void;
  onCertifySelected: () => void;
};

/** The worklist's sections: ready to certify, at risk, blocked, and expired (past the deadline, still short). Without `onCertify`, no Certify button and no selection. */
export function WorklistSections({
  worklist: data,
  onCertify,
  selection,
  state = 'all',
  filtered = false,
}: {
  worklist: Worklist;
  onCertify?: (row: WorklistRow) => void;
  selection?: Selection;
  /** Only this list (the others are not shown at all), or every list. */
  state?: WorklistState;
  /** A search or course narrows the lists: an empty one says so rather than "nobody". */
  filtered?: boolean;
}) {
  const shows = (list: WorklistState) => state === 'all' || state === list;
  const none = (words: string) => (filtered ? 'Nobody on this list matches the search.' : words);
  const shown = data.ready.filter((row) => selection?.selected.has(row.enrollment_id)).length;
  const allShown = data.ready.length > 0 && shown === data.ready.length;
  const columns = selection
    ? [
        {
          label: (
            <input
              type="checkbox"
              aria-label="Select all shown"
              data-testid="select-all-ready"
              checked={allShown}
              ref={(element) => {
                if (element) element.indeterminate = shown > 0 && !allShown;
              }}
              onChange={(event) => selection.setShown(event.target.checked)}
            />
          ),
          className: 'data-table__select',
        },
        ...READY_COLUMNS,
      ]
    : READY_COLUMNS;
  return (
    <>
      {shows('ready') ? (
      <WorkSection title="Ready to certify" count={data.ready_total} testId="ready-section" empty={none('Nobody is ready to certify right now.')}>
        <DataTable testId="ready-table" columns={columns} withActions>
          {data.ready.map((row) => (
            <tr key={row.enrollment_id} data-testid="ready-row" data-student-id={row.student_id} data-enrollment-id={row.enrollment_id}>
              {selection ? (
                <td className="data-table__select">
                  <input
                    type="checkbox"
                    aria-label={`Select ${row.student_name}`}
                    data-testid="select-ready"
                    checked={selection.selected.has(row.enrollment_id)}
                    onChange={(event) => selection.toggle(row.enrollment_id, event.target.checked)}
                  />
                </td>
              ) : null}
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
        {selection ? (
          <div className="work-section__bulk">
            <Button variant="primary" disabled={shown === 0} onClick={selection.onCertifySelected} data-testid="certify-selected">
              {shown === 0 ? 'Certify selected…' : `Certify ${shown} selected…`}
            </Button>
            <span className="muted small" aria-live="polite" data-testid="selected-count">
              {shown === 0 ? 'Tick students to certify several at once.' : `${shown} of ${data.ready.length} shown selected.`}
            </span>
          </div>
        ) : null}
      </WorkSection>
      ) : null}
      {shows('at_risk') ? (
      <WorkSection title="At risk" count={data.at_risk_total} testId="at-risk-section" empty={none('No student is close to their deadline while short of hours.')}>
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
      ) : null}
      {shows('expired') ? (
      <WorkSection title="Expired" count={data.expired_total} testId="expired-section" empty={none('No student has passed their deadline while short of hours.')}>
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
      ) : null}
      {shows('blocked') ? (
      <WorkSection title="Blocked" count={data.blocked_total} testId="blocked-section" empty={none('Nothing is blocked.')}>
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
      ) : null}
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
