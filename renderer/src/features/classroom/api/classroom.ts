import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/odsm';
import type { ClassSessionQuery } from '../types';

export const classroomKeys = {
  all: ['classroom'] as const,
  list: (query: ClassSessionQuery) => [...classroomKeys.all, 'list', query] as const,
};

export function useClassSessions(query: ClassSessionQuery, enabled = true) {
  return useQuery({
    queryKey: classroomKeys.list(query),
    queryFn: () => call((odsm) => odsm.classroom.list(query)),
    placeholderData: keepPreviousData,
    enabled,
  });
}
