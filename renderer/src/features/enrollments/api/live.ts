import type { LiveQueries } from '../../../lib/live-queries';
import { enrollmentKeys } from './enrollments';

/** A student's enrollments and hours: lessons and classes credit them, a course names them. */
export const enrollmentsLive: LiveQueries = { queryKey: enrollmentKeys.all, shows: ['enrollments', 'lessons', 'classroom', 'courses', 'certification'] };
