import { useState, type ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { Banner } from '../components/ui/banner';
import { Button } from '../components/ui/button';

/** What "Copy details" puts on the clipboard for support: the error and where, no records. */
export function errorDetails(error: unknown, screen: string, at: Date = new Date()): string {
  const lines = [`Screen: ${screen}`, `Time: ${at.toISOString()}`];
  if (error instanceof Error) lines.push(`${error.name}: ${error.message}`, ...(error.stack ? [error.stack] : []));
  else lines.push(String(error));
  return lines.join('\n');
}

function ScreenCrashed({ error, screen }: FallbackProps & { screen: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(errorDetails(error, screen)).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  return (
    <section className="page" aria-labelledby="screen-crashed-title" data-testid="screen-crashed">
      <Banner
        tone="error"
        title={<span id="screen-crashed-title">This screen ran into a problem and stopped.</span>}
        actions={
          <>
            <Button variant="primary" onClick={() => window.location.reload()} data-testid="screen-crashed-reload">
              Reload
            </Button>
            <Button onClick={() => void copy()} data-testid="screen-crashed-copy">
              Copy details
            </Button>
          </>
        }
      >
        <p>Your saved records are safe. Reload the screen, or pick another one on the left.</p>
        <p>If it happens again, use “Copy details” and send them to support.</p>
        {copied === 'yes' ? <p role="status">Details copied.</p> : null}
        {copied === 'failed' ? <p role="status">The details could not be copied.</p> : null}
      </Banner>
    </section>
  );
}

/** A render error shows a way back instead of a blank window; the sidebar keeps working. */
export function ScreenErrorBoundary({ screen, children }: { screen: string; children: ReactNode }) {
  return <ErrorBoundary fallbackRender={(props) => <ScreenCrashed {...props} screen={screen} />}>{children}</ErrorBoundary>;
}
