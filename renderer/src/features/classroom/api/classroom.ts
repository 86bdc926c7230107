import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useKeptQuery } from '../../../hooks/use-kept-query';
import { call } from '../../../lib/odsm';
import type { AttendanceRecord, ClassSessionCreate, ClassSessionQuery } from '../types';
import { invalidateKinds, rootKey } from '../../../lib/query-keys';

export const classroomKeys = {
  all: rootKey('classroom'),
  list: (query: ClassSessionQuery) => [...classroomKeys.all, 'list', query] as const,
};

export function useClassSessions(query: ClassSessionQuery, enabled = true) {
  return useKeptQuery(classroomKeys.list(query), () => call((odsm) => odsm.classroom.list(query)), enabled);
}

export function useCreateClassSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ClassSessionCreate) => call((odsm) => odsm.classroom.create({ body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: classroomKeys.all }),
  });
}

/** Minutes present per enrolled student; the backend credits them to the classroom hours. */
export function useRecordAttendance(sessionId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AttendanceRecord) => call((odsm) => odsm.classroom.recordAttendance({ session_id: sessionId, body })),
    onSuccess: () => invalidateKinds(queryClient, ['classroom', 'enrollments', 'certification']),
  });
}
