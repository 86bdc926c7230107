import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/odsm';
import type { ChannelRequest, ChannelResponse } from '../../../../../shared-contracts/channels';
import { rootKey } from '../../../lib/query-keys';

export type CourseListQuery = ChannelRequest<'db:courses:list'>;
export type Course = ChannelResponse<'db:courses:create'>;
export type CourseCreate = ChannelRequest<'db:courses:create'>['body'];

export const courseKeys = {
  all: rootKey('courses'),
  list: (query: CourseListQuery) => [...courseKeys.all, 'list', query] as const,
};

export function useCourses(query: CourseListQuery = {}) {
  return useQuery({ queryKey: courseKeys.list(query), queryFn: () => call((odsm) => odsm.courses.list(query)) });
}

export function useCreateCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CourseCreate) => call((odsm) => odsm.courses.create({ body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: courseKeys.all }),
  });
}
