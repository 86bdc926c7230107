import { useEffect, useRef, useState } from 'react';
import { Autocomplete, Input, Label, ListBox, ListBoxItem, SearchField } from 'react-aria-components';
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
  // The field or button the keyboard goes on to after a pick (Change) or after Change (the search): the one
  // it was on is gone from the dialog, and focus must not fall to the page.
  const root = useRef<HTMLDivElement>(null);
  const focusNext = useRef<'change' | 'search' | null>(null);
  useEffect(() => {
    const next = focusNext.current;
    if (!next) return;
    focusNext.current = null;
    root.current?.querySelector<HTMLElement>(next === 'change' ? 'button' : 'input')?.focus();
  });

  if (!open || locked) {
    return (
      <div className="field" ref={root}>
        <span className="field__label">Student</span>
        <div className="picker__chosen" data-testid="picked-student">
          <strong>{studentName}</strong>
          {locked ? null : (
            <Button
              variant="ghost"
              onClick={() => {
                focusNext.current = 'search';
                setOpen(true);
              }}
            >
              Change
            </Button>
          )}
        </div>
      </div>
    );
  }
  const pick = (student: { id: number; first_name: string; last_name: string }) => {
    onPick({ id: student.id, name: `${student.first_name} ${student.last_name}` });
    focusNext.current = 'change';
    setOpen(false);
  };
  // React Aria's Autocomplete: the field keeps focus while ↑ / ↓ move through the students (announced as
  // the active option) and Enter picks one; the backend does the filtering, so no `filter` is given.
  return (
    <Autocomplete inputValue={search} onInputChange={setSearch}>
      <div className="field picker" ref={root}>
        <SearchField className="picker__search">
          <Label className="field__label">
            Student <span className="field__required" aria-hidden="true">*</span>
          </Label>
          <Input className="field__control" placeholder="Search by name, phone or licence number" autoComplete="off" data-testid="lesson-student-search" />
        </SearchField>
        <ListBox
          aria-label="Students found"
          className="picker__results"
          data-testid="student-options"
          items={shown}
          renderEmptyState={() =>
            !settled ? (
              <span className="muted small" data-testid="student-search-pending">
                Searching…
              </span>
            ) : (
              <span className="muted small">No students match.</span>
            )
          }
        >
          {(student) => (
            <ListBoxItem id={student.id} textValue={`${student.last_name}, ${student.first_name}`} className="picker__option" data-testid="student-option" onAction={() => pick(student)}>
              {student.last_name}, {student.first_name}
              <span className="muted small"> · {student.licence_class ?? 'no licence'} · {student.phone ?? 'no phone'}</span>
            </ListBoxItem>
          )}
        </ListBox>
      </div>
    </Autocomplete>
  );
}
