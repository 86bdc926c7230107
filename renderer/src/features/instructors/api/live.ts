import type { LiveQueries } from '../../../lib/live-queries';
import { instructorKeys } from './keys';

/** Instructors with their weekly hours and time off. */
export const instructorsLive: LiveQueries = { queryKey: instructorKeys.all, shows: ['instructors'] };
