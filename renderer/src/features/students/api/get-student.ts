import { queryOptions } from '@tanstack/react-query';
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

