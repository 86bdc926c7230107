import type { LiveQueries } from '../../../lib/live-queries';
import { courseKeys } from './courses';

export const coursesLive: LiveQueries = { queryKey: courseKeys.all, shows: ['courses'] };
