import type { LiveQueries } from '../../../lib/live-queries';
import { lessonKeys } from './lessons';

/** The calendar, day sheets and a booking's check name the student, instructor and vehicle, and count the enrollment's hours; the school day shows classes too. */
export const lessonsLive: LiveQueries = { queryKey: lessonKeys.all, shows: ['lessons', 'students', 'instructors', 'vehicles', 'enrollments', 'settings', 'classroom'] };
