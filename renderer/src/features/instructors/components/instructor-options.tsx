import type { Instructor } from '../types';

/** The options of a select that picks an instructor, by name; the value is the instructor's id. */
export function InstructorOptions({ instructors }: { instructors: readonly Instructor[] }) {
  return (
    <>
      {instructors.map((instructor) => (
        <option key={instructor.id} value={instructor.id}>
          {instructor.first_name} {instructor.last_name}
        </option>
      ))}
    </>
  );
}
