import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { SelectField } from '../../../components/ui/field';
import { StatusChip } from '../../../components/ui/status-chip';
import { UnplacedErrors } from '../../../components/ui/unplaced-errors';
import { fieldErrorsOf } from '../../../lib/field-errors';
import { useCourses, useCreateCourse } from '../../courses';
import { useCreateEnrollment } from '../api/enrollments';

const DEFAULT_BDE_COURSE_NAME = 'BDE Class G';

/** No BDE enrollment yet: enrol in the school's active BDE course, creating one if there is none. */
export function EnrollInBde({ studentId, today }: { studentId: number; today: string }) {
  const courses = useCourses();
  const createCourse = useCreateCourse();
  const enroll = useCreateEnrollment();
  const bdeCourses = (courses.data?.items ?? []).filter((course) => course.kind === 'bde' && course.active);
  const [chosen, setChosen] = useState<number | null>(null);
  const courseId = chosen !== null && bdeCourses.some((course) => course.id === chosen) ? chosen : (bdeCourses[0]?.id ?? null);
  const fields = fieldErrorsOf(enroll.error ?? createCourse.error, []);

  function onEnroll() {
    if (courseId === null) return;
    enroll.mutate({ student_id: studentId, course_id: courseId, enrolled_on: today });
  }

  function onCreateAndEnroll() {
    createCourse.mutate(
      { name: DEFAULT_BDE_COURSE_NAME, kind: 'bde' },
      { onSuccess: (course) => enroll.mutate({ student_id: studentId, course_id: course.id, enrolled_on: today }) },
    );
  }

  return (
    <section className="progress-panel__course" data-testid="enroll-bde">
      <div className="progress-panel__head">
        <strong>Beginner Driver Education</strong>
        <StatusChip tone="neutral">Not enrolled</StatusChip>
      </div>
      {courses.error ? <ErrorBanner error={courses.error} title="Could not load the courses." /> : null}
      {courses.isPending ? <p className="muted">Loading courses…</p> : null}
      {courses.data && bdeCourses.length === 0 ? (
        <div className="progress-panel__add">
          <p className="muted" style={{ gridColumn: '1 / -1' }}>
            The school has no active BDE course yet. Create “{DEFAULT_BDE_COURSE_NAME}” with the hours from the school settings, and enrol the student in it.
          </p>
          <Button variant="primary" busy={createCourse.isPending || enroll.isPending} onClick={onCreateAndEnroll} data-testid="create-bde-course">
            Create “{DEFAULT_BDE_COURSE_NAME}” and enrol
          </Button>
        </div>
      ) : null}
      {bdeCourses.length > 0 ? (
        <div className="progress-panel__add">
          {bdeCourses.length > 1 ? (
            <SelectField id={`bde-course-${studentId}`} label="Course" value={courseId ?? ''} onChange={(event) => setChosen(Number(event.target.value))}>
              {bdeCourses.map((course) => (
                <option key={course.id} value={course.id}>
                  {course.name}
                </option>
              ))}
            </SelectField>
          ) : (
            <p className="muted">{bdeCourses[0]?.name}</p>
          )}
          <Button variant="primary" busy={enroll.isPending} onClick={onEnroll} data-testid="enroll-bde-submit">
            Enroll in BDE
          </Button>
        </div>
      ) : null}
      <UnplacedErrors problems={fields.unplaced} />
      {createCourse.error && fields.unplaced.length === 0 ? <ErrorBanner error={createCourse.error} title="The BDE course was not created." testId="create-course-error" /> : null}
      {enroll.error && fields.unplaced.length === 0 ? <ErrorBanner error={enroll.error} title="The student was not enrolled." testId="enroll-error" /> : null}
    </section>
  );
}
