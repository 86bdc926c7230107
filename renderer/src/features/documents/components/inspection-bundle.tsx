import { useState } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { TextField } from '../../../components/ui/field';
import { ProgressBar } from '../../../components/ui/progress-bar';
import { addDays, todayIn } from '../../../lib/dates';
import { useCancelInspectionBundle, useInspectionBundleProgress, useSaveInspectionBundle } from '../api/inspection-bundle';

/** "Inspection bundle…" for a screen's header: opens the dialog that makes the bundle for a period. */
export function InspectionBundleButton({ timeZone }: { timeZone: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} data-testid="open-inspection-bundle">
        Inspection bundle…
      </Button>
      {open ? <InspectionBundleDialog timeZone={timeZone} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

/** A period, then every student's inspector packet for it, an index and the audit chain, in a folder. */
function InspectionBundleDialog({ timeZone, onClose }: { timeZone: string; onClose: () => void }) {
  const today = todayIn(timeZone);
  const [firstDay, setFirstDay] = useState(addDays(today, -30));
  const [lastDay, setLastDay] = useState(today);
  const [run, setRun] = useState(0);
  const save = useSaveInspectionBundle();
  const cancel = useCancelInspectionBundle();
  const running = save.isPending;
  const progress = useInspectionBundleProgress(running, run).data;
  const result = save.data;

  const start = () => {
    setRun(Date.now());
    save.mutate({ firstDay, lastDay });
  };
  // Closing while it works stops it: nothing half-made is left in the folder.
  const close = () => {
    if (running) cancel.mutate();
    onClose();
  };

  return (
    <Dialog
      title="Inspection bundle"
      description="Every student with a lesson, a class or hours recorded in the period: their inspector packet as PDF, an index of the files, and the audit chain’s head with the result of verify."
      onClose={close}
      testId="inspection-bundle-dialog"
      footer={
        <>
          {running ? (
            <Button onClick={() => cancel.mutate()} busy={cancel.isPending} data-testid="cancel-inspection-bundle">
              Cancel
            </Button>
          ) : (
            <Button onClick={onClose}>Close</Button>
          )}
          <Button variant="primary" onClick={start} busy={running} disabled={running || !firstDay || !lastDay} data-testid="make-inspection-bundle">
            Choose folder and save…
          </Button>
        </>
      }
    >
      <div className="form-grid">
        <TextField id="bundle-first-day" label="First day" type="date" required value={firstDay} max={lastDay} disabled={running} onChange={(event) => setFirstDay(event.target.value)} />
        <TextField id="bundle-last-day" label="Last day" type="date" required value={lastDay} min={firstDay} disabled={running} onChange={(event) => setLastDay(event.target.value)} />
      </div>
      {running && progress && progress.total > 0 ? (
        <div data-testid="inspection-bundle-progress">
          <ProgressBar label="Inspector packets" value={progress.done} max={progress.total} detail={`${progress.done} of ${progress.total}`} tone="ok" />
          {progress.phase === 'finishing' ? <p className="muted">Checking the audit chain and writing the index…</p> : null}
        </div>
      ) : null}
      {running && (!progress || progress.total === 0) ? <p className="muted">Finding the students of the period…</p> : null}
      {result?.saved ? (
        <Banner tone={result.chainOk ? 'success' : 'warning'} title={`Saved the inspection bundle: ${result.students} ${result.students === 1 ? 'student' : 'students'}.`} testId="inspection-bundle-saved">
          {result.chainOk ? null : <p>The audit chain did not verify: the bundle records what the check found. Run “Verify audit chain” for the details.</p>}
          <p className="small mono">{result.path}</p>
        </Banner>
      ) : null}
      {result && !result.saved && result.cancelled ? <Banner tone="info" title="Cancelled: nothing was saved." testId="inspection-bundle-cancelled" /> : null}
      {save.error ? <ErrorBanner error={save.error} title="Could not make the inspection bundle." testId="inspection-bundle-error" /> : null}
    </Dialog>
  );
}
