import type { LiveQueries } from '../../../lib/live-queries';
import { demoKeys } from './demo';

/** Whether the school is still empty (the first-run card): any record another desk adds can change it. */
export const demoLive: LiveQueries = { queryKey: demoKeys.status, shows: ['students', 'instructors', 'vehicles', 'courses', 'lessons', 'enrollments', 'classroom'] };
