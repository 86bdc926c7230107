import { Button } from '../../../components/ui/button';
import { DataTable } from '../../../components/ui/data-table';
import type { Student } from '../types';
import { formatDate, fullName, tableName } from './format';

type StudentTableProps = {
  students: readonly Student[];
  onEdit: (student: Student) => void;
  onArchive: (student: Student) => void;
  onRoadTest?: (student: Student) => void;
};

export function StudentTable({ students, onEdit, onArchive, onRoadTest }: StudentTableProps) {
  return (
    <DataTable testId="student-table" columns={['Name', 'Date of birth', 'Licence number', 'Phone', 'Class']} withActions>
      {students.map((student) => (
        <tr key={student.id} data-testid="student-row" data-student-id={student.id}>
          <th scope="row" className="data-table__name">
            <button type="button" className="link-button" onClick={() => onEdit(student)}>
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
            <Button variant="ghost" onClick={() => onEdit(student)} aria-label={`Edit ${fullName(student)}`}>
              Edit
            </Button>
            {onRoadTest ? (
              <Button variant="ghost" onClick={() => onRoadTest(student)} aria-label={`Road test for ${fullName(student)}`}>
                Road test
              </Button>
            ) : null}
            <Button variant="ghost" className="btn--ghost-danger" onClick={() => onArchive(student)} aria-label={`Archive ${fullName(student)}`}>
              Archive
            </Button>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
