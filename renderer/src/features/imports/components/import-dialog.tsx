import { useState } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { DataTable } from '../../../components/ui/data-table';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { ProgressBar } from '../../../components/ui/progress-bar';
import { useIntent } from '../../../lib/navigation';
import { OdsmError, type ImportKind, type ImportProblem, type ImportProgress, type ImportResult } from '../../../lib/odsm';
import { useImportProgress, usePreviewImport, useRemapImport, useRunImport } from '../api/spreadsheet-import';
import { ColumnMapping } from './column-mapping';
import { KIND_WORDS, fieldLabel, plural } from './field-labels';

function Problems({ problems, total, rows }: { problems: ImportProblem[]; total: number; rows: number }) {
  if (total === 0) return null;
  return (
    <section aria-labelledby="import-problems">
      <h3 id="import-problems" className="import__heading">
        {plural(rows, 'row')} with a problem {rows === 1 ? 'is' : 'are'} left out
      </h3>
      <DataTable columns={['Row', 'Field', 'Problem']} testId="import-problems">
        {problems.map((p) => (
          <tr key={`${p.row}-${p.field}-${p.rule}`} data-testid="import-problem">
            <td>{p.row}</td>
            <td>{fieldLabel(p.field)}</td>
            <td>{p.message}</td>
          </tr>
        ))}
      </DataTable>
      {total > problems.length ? <p className="muted small">The first {problems.length} are shown. Fix them in the file, then import it again.</p> : null}
    </section>
  );
}

function Outcome({ result }: { result: ImportResult }) {
  const words = KIND_WORDS[result.kind];
  const skipped = result.already_on_file > 0 ? ` ${plural(result.already_on_file, words.one)} already on file ${result.already_on_file === 1 ? 'was' : 'were'} skipped.` : '';
  return (
    <Banner tone="success" title={`Imported ${plural(result.imported, words.one)}.`} testId="import-result">
      <p>
        {skipped}
        {result.rows_with_problems > 0 ? ` ${plural(result.rows_with_problems, 'row')} with a problem ${result.rows_with_problems === 1 ? 'was' : 'were'} left out.` : ''}
      </p>
    </Banner>
  );
}

const PHASE_WORDS: Record<string, string> = { idle: 'Starting', reading: 'Reading the file', checking: 'Checking rows', saving: 'Saving rows', done: 'Done' };

/** The import's progress as the backend reports it; once done, the bar stays full with the count. */
function Progress({ step, result }: { step: ImportProgress | undefined; result: ImportResult | undefined }) {
  const shown = result ? { phase: 'done', done: result.rows_total, total: result.rows_total } : step;
  if (!shown) return null;
  const counted = shown.total > 0;
  const detail = counted ? `${shown.done.toLocaleString('en-CA')} of ${plural(shown.total, 'row')}` : '…';
  return (
    <div className="import__progress-bar" data-testid="import-progress" data-phase={shown.phase}>
      <ProgressBar label={PHASE_WORDS[shown.phase] ?? 'Importing'} value={counted ? shown.done : 0} max={counted ? shown.total : 1} detail={detail} tone={result ? 'ok' : 'warning'} />
    </div>
  );
}

/**
 * A kind's "Import from a spreadsheet…" (also File → Import students / instructors / vehicles): pick a
 * spreadsheet, check the preview and its column mapping (change it, and the preview checks again), import.
 */
export function useSpreadsheetImport(kind: ImportKind) {
  const words = KIND_WORDS[kind];
  const [open, setOpen] = useState(false);
  const preview = usePreviewImport(kind);
  const remap = useRemapImport();
  const run = useRunImport(kind);
  const progress = useImportProgress(run.isPending, run.submittedAt);
  const choose = () => {
    run.reset();
    remap.reset();
    preview.mutate(undefined, { onSuccess: (result) => setOpen(result.chosen) });
  };
  useIntent(kind, 'import', choose);
  const first = preview.data?.chosen ? preview.data.preview : null;
  const shown = remap.data ?? first;
  const fileName = shown ? shown.file.split(/[\\/]/).pop() : '';
  const busy = run.isPending || remap.isPending;
  const fileChanged = run.error instanceof OdsmError && run.error.code === 'import.file_changed';
  const previewAgain = () => {
    if (!shown) return;
    run.reset();
    remap.mutate(shown.columns.map((c) => c.field));
  };
  const missing = shown?.missing_fields ?? [];

  return {
    button: (
      <Button onClick={choose} busy={preview.isPending} data-testid={`import-${kind}`}>
        Import from a spreadsheet…
      </Button>
    ),
    error: preview.error ? <ErrorBanner error={preview.error} title="That file could not be imported." testId="import-error" /> : null,
    dialog:
      open && shown ? (
        <Dialog
          title={`Import ${words.many} from ${fileName}`}
          size="large"
          testId="import-dialog"
          onClose={() => {
            if (!run.isPending) setOpen(false);
          }}
          description={`${plural(shown.rows_total, 'row')}: ${plural(shown.rows_valid, words.one)} ready to import${shown.rows_with_problems > 0 ? `, ${plural(shown.rows_with_problems, 'row')} with a problem` : ''}. ${words.onFile}`}
          footer={
            run.data ? (
              <Button variant="primary" onClick={() => setOpen(false)}>
                Done
              </Button>
            ) : (
              <>
                <Button onClick={() => setOpen(false)} disabled={run.isPending}>
                  Cancel
                </Button>
                {fileChanged ? (
                  <Button onClick={previewAgain} busy={remap.isPending} data-testid="import-preview-again">
                    Preview the file again
                  </Button>
                ) : null}
                <Button variant="primary" busy={run.isPending} disabled={shown.rows_valid === 0 || busy || missing.length > 0 || fileChanged} onClick={() => run.mutate()} data-testid="import-run">
                  Import {plural(shown.rows_valid, words.one)}
                </Button>
              </>
            )
          }
        >
          {run.isPending || run.data ? <Progress step={progress.data} result={run.data} /> : null}
          {run.error ? <ErrorBanner error={run.error} title="Nothing was imported." testId="import-run-error" /> : null}
          {remap.error ? <ErrorBanner error={remap.error} title="That mapping could not be used." testId="import-remap-error" /> : null}
          {run.data ? <Outcome result={run.data} /> : null}
          {missing.length > 0 ? (
            <Banner tone="warning" title="Some required fields have no column." testId="import-missing">
              <p>Choose a column for: {missing.map(fieldLabel).join(', ')}.</p>
            </Banner>
          ) : null}
          <Problems
            problems={run.data?.problems ?? shown.problems}
            total={run.data?.problems_total ?? shown.problems_total}
            rows={run.data?.rows_with_problems ?? shown.rows_with_problems}
          />
          <ColumnMapping preview={shown} disabled={run.isPending || run.data !== undefined} onChange={(mapping) => remap.mutate(mapping)} />
          {remap.isPending ? (
            <p role="status" className="muted small">
              Checking the rows with these columns…
            </p>
          ) : null}
        </Dialog>
      ) : null,
  };
}

/** Students → "Import from a spreadsheet…" (also File → Import students). */
export const useStudentImport = () => useSpreadsheetImport('students');
