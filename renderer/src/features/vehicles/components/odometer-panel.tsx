import { useState, type FormEvent } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { TextField } from '../../../components/ui/field';
import { formatDateTime } from '../../../lib/dates';
import { isOdsmError } from '../../../lib/odsm';
import { useOdometerLog } from '../api/get-vehicles';
import { useAddOdometer } from '../api/save-vehicle';
import { ODOMETER_BACKWARDS, type Vehicle } from '../types';

const SOURCE_LABELS: Record<string, string> = { manual: 'Entered', lesson: 'Lesson', initial: 'First reading' };

/** The odometer log, newest first, with a form to add a reading. */
export function OdometerPanel({ vehicle, timeZone }: { vehicle: Vehicle; timeZone: string }) {
  const log = useOdometerLog(vehicle.id);
  const add = useAddOdometer(vehicle.id);
  const [km, setKm] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const backwards = isOdsmError(add.error) && add.error.code === ODOMETER_BACKWARDS;

  function onAdd(event: FormEvent) {
    event.preventDefault();
    if (!/^\d+$/.test(km.trim())) return setProblem('Enter the reading in whole kilometres.');
    setProblem(null);
    add.mutate(
      { km: Number(km.trim()), note: note.trim() || null },
      {
        onSuccess: () => {
          setKm('');
          setNote('');
        },
      },
    );
  }

  return (
    <div className="odometer" data-testid="odometer-panel">
      <form className="odometer__add" onSubmit={onAdd} noValidate>
        <TextField id="odometer_reading" label="New reading (km)" inputMode="numeric" value={km} error={problem ?? undefined} onChange={(event) => setKm(event.target.value)} />
        <TextField id="odometer_note" label="Note" value={note} onChange={(event) => setNote(event.target.value)} />
        <Button type="submit" variant="primary" busy={add.isPending} data-testid="add-odometer">
          Add reading
        </Button>
      </form>
      {backwards ? (
        <Banner tone="error" title="That reading is lower than the last one." testId="odometer-backwards">
          <p>Odometer readings only go up. Check the number on the dashboard.</p>
        </Banner>
      ) : add.error ? (
        <ErrorBanner error={add.error} title="The reading was not added." />
      ) : null}
      {log.isError ? <ErrorBanner error={log.error} title="Could not load the odometer log." /> : null}
      {log.data && log.data.items.length === 0 ? <p className="muted">No readings yet.</p> : null}
      {log.data && log.data.items.length > 0 ? (
        <table className="data-table data-table--compact" data-testid="odometer-log">
          <thead>
            <tr>
              <th scope="col">Recorded</th>
              <th scope="col" className="num">
                Kilometres
              </th>
              <th scope="col">Source</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {log.data.items.map((reading) => (
              <tr key={reading.id} data-testid="odometer-row">
                <td>{formatDateTime(reading.recorded_at, timeZone)}</td>
                <td className="num mono">{reading.km.toLocaleString('en-CA')}</td>
                <td>{SOURCE_LABELS[reading.source] ?? reading.source}{reading.lesson_id ? ` #${reading.lesson_id}` : ''}</td>
                <td>{reading.note || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
