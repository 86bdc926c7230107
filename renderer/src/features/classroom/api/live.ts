import type { LiveQueries } from '../../../lib/live-queries';
import { classroomKeys } from './classroom';

/** Classes with their instructor and attendance (students by name, their enrollments). */
export const classroomLive: LiveQueries = { queryKey: classroomKeys.all, shows: ['classroom', 'instructors', 'students', 'enrollments', 'courses'] };
