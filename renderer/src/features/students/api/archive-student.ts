import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call, isOdsmError } from '../../../lib/odsm';
import { STUDENT_VERSION_CONFLICT, type Student } from '../types';
import { studentKeys } from './keys';

export function archiveStudent(studentId: number, version: number) {
  return call((odsm) => odsm.students.archive({ student_id: studentId, body: { version } }));
}

export function useArchiveStudent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (student: Pick<Student, 'id' | 'version'>) => archiveStudent(student.id, student.version),
    onSuccess: (student) => {
      queryClient.setQueryData(studentKeys.detail(student.id), student);
      return queryClient.invalidateQueries({ queryKey: studentKeys.lists() });
    },
    onError: (error) => {
      // The list showed an old version: refresh it so the next attempt starts from the current one.
      if (isOdsmError(error) && error.code === STUDENT_VERSION_CONFLICT) {
        return queryClient.invalidateQueries({ queryKey: studentKeys.all });
      }
    },
  });
}
