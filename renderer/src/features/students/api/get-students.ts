import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/odsm';
import { useOwnInstructorId } from '../../sign-in';
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

/** An instructor signed in here sees the students they teach: the backend refuses them any other list. */
export function useStudents(query: StudentListQuery) {
  const own = useOwnInstructorId();
  return useQuery(studentsQueryOptions(own === null ? query : { ...query, instructor_id: own }));
}
