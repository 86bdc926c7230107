import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/odsm';
import type { components } from '../../../../../shared-contracts/openapi';


export const enrollmentKeys = {
  all: ['enrollments'] as const,
  forStudent: (studentId: number) => [...enrollmentKeys.all, 'student', studentId] as const,
  detail: (enrollmentId: number) => [...enrollmentKeys.all, 'detail', enrollmentId] as const,
};

export function useStudentEnrollments(studentId: number | null) {
  return useQuery({
    queryKey: enrollmentKeys.forStudent(studentId ?? 0),
    queryFn: () => call((odsm) => odsm.enrollments.list({ student_id: studentId ?? 0 })),
    enabled: studentId !== null && studentId > 0,
  });
}

export function useEnrollment(enrollmentId: number) {
  return useQuery({
    queryKey: enrollmentKeys.detail(enrollmentId),
    queryFn: () => call((odsm) => odsm.enrollments.get({ enrollment_id: enrollmentId })),
  });
}

type HoursAdd = components['schemas']['HoursAdd'];

/** Flex / home-link hours: the one category staff add by hand. */
export function useAddHours(enrollmentId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: HoursAdd) => call((odsm) => odsm.enrollments.addHours({ enrollment_id: enrollmentId, body })),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: enrollmentKeys.all }), queryClient.invalidateQueries({ queryKey: ['certification'] })]),
  });
}

type EnrollmentCreate = components['schemas']['EnrollmentCreate'];
type ResultRecord = components['schemas']['ResultRecord'];
type CorrectionAdd = components['schemas']['CorrectionAdd'];

function useInvalidateEnrollments() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: enrollmentKeys.all }), queryClient.invalidateQueries({ queryKey: ['certification'] })]);
}

export function useCreateEnrollment() {
  const invalidate = useInvalidateEnrollments();
  return useMutation({
    mutationFn: (body: EnrollmentCreate) => call((odsm) => odsm.enrollments.create({ body })),
    onSuccess: invalidate,
  });
}

/** The final mark; the backend decides pass or fail from the school's pass mark. */
export function useRecordResult(enrollmentId: number) {
  const invalidate = useInvalidateEnrollments();
  return useMutation({
    mutationFn: (body: ResultRecord) => call((odsm) => odsm.enrollments.recordResult({ enrollment_id: enrollmentId, body })),
    onSuccess: invalidate,
  });
}

/** A signed ledger entry with a reason: how the desk fixes hours, also after certification. */
export function useAddCorrection(enrollmentId: number) {
  const invalidate = useInvalidateEnrollments();
  return useMutation({
    mutationFn: (body: CorrectionAdd) => call((odsm) => odsm.enrollments.addCorrection({ enrollment_id: enrollmentId, body })),
    onSuccess: invalidate,
  });
}
