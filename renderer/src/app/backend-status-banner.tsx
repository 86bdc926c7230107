import { useEffect, useState } from 'react';
import { Banner, type BannerTone } from '../components/ui/banner';
import { followBackendStatus, type BackendStatus } from '../lib/odsm';

type Presentation = { tone: BannerTone; title: string };

const PRESENTATION: Partial<Record<BackendStatus['state'], Presentation>> = {
  starting: { tone: 'info', title: 'Starting up… Student records will appear in a moment.' },
  degraded: { tone: 'warning', title: 'The app is running slowly. Saving may take longer than usual.' },
  restarting: { tone: 'warning', title: 'Reconnecting to the database service…' },
  down: { tone: 'error', title: 'The database service has stopped. Changes cannot be saved right now.' },
};

/** Shows what main pushes on app:backend-status; nothing while the backend is ready. */
export function BackendStatusBanner() {
  const [status, setStatus] = useState<BackendStatus | null>(null);
  useEffect(() => followBackendStatus(setStatus), []);

  // A workstation on a database server that does not answer: which server, and that the app keeps trying.
  const waiting = status?.state === 'restarting' && status.server ? { tone: 'error' as const, title: `Cannot reach the database server ${status.server}. Trying again…` } : undefined;
  const presentation = waiting ?? (status ? PRESENTATION[status.state] : undefined);
  if (!status || !presentation) return null;
  const attempt = status.state === 'restarting' && status.attempt ? ` (attempt ${status.attempt})` : '';
  return (
    <div className="status-strip" data-testid="backend-status" data-state={status.state}>
      <Banner tone={presentation.tone} title={presentation.title + attempt}>
        {status.message ? <p>{status.message}</p> : null}
        {status.stderrTail && status.stderrTail.length > 0 ? (
          <details className="status-strip__details">
            <summary>Technical details for support</summary>
            <pre>{status.stderrTail.join('\n')}</pre>
          </details>
        ) : null}
      </Banner>
    </div>
  );
}
