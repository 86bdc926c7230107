import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { useSchoolClock } from '../../settings';
import { useRoadTest } from '../api/road-tests';
import { RoadTestActions } from './road-test-actions';

/** One road test opened from the calendar: record its result, or cancel it. */
export function RoadTestActionsDialog({ roadTestId, title, onClose }: { roadTestId: number; title: string; onClose: () => void }) {
  const { timeZone, timeFormat } = useSchoolClock();
  const test = useRoadTest(roadTestId);
  return (
    <Dialog title={title} onClose={onClose} testId="road-test-actions-dialog" footer={<Button onClick={onClose}>Close</Button>}>
      {test.error ? <ErrorBanner error={test.error} title="Could not load the road test." /> : null}
      {test.data ? <RoadTestActions test={test.data} timeFormat={timeFormat} timeZone={timeZone} /> : <p className="muted">Loading…</p>}
    </Dialog>
  );
}
