import type { LiveQueries } from '../../../lib/live-queries';
import { studentKeys } from './keys';

/** The student list and a student's file. */
export const studentsLive: LiveQueries = { queryKey: studentKeys.all, shows: ['students'] };
