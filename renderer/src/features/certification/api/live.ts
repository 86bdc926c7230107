import type { LiveQueries } from '../../../lib/live-queries';
import { certificationKeys } from './certification';

/** The worklist: who is ready to certify, from their enrollment, lessons and classes. */
export const certificationLive: LiveQueries = {
  queryKey: certificationKeys.all,
  shows: ['certification', 'enrollments', 'lessons', 'classroom', 'students', 'courses'],
};
