import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { StatusChip, type ChipTone } from '../../../components/ui/status-chip';
import { useSchoolClock } from '../../settings';
import { useStudentRoadTests, type RoadTest } from '../api/road-tests';
import { RoadTestActions } from './road-test-actions';
import { hasStarted, statusText, whenText } from './road-test-words';

const TONE: Record<string, ChipTone> = { booked: 'info', passed: 'ok', failed: 'danger', no_show: 'danger', cancelled: 'neutral', late_cancelled: 'warning' };

/** The student's road tests, newest first, each booked one with the action its time allows. */
export function RoadTestList({ studentId, now }: { studentId: number; now?: Date }) {
  const { timeZone, timeFormat } = useSchoolClock();
  const tests = useStudentRoadTests(studentId);
  const at = now ?? new Date();
  const items = [...(tests.data?.items ?? [])].sort((a, b) => b.starts_at.localeCompare(a.starts_at));
  // The test being acted on stays as it was when opened, so its saved outcome stays on screen.
  const [opened, setOpened] = useState<RoadTest | null>(null);

  if (tests.error) return <ErrorBanner error={tests.error} title="Could not load the road tests." />;
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="road-test-list-title" className="road-test-list" data-testid="road-test-list">
      <h3 id="road-test-list-title">Road tests</h3>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Centre</th>
            <th scope="col">Day and time</th>
            <th scope="col">Test</th>
            <th scope="col">Car</th>
            <th scope="col">Status</th>
            <th scope="col" className="data-table__actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((test) => (
            <tr key={test.id} data-testid="road-test-row" data-road-test-id={test.id} data-status={test.status}>
              <td>{test.centre_name}</td>
              <td>{whenText(test.starts_at, { timeFormat, timeZone })}</td>
              <td>{test.licence_class}</td>
              <td>{test.vehicle_plate ?? 'Student’s own'}</td>
              <td>
                <StatusChip tone={TONE[test.status] ?? 'neutral'}>{statusText(test)}</StatusChip>
              </td>
              <td className="data-table__actions">
                {test.status === 'booked' && opened?.id !== test.id ? (
                  <Button
                    variant={hasStarted(test, at) ? 'primary' : 'secondary'}
                    onClick={() => setOpened(test)}
                    data-testid="road-test-open-actions"
                    aria-label={`${hasStarted(test, at) ? 'Record result' : 'Cancel test…'} ${test.licence_class} test at ${test.centre_name}, ${whenText(test.starts_at, { timeFormat, timeZone })}`}
                  >
                    {hasStarted(test, at) ? 'Record result' : 'Cancel test…'}
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {opened ? <RoadTestActions key={opened.id} test={opened} timeFormat={timeFormat} timeZone={timeZone} now={at} startIn={hasStarted(opened, at) ? 'result' : 'cancel'} /> : null}
    </section>
  );
}
