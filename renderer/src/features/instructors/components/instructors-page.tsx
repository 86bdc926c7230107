import { useState } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { ExpiryChip } from '../../../components/ui/status-chip';
import { todayIn } from '../../../lib/dates';
import { formatHours } from '../../../lib/units';
import { useSchoolClock } from '../../settings';
import { useInstructors } from '../api/get-instructors';
import type { Instructor } from '../types';
import { weeklyMinutes } from './availability';
import { instructorCredentials } from './credential-statuses';
import { InstructorForm } from './instructor-form';

type Editing = { instructor: Instructor | null } | null;

export function InstructorsPage() {
  const [includeInactive, setIncludeInactive] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { timeZone, expiryWarningDays } = useSchoolClock();
  const instructors = useInstructors(includeInactive ? { include_inactive: true } : {});
  const today = todayIn(timeZone);
  const items = instructors.data?.items ?? [];

  return (
    <section className="page" aria-labelledby="instructors-title">
      <header className="page__header">
        <div>
          <h1 id="instructors-title" className="page__title">
            Instructors
          </h1>
          <p className="page__subtitle">
            DI licences and checks are amber within {expiryWarningDays} days of expiry and red once lapsed. A lapsed instructor cannot be booked.
          </p>
        </div>
        <Button variant="primary" onClick={() => setEditing({ instructor: null })} data-testid="new-instructor">
          + New instructor
        </Button>
      </header>
      {notice ? <Banner tone="success" title={notice} onDismiss={() => setNotice(null)} testId="save-notice" /> : null}
      <div className="toolbar">
        <label className="checkbox">
          <input type="checkbox" checked={includeInactive} onChange={(event) => setIncludeInactive(event.target.checked)} />
          <span>Show inactive instructors</span>
        </label>
      </div>
      <div className="card">
        {instructors.isError ? <ErrorBanner error={instructors.error} title="Could not load instructors." /> : null}
        {instructors.isPending ? <p className="empty-state">Loading instructors…</p> : null}
        {instructors.data && items.length === 0 ? <p className="empty-state">No instructors yet. Add the first one with “New instructor”.</p> : null}
        {items.length > 0 ? (
          <table className="data-table" data-testid="instructor-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Teaches</th>
                <th scope="col">Credentials</th>
                <th scope="col">Availability</th>
                <th scope="col" className="data-table__actions-head">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((instructor) => (
                <tr key={instructor.id} data-testid="instructor-row" data-instructor-id={instructor.id}>
                  <th scope="row" className="data-table__name">
                    <button type="button" className="link-button" onClick={() => setEditing({ instructor })}>
                      {instructor.last_name}, {instructor.first_name}
                    </button>
                    {instructor.active === false ? <span className="badge badge--muted">Inactive</span> : null}
                    <div className="muted small mono">{instructor.di_licence_number}</div>
                  </th>
                  <td>
                    <div className="chip-row">
                      {instructor.authorised_in_car ? <span className="badge">In-car</span> : null}
                      {instructor.authorised_classroom ? <span className="badge">Classroom</span> : null}
                    </div>
                  </td>
                  <td>
                    <div className="chip-row">
                      {instructorCredentials(instructor, today, expiryWarningDays).map((credential) => (
                        <ExpiryChip key={credential.key} label={credential.label} status={credential.status} testId={`chip-${credential.key}`} />
                      ))}
                    </div>
                  </td>
                  <td>{instructor.availability.length > 0 ? `${formatHours(weeklyMinutes(instructor.availability))} / week` : '—'}</td>
                  <td className="data-table__actions">
                    <Button variant="ghost" onClick={() => setEditing({ instructor })} aria-label={`Edit ${instructor.first_name} ${instructor.last_name}`}>
                      Edit
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
      {editing ? (
        <InstructorForm
          instructor={editing.instructor}
          timeZone={timeZone}
          onClose={() => setEditing(null)}
          onSaved={(instructor, created) => {
            setEditing(null);
            setNotice(`${instructor.first_name} ${instructor.last_name} was ${created ? 'added' : 'saved'}.`);
          }}
        />
      ) : null}
    </section>
  );
}
