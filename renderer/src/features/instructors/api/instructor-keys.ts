import type { InstructorListQuery } from '../types';

export const instructorKeys = {
  all: ['instructors'] as const,
  lists: () => [...instructorKeys.all, 'list'] as const,
  list: (query: InstructorListQuery) => [...instructorKeys.lists(), query] as const,
  detail: (instructorId: number) => [...instructorKeys.all, 'detail', instructorId] as const,
};
