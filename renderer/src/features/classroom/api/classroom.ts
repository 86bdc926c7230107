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

/** Registers a student's BDE enrollment for a class ahead of time, or takes them off its roster. */
export function useRosterChange(sessionId: number, change: 'add' | 'remove') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (enrollmentId: number) =>
      call((odsm) =>
        change === 'add'
          ? odsm.classroom.addToRoster({ session_id: sessionId, body: { enrollment_id: enrollmentId } })
          : odsm.classroom.removeFromRoster({ session_id: sessionId, body: { enrollment_id: enrollmentId } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: classroomKeys.all }),
  });
}
