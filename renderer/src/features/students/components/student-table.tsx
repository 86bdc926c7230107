import { Button } from '../../../components/ui/button';
import { DataTable } from '../../../components/ui/data-table';
import type { Student } from '../types';
import { formatDate, fullName, tableName } from './format';

type StudentTableProps = {
  students: readonly Student[];
  onOpen: (student: Student) => void;
  /** Without them (an account that may not edit students), no Edit or Archive. */
  onEdit?: (student: Student) => void;
  onArchive?: (student: Student) => void;
};

export function StudentTable({ students, onOpen, onEdit, onArchive }: StudentTableProps) {
  return (
    <DataTable testId="student-table" columns={['Name', 'Date of birth', 'Licence number', 'Phone', 'Class']} withActions>
      {students.map((student) => (
        <tr key={student.id} data-testid="student-row" data-student-id={student.id}>
          <th scope="row" className="data-table__name">
            <button type="button" className="link-button" onClick={() => onOpen(student)} data-testid="open-student">
              {tableName(student)}
            </button>
            {student.warnings && student.warnings.length > 0 ? (
              <span
                className="badge badge--warning"
                title={student.warnings.map((warning) => warning.message).join('\n')}
                data-testid="row-warning-badge"
              >
                Check licence
              </span>
            ) : null}
          </th>
          <td>{formatDate(student.date_of_birth)}</td>
          <td className="mono">{student.licence_number_display ?? student.licence_number ?? '—'}</td>
          <td>{student.phone || '—'}</td>
          <td>{student.licence_class ? <span className="badge">{student.licence_class}</span> : '—'}</td>
          <td className="data-table__actions">
            {onEdit ? (
              <Button variant="ghost" onClick={() => onEdit(student)} aria-label={`Edit ${fullName(student)}`}>
                Edit
              </Button>
            ) : null}
            {onArchive ? (
              <Button variant="ghost" className="btn--ghost-danger" onClick={() => onArchive(student)} aria-label={`Archive ${fullName(student)}`}>
                Archive
              </Button>
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
