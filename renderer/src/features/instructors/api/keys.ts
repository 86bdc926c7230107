import type { InstructorListQuery } from '../types';
import { rootKey } from '../../../lib/query-keys';

export const instructorKeys = {
  all: rootKey('instructors'),
  lists: () => [...instructorKeys.all, 'list'] as const,
  list: (query: InstructorListQuery) => [...instructorKeys.lists(), query] as const,
  detail: (instructorId: number) => [...instructorKeys.all, 'detail', instructorId] as const,
};
