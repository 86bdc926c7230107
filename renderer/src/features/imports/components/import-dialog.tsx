import { useState } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { DataTable } from '../../../components/ui/data-table';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { useIntent } from '../../../lib/navigation';
import type { ImportPreview, ImportProblem, ImportResult } from '../../../lib/odsm';
import { usePreviewStudentImport, useRunStudentImport } from '../api/student-import';
import { fieldLabel, plural } from './field-labels';

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

function Mapping({ preview }: { preview: ImportPreview }) {
  return (
    <section aria-labelledby="import-mapping">
      <h3 id="import-mapping" className="import__heading">
        Columns
      </h3>
      <DataTable columns={['Column in the file', 'Saved as']} testId="import-mapping">
        {preview.columns.map((c, i) => (
          <tr key={`${i}-${c.column}`}>
            <td>{c.column || `(column ${i + 1}, no heading)`}</td>
            <td>{c.field ? fieldLabel(c.field) : <span className="muted">left out</span>}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

function Outcome({ result }: { result: ImportResult }) {
  const skipped = result.already_on_file > 0 ? ` ${plural(result.already_on_file, 'student')} already on file ${result.already_on_file === 1 ? 'was' : 'were'} skipped.` : '';
  return (
    <Banner tone="success" title={`Imported ${plural(result.imported, 'student')}.`} testId="import-result">
      <p>
        {skipped}
        {result.rows_with_problems > 0 ? ` ${plural(result.rows_with_problems, 'row')} with a problem ${result.rows_with_problems === 1 ? 'was' : 'were'} left out.` : ''}
      </p>
    </Banner>
  );
}

/** Students → "Import from a spreadsheet…" (also File → Import students): pick a spreadsheet, check the preview, import. */
export function useStudentImport() {
  const [open, setOpen] = useState(false);
  const preview = usePreviewStudentImport();
  const run = useRunStudentImport();
  const choose = () => {
    run.reset();
    preview.mutate(undefined, { onSuccess: (result) => setOpen(result.chosen) });
  };
  useIntent('students', 'import', choose);
  const shown = preview.data?.chosen ? preview.data.preview : null;
  const fileName = shown ? shown.file.split(/[\\/]/).pop() : '';

  return {
    button: (
      <Button onClick={choose} busy={preview.isPending} data-testid="import-students">
        Import from a spreadsheet…
      </Button>
    ),
    error: preview.error ? <ErrorBanner error={preview.error} title="That file could not be imported." testId="import-error" /> : null,
    dialog:
      open && shown ? (
        <Dialog
          title={`Import students from ${fileName}`}
          size="large"
          testId="import-dialog"
          onClose={() => setOpen(false)}
          description={`${plural(shown.rows_total, 'row')}: ${plural(shown.rows_valid, 'student')} ready to import${shown.rows_with_problems > 0 ? `, ${plural(shown.rows_with_problems, 'row')} with a problem` : ''}. Students already on file (the same licence number, or the same name and birth date) are skipped.`}
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
                <Button variant="primary" busy={run.isPending} disabled={shown.rows_valid === 0} onClick={() => run.mutate()} data-testid="import-run">
                  Import {plural(shown.rows_valid, 'student')}
                </Button>
              </>
            )
          }
        >
          {run.isPending ? (
            <p role="status" className="import__progress">
              <span className="btn__spinner" aria-hidden="true" /> Importing {plural(shown.rows_valid, 'student')}…
            </p>
          ) : null}
          {run.error ? <ErrorBanner error={run.error} title="Nothing was imported." testId="import-run-error" /> : null}
          {run.data ? <Outcome result={run.data} /> : null}
          <Problems
            problems={run.data?.problems ?? shown.problems}
            total={run.data?.problems_total ?? shown.problems_total}
            rows={run.data?.rows_with_problems ?? shown.rows_with_problems}
          />
          <Mapping preview={shown} />
        </Dialog>
      ) : null,
  };
}
