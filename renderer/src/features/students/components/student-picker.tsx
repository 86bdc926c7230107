import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { useStudents } from '../../students/api/get-students';

type Props = { studentName: string; locked: boolean; onPick: (student: { id: number; name: string }) => void };

/** Search for a student by name, phone or licence number, and pick one. */
export function StudentPicker({ studentName, locked, onPick }: Props) {
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(studentName === '');
  const q = useDebouncedValue(search.trim(), 250);
  const results = useStudents({ ...(q ? { q } : {}), offset: 0, limit: 6 });
  // While the typed search waits for its debounce or its answer, the list on screen belongs to the last
  // search: offering it would let a click book a student the desk is no longer looking for.
  const settled = search.trim() === q && !results.isPlaceholderData && !results.isPending;
  const shown = settled ? (results.data?.items ?? []) : [];

  if (!open || locked) {
    return (
      <div className="field">
        <span className="field__label">Student</span>
        <div className="picker__chosen" data-testid="picked-student">
          <strong>{studentName}</strong>
          {locked ? null : (
            <Button variant="ghost" onClick={() => setOpen(true)}>
              Change
            </Button>
          )}
        </div>
      </div>
    );
  }
  return (
    <div className="field picker">
      <label className="field__label" htmlFor="lesson-student-search">
        Student <span className="field__required" aria-hidden="true">*</span>
      </label>
      <input
        id="lesson-student-search"
        className="field__control"
        type="search"
        placeholder="Search by name, phone or licence number"
        value={search}
        autoComplete="off"
        data-testid="lesson-student-search"
        onChange={(event) => setSearch(event.target.value)}
      />
      <ul className="picker__results" aria-busy={!settled || undefined} data-testid="student-options">
        {!settled ? (
          <li className="muted small" data-testid="student-search-pending">
            Searching…
          </li>
        ) : null}
        {shown.map((student) => (
          <li key={student.id}>
            <button
              type="button"
              className="picker__option"
              data-testid="student-option"
              onClick={() => {
                onPick({ id: student.id, name: `${student.first_name} ${student.last_name}` });
                setOpen(false);
              }}
            >
              {student.last_name}, {student.first_name}
              <span className="muted small"> · {student.licence_class ?? 'no licence'} · {student.phone ?? 'no phone'}</span>
            </button>
          </li>
        ))}
        {settled && results.data && results.data.items.length === 0 ? <li className="muted small">No students match.</li> : null}
      </ul>
    </div>
  );
}
