import type { FieldProblem } from '../../lib/field-errors';
import { isOdsmError } from '../../lib/odsm';
import { ErrorBanner } from './error-banner';
import { UnplacedErrors } from './unplaced-errors';
import { VersionConflictBanner } from './version-conflict-banner';

type SaveProblemsProps = {
  /** "this student", "the settings": what someone else changed. */
  what: string;
  saveError: unknown;
  conflict: boolean;
  otherError: boolean;
  /** Shown when the save failed for a reason other than a conflict or a field. */
  failedTitle: string;
  unplaced: readonly FieldProblem[];
  reloading: boolean;
  onReload: () => void;
  /** A failed "Reload latest", with the title to show it under. */
  reload?: { error: unknown; title: string };
};

/** Why a form's save did not land: someone else saved first, a failure, or problems with fields the form does not show. */
export function SaveProblems({ what, saveError, conflict, otherError, failedTitle, unplaced, reloading, onReload, reload }: SaveProblemsProps) {
  return (
    <>
      {conflict ? (
        <VersionConflictBanner what={what} requestId={isOdsmError(saveError) ? saveError.requestId : undefined} reloading={reloading} onReload={onReload} />
      ) : null}
      {reload?.error ? <ErrorBanner error={reload.error} title={reload.title} testId="reload-error" /> : null}
      {otherError ? <ErrorBanner error={saveError} title={failedTitle} testId="save-error" /> : null}
      <UnplacedErrors problems={unplaced} />
    </>
  );
}
