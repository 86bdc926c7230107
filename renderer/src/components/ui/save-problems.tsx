import type { FieldProblem } from '../../lib/field-errors';
import { isOdsmError } from '../../lib/odsm';
import { ErrorBanner } from './error-banner';
import { UnplacedErrors } from './unplaced-errors';
import { VersionConflictBanner } from './version-conflict-banner';

/** What useRecordForm knows about the last save and reload. */
type SaveState = { saveError: unknown; conflict: boolean; otherError: boolean; reloading: boolean; reloadError: unknown; reloadLatest: () => void };

type SaveProblemsProps = {
  form: SaveState;
  /** "this student", "the settings": what someone else changed. */
  what: string;
  /** Shown when the save failed for a reason other than a conflict or a field. */
  failedTitle: string;
  unplaced: readonly FieldProblem[];
  /** Shown over a failed "Reload latest"; without it such a failure stays quiet. */
  reloadFailedTitle?: string;
};

/** Why a form's save did not land: someone else saved first, a failure, or problems with fields the form does not show. */
export function SaveProblems({ form, what, failedTitle, unplaced, reloadFailedTitle }: SaveProblemsProps) {
  const { saveError } = form;
  return (
    <>
      {form.conflict ? (
        <VersionConflictBanner what={what} requestId={isOdsmError(saveError) ? saveError.requestId : undefined} reloading={form.reloading} onReload={form.reloadLatest} />
      ) : null}
      {reloadFailedTitle && form.reloadError ? <ErrorBanner error={form.reloadError} title={reloadFailedTitle} testId="reload-error" /> : null}
      {form.otherError ? <ErrorBanner error={saveError} title={failedTitle} testId="save-error" /> : null}
      <UnplacedErrors problems={unplaced} />
    </>
  );
}
