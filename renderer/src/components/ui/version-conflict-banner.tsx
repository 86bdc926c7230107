import { Banner } from './banner';
import { Button } from './button';

/** Someone else saved first: nothing was saved, and "Reload latest" brings their copy into the form. */
export function VersionConflictBanner({ what, requestId, reloading, onReload }: { what: string; requestId?: string | undefined; reloading: boolean; onReload: () => void }) {
  return (
    <Banner
      tone="warning"
      testId="version-conflict"
      title={`Someone else changed ${what} while you were editing.`}
      requestId={requestId}
      actions={
        <Button variant="primary" onClick={onReload} busy={reloading} data-testid="reload-latest">
          Reload latest
        </Button>
      }
    >
      <p>Your changes were not saved. Reload to see the latest details, then make your changes again.</p>
    </Banner>
  );
}
