import { useState } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { formatDateTime } from '../../../lib/dates';
import { useIntent } from '../../../lib/navigation';
import type { BackupStatus } from '../../../lib/odsm';
import { BackupProgressBar } from './backup-progress';
import { megabytes } from '../../../lib/units';
import { useBackUpNow, useBackupProgress, useBackupStatus, useExportEverything } from '../api/backups';
import { useRestore } from './restore-dialog';

/** "3 days ago", "today": how old the last backup is, in the desk's words. */
export function backupAge(at: string, now: Date = new Date()): string {
  const days = Math.floor((now.getTime() - Date.parse(at)) / (24 * 60 * 60 * 1000));
  if (days <= 0) return 'today';
  return days === 1 ? 'yesterday' : `${days} days ago`;
}

function LastBackupLine({ status, timeZone }: { status: BackupStatus; timeZone: string }) {
  const last = status.last;
  if (!last) {
    return <p data-testid="backup-last">No backup yet. Choose a folder on a USB drive or a synced folder, and the app backs up there every day while it runs.</p>;
  }
  return (
    <p data-testid="backup-last">
      Last backup {backupAge(last.at)} ({formatDateTime(last.at, timeZone)}), {megabytes(last.bytes)}
      {last.chainOk ? ', audit log verified.' : ', but the audit log did not verify: open the Audit log screen.'}
    </p>
  );
}

/** Home's backup card: the last backup, a warning when it is old, and "Back up now" (also File → Back up now). */
export function BackupCard({ timeZone }: { timeZone: string }) {
  const status = useBackupStatus();
  const backUp = useBackUpNow();
  const exporting = useExportEverything();
  // Names the backup this card started, so its progress is asked for only from then on.
  const [run, setRun] = useState(0);
  const progress = useBackupProgress(backUp.isPending, run);
  // One outcome shows at a time, the latest action's, so it always stands right above the buttons.
  const restore = useRestore(() => {
    backUp.reset();
    exporting.reset();
  });
  const backUpTo = (chooseFolder: boolean) => {
    exporting.reset();
    restore.reset();
    setRun(Date.now());
    backUp.mutate(chooseFolder);
  };
  const exportAll = () => {
    backUp.reset();
    restore.reset();
    exporting.mutate();
  };
  useIntent('home', 'export', exportAll);
  useIntent('home', 'back-up', () => backUpTo(false));
  const data = status.data;
  return (
    <section className="card dash-card" aria-labelledby="dash-backups" data-testid="dash-backups">
      <header className="dash-card__header">
        <h2 id="dash-backups" className="dash-card__title">
          Backups
        </h2>
        {data?.folder ? <span className="muted small mono" title="Where backups go">{data.folder}</span> : null}
      </header>
      {status.error ? <ErrorBanner error={status.error} title="Could not read the backup settings." /> : null}
      {data ? <LastBackupLine status={data} timeZone={timeZone} /> : null}
      {data?.stale && data.last ? (
        <Banner tone="warning" title={`The last backup is more than ${data.warnAfterDays} days old.`} testId="backup-stale">
          <p>The daily backup needs the backup folder: plug in the backup drive (or reconnect the synced folder), then back up now.</p>
        </Banner>
      ) : null}
      {restore.outcome}
      {exporting.error ? <ErrorBanner error={exporting.error} title="Nothing was exported." testId="export-all-result" /> : null}
      {exporting.data?.saved ? (
        <Banner tone="success" title={`Exported ${exporting.data.rows.toLocaleString('en-CA')} rows from ${exporting.data.tables} tables.`} testId="export-all-result">
          <p className="small mono">{exporting.data.path}</p>
          <p className="small">One CSV file per table, with manifest.json listing each file's rows and checksum.</p>
        </Banner>
      ) : null}
      {backUp.isPending || backUp.data?.saved ? <BackupProgressBar step={progress.data} /> : null}
      {backUp.error ? <ErrorBanner error={backUp.error} title="The backup was not made." testId="backup-result" /> : null}
      {backUp.data?.saved ? (
        <Banner tone={backUp.data.chainOk ? 'success' : 'warning'} title={`Backed up ${megabytes(backUp.data.bytes)}.`} testId="backup-result">
          <p className="small mono">{backUp.data.file}</p>
          {backUp.data.removed.length > 0 ? (
            <p className="small">
              Removed {backUp.data.removed.length === 1 ? 'the oldest backup' : `the ${backUp.data.removed.length} oldest backups`}, keeping the newest {data?.keep ?? ''}.
            </p>
          ) : null}
        </Banner>
      ) : null}
      <div className="dash-card__actions">
        <Button variant="primary" busy={backUp.isPending} onClick={() => backUpTo(false)} data-testid="back-up-now">
          Back up now
        </Button>
        {data?.folder ? (
          <Button variant="ghost" disabled={backUp.isPending} onClick={() => backUpTo(true)}>
            Change folder…
          </Button>
        ) : null}
        {restore.button}
        <Button variant="ghost" busy={exporting.isPending} onClick={exportAll} data-testid="export-all">
          Export everything (CSV)…
        </Button>
      </div>
      {restore.dialog}
    </section>
  );
}
