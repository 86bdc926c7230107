import { parseHash, useHash } from '../../../lib/navigation';
import { Button } from '../../../components/ui/button';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { timeRangeText } from '../../../lib/clock-text';
import { formatLongDate, todayIn } from '../../../lib/dates';
import { formatHours } from '../../../lib/units';
import { useDaySheet } from '../../lessons';
import { STATUS_LABELS } from '../../lessons';
import { useSchoolClock } from '../../settings';

/** An instructor's day on paper: what to print and take in the car. Opened from the calendar. */
export function DaySheetPage() {
  const [hash, navigate] = useHash();
  const { timeZone, timeFormat, settings } = useSchoolClock();
  const params = parseHash(hash).params;
  const instructorId = Number(params.get('instructor') ?? 0);
  const date = params.get('date') ?? todayIn(timeZone);
  const sheet = useDaySheet(instructorId, date);
  const zone = sheet.data?.time_zone ?? timeZone;

  return (
    <section className="page day-sheet" aria-labelledby="day-sheet-title" data-testid="day-sheet">
      <div className="day-sheet__actions no-print">
        <Button onClick={() => navigate('calendar', { date })}>‹ Back to calendar</Button>
        <Button variant="primary" onClick={() => window.print()} data-testid="print-day-sheet" data-print-action>
          Print
        </Button>
      </div>
      {sheet.error ? <ErrorBanner error={sheet.error} title="Could not load the day sheet." /> : null}
      <header className="day-sheet__header">
        <div>
          <p className="day-sheet__school">{settings?.name || 'Driving school'}{settings?.mto_school_number ? ` · MTO ${settings.mto_school_number}` : ''}</p>
          <h1 id="day-sheet-title" className="page__title">
            Day sheet · {sheet.data?.instructor_name ?? '…'}
          </h1>
          <p className="page__subtitle">{formatLongDate(date)}</p>
        </div>
        <p className="day-sheet__count">{sheet.data ? `${sheet.data.items.length} booking${sheet.data.items.length === 1 ? '' : 's'}` : ''}</p>
      </header>
      {sheet.data && sheet.data.items.length === 0 ? <p className="empty-state">Nothing booked for this day.</p> : null}
      {sheet.data && sheet.data.items.length > 0 ? (
        <table className="data-table day-sheet__table">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Student / class</th>
              <th scope="col">Phone</th>
              <th scope="col">Pickup / room</th>
              <th scope="col">Car</th>
              <th scope="col">BDE in-car</th>
              <th scope="col">Status</th>
              <th scope="col" className="day-sheet__sign">Odometer start / end · initials</th>
            </tr>
          </thead>
          <tbody>
            {sheet.data.items.map((item) => (
              <tr key={`${item.kind}-${item.lesson_id ?? item.session_id}`} data-testid="day-sheet-row">
                <td className="mono">
                  {timeRangeText(item.starts_at, item.ends_at, timeFormat, zone)}
                </td>
                <td>
                  <strong>{item.kind === 'lesson' ? item.student_name : `Class: ${item.topic}`}</strong>
                  {item.kind === 'classroom' && item.attendee_count !== null && item.attendee_count !== undefined ? (
                    <div className="muted small">{item.attendee_count} attending</div>
                  ) : null}
                </td>
                <td>{item.student_phone ?? ''}</td>
                <td>{item.kind === 'lesson' ? (item.pickup_location ?? '') : `Room ${item.room ?? ''}`}</td>
                <td className="mono">{item.vehicle_plate ?? ''}</td>
                <td>{item.bde_in_car ? `${formatHours(item.bde_in_car.credited_minutes)} of ${formatHours(item.bde_in_car.required_minutes)}` : ''}</td>
                <td>{item.status ? STATUS_LABELS[item.status] : ''}</td>
                <td className="day-sheet__sign" />
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <footer className="day-sheet__footer">
        Printed {formatLongDate(todayIn(timeZone))}. Times in {zone}. Record actual times and odometer readings in the app the same day.
      </footer>
    </section>
  );
}
