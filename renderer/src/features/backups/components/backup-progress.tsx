import { ProgressBar } from '../../../components/ui/progress-bar';
import type { BackupProgress } from '../../../lib/odsm';

const PHASE_WORDS: Record<BackupProgress['state'], string> = {
  idle: 'Starting the backup…',
  copying: 'Copying the school…',
  checking: 'Checking the copy…',
  done: 'Backed up and checked',
  failed: 'The backup stopped',
};

/** Where a running backup stands, as the backend reports it: the phase in words and how much of it is done. */
export function BackupProgressBar({ step }: { step: BackupProgress | undefined }) {
  const shown = step ?? { state: 'idle' as const, done: 0, total: 0 };
  const counted = shown.total > 0;
  const percent = counted ? Math.min(100, Math.round((shown.done / shown.total) * 100)) : 0;
  return (
    <div className="backup__progress" data-testid="backup-progress" data-phase={shown.state}>
      <ProgressBar
        label={PHASE_WORDS[shown.state]}
        value={counted ? shown.done : 0}
        max={counted ? shown.total : 1}
        detail={counted ? `${percent}%` : '…'}
        tone={shown.state === 'done' ? 'ok' : shown.state === 'failed' ? 'danger' : 'warning'}
      />
    </div>
  );
}
