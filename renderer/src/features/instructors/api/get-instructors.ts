import { queryOptions, useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/odsm';
import type { InstructorListQuery } from '../types';
import { instructorKeys } from './keys';

export function getInstructors(query: InstructorListQuery) {
  return call((odsm) => odsm.instructors.list(query));
}

export function instructorsQueryOptions(query: InstructorListQuery = {}) {
  return queryOptions({ queryKey: instructorKeys.list(query), queryFn: () => getInstructors(query) });
}

export function useInstructors(query: InstructorListQuery = {}) {
  return useQuery(instructorsQueryOptions(query));
}

export function instructorQueryOptions(instructorId: number) {
  return queryOptions({
    queryKey: instructorKeys.detail(instructorId),
    queryFn: () => call((odsm) => odsm.instructors.get({ instructor_id: instructorId })),
  });
}

