import { SelectField } from '../../../components/ui/field';
import { useCourses } from '../../courses';
import type { WorklistState } from '../types';

export type WorklistFilterValues = { q: string; courseId: number | null; state: WorklistState };

const STATES: readonly { value: WorklistState; label: string }[] = [
  { value: 'all', label: 'Every list' },
  { value: 'ready', label: 'Ready to certify' },
  { value: 'at_risk', label: 'At risk' },
  { value: 'blocked', label: 'Blocked' },
  { value: 'expired', label: 'Expired' },
];

/** Find students on the worklist: part of a name, a course, one list. */
export function WorklistFilters({ value, onChange }: { value: WorklistFilterValues; onChange: (next: WorklistFilterValues) => void }) {
  const courses = useCourses();
  return (
    <div className="toolbar worklist-filters" role="search" aria-label="Find students on the worklist">
      <div className="field search">
        <label className="field__label" htmlFor="worklist-search">
          Student’s name
        </label>
        <input
          id="worklist-search"
          className="field__control search__input"
          type="search"
          placeholder="Part of a first or last name"
          autoComplete="off"
          maxLength={100}
          value={value.q}
          data-testid="worklist-search"
          onChange={(event) => onChange({ ...value, q: event.target.value })}
        />
      </div>
      <SelectField
        id="worklist-course"
        label="Course"
        value={value.courseId === null ? '' : String(value.courseId)}
        onChange={(event) => onChange({ ...value, courseId: event.target.value ? Number(event.target.value) : null })}
      >
        <option value="">Every course</option>
        {(courses.data?.items ?? []).map((course) => (
          <option key={course.id} value={course.id}>
            {course.name}
          </option>
        ))}
      </SelectField>
      <SelectField id="worklist-state" label="Show" value={value.state} onChange={(event) => onChange({ ...value, state: event.target.value as WorklistState })}>
        {STATES.map((state) => (
          <option key={state.value} value={state.value}>
            {state.label}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
