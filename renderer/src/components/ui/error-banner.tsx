import type { ReactNode } from 'react';
import { isOdsmError } from '../../lib/odsm';
import { Banner } from './banner';

const FRIENDLY_TITLES: Record<string, string> = {
  backend_unavailable: 'The app’s background service is not answering.',
  timeout: 'That took too long and was stopped.',
  database_unavailable: 'The database is not available right now.',
  database_busy: 'The database is busy. Please try again.',
  internal: 'Something went wrong.',
  not_found: 'That record no longer exists.',
  forbidden_sender: 'This window is not allowed to reach the database.',
};

/** Any failed call, shown with its reference number. */
export function ErrorBanner({ error, title, actions, testId }: { error: unknown; title?: string; actions?: ReactNode; testId?: string }) {
  const odsmError = isOdsmError(error) ? error : null;
  const heading = title ?? (odsmError ? FRIENDLY_TITLES[odsmError.code] : undefined) ?? 'That did not work.';
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Banner tone="error" title={heading} requestId={odsmError?.requestId || undefined} actions={actions} testId={testId}>
      {message !== heading ? <p>{message}</p> : null}
    </Banner>
  );
}
