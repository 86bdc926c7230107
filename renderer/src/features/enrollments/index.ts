// The enrollments feature's public face.
export { useEnrollment, useFetchStudentEnrollments, useStudentEnrollments } from './api/enrollments';
export type { Enrollment, LedgerEntry } from './types';
export { StudentProgress } from './components/student-progress';
export { CATEGORY_LABELS, CATEGORY_ORDER, type HoursTotal } from './types';
export { enrollmentsLive } from './api/live';
