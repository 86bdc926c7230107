import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { call } from '../../../lib/odsm';
import { studentKeys } from './keys';

export function getStudent(studentId: number) {
  return call((odsm) => odsm.students.get({ student_id: studentId }));
}

export function studentQueryOptions(studentId: number) {
  return queryOptions({
    queryKey: studentKeys.detail(studentId),
    queryFn: () => getStudent(studentId),
  });
}

/** Fetches the newest copy of a student, bypassing the cache (used by "Reload latest"). */
export function useFetchLatestStudent() {
  const queryClient = useQueryClient();
  return useCallback(
    (studentId: number) => queryClient.fetchQuery({ ...studentQueryOptions(studentId), staleTime: 0 }),
    [queryClient],
  );
}
