import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RecordSave } from '../../../hooks/use-record-form';
import { call } from '../../../lib/odsm';
import type { Student, StudentCreate, StudentUpdate } from '../types';
import { studentKeys } from './keys';

export function createStudent(body: StudentCreate) {
  return call((odsm) => odsm.students.create({ body }));
}

export function updateStudent(studentId: number, body: StudentUpdate) {
  return call((odsm) => odsm.students.update({ student_id: studentId, body }));
}

export type SaveStudentInput = RecordSave<StudentCreate, StudentUpdate>;

export function useSaveStudent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveStudentInput): Promise<Student> =>
      input.kind === 'create' ? createStudent(input.body) : updateStudent(input.id, input.body),
    onSuccess: (student) => {
      queryClient.setQueryData(studentKeys.detail(student.id), student);
      return queryClient.invalidateQueries({ queryKey: studentKeys.lists() });
    },
  });
}
