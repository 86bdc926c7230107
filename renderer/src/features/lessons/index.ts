// The lessons feature's public face: lesson data, and the lesson UI the calendar composes.
export { useDaySheet, useLessonAction, useLessons, useSchoolDay, useStudentLessons } from './api/lessons';
export { LessonDialog } from './components/lesson-dialog';
export type { LessonFormValues } from './components/lesson-form-values';
export { STATUS_LABELS, type Lesson, type SchoolDay, type SchoolDayInstructor } from './types';
export { lessonsLive } from './api/live';
