import { DataTable } from '../../../components/ui/data-table';
import type { ImportPreview } from '../../../lib/odsm';
import { fieldLabel } from './field-labels';

const LEAVE_OUT = '';

const columnName = (column: string, index: number) => column || `(column ${index + 1}, no heading)`;

/** Which field each column feeds: a labelled select per column, so the person can change it or leave the column out. */
export function ColumnMapping({ preview, disabled, onChange }: { preview: ImportPreview; disabled: boolean; onChange: (mapping: (string | null)[]) => void }) {
  const mapping = preview.columns.map((c) => c.field);
  const choose = (index: number, value: string) => {
    const next = mapping.map((field) => (field === value ? null : field));
    next[index] = value === LEAVE_OUT ? null : value;
    onChange(next);
  };
  return (
    <section aria-labelledby="import-mapping">
      <h3 id="import-mapping" className="import__heading">
        Columns
      </h3>
      <p className="muted small">Choose the field each column holds, or leave it out. A field can take one column; choosing it again moves it.</p>
      <DataTable columns={['Column in the file', 'Saved as']} testId="import-mapping" keyboard="form">
        {preview.columns.map((c, i) => (
          <tr key={`${i}-${c.column}`} data-testid="import-mapping-row">
            <td>{columnName(c.column, i)}</td>
            <td>
              <select
                className="field__control"
                aria-label={`Field for the column “${columnName(c.column, i)}”`}
                value={c.field ?? LEAVE_OUT}
                disabled={disabled}
                onChange={(event) => choose(i, event.target.value)}
                data-testid="import-mapping-select"
              >
                <option value={LEAVE_OUT}>Leave out</option>
                {preview.fields.map((f) => (
                  <option key={f.name} value={f.name}>
                    {fieldLabel(f.name)}
                    {f.required ? ' (required)' : ''}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
