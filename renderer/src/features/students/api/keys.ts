import type { StudentListQuery } from '../types';
import { rootKey } from '../../../lib/query-keys';

export const studentKeys = {
  all: rootKey('students'),
  lists: () => [...studentKeys.all, 'list'] as const,
  list: (query: StudentListQuery) => [...studentKeys.lists(), query] as const,
  details: () => [...studentKeys.all, 'detail'] as const,
  detail: (studentId: number) => [...studentKeys.details(), studentId] as const,
};
