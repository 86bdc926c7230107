import { useState } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { useIntent } from '../../../lib/navigation';
import { useRestoreBackup } from '../api/backups';

/** "Restore from a backup…" (also File → Restore): says what will happen before main's open dialog shows. */
export function useRestore(onStart: () => void) {
  const [open, setOpen] = useState(false);
  const restore = useRestoreBackup();
  useIntent('home', 'restore', () => setOpen(true));
  const start = () => {
    onStart();
    restore.mutate(undefined, { onSuccess: (result) => result.restored && setOpen(false) });
  };
  return {
    reset: restore.reset,
    button: (
      <Button
        variant="ghost"
        onClick={() => {
          restore.reset();
          setOpen(true);
        }}
        data-testid="restore-open"
      >
        Restore from a backup…
      </Button>
    ),
    dialog: open ? (
      <Dialog
        title="Restore from a backup"
        testId="restore-dialog"
        onClose={() => setOpen(false)}
        description="The school's records are replaced by the backup you choose next."
        footer={
          <>
            <Button onClick={() => setOpen(false)} disabled={restore.isPending}>
              Cancel
            </Button>
            <Button variant="danger" busy={restore.isPending} onClick={start} data-testid="restore-choose">
              Choose backup file…
            </Button>
          </>
        }
      >
        <p>
          Anything entered since that backup will no longer show in the app. The records as they are now are saved first, in a safety copy in the data folder. The backup is checked before anything changes: a damaged file, or one that is
          not a backup, is refused and the school stays as it is.
        </p>
        {restore.error ? <ErrorBanner error={restore.error} title="Nothing was restored." testId="restore-error" /> : null}
      </Dialog>
    ) : null,
    outcome: restore.data?.restored ? (
      <Banner tone="success" title="The school was restored from the backup." testId="restore-result">
        <p className="small mono">{restore.data.file}</p>
        <p className="small">The records as they were just before are kept in {restore.data.safetyCopy}.</p>
      </Banner>
    ) : null,
  };
}
