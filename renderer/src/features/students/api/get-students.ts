import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/odsm';
import type { StudentListQuery } from '../types';
import { studentKeys } from './keys';

export function getStudents(query: StudentListQuery) {
  return call((odsm) => odsm.students.list(query));
}

export function studentsQueryOptions(query: StudentListQuery) {
  return queryOptions({
    queryKey: studentKeys.list(query),
    queryFn: () => getStudents(query),
    // Keep the old page on screen while the next search or page loads: no flicker at the desk.
    placeholderData: keepPreviousData,
  });
}

export function useStudents(query: StudentListQuery) {
  return useQuery(studentsQueryOptions(query));
}
