import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { call } from '../../../lib/odsm';
import type { components } from '../../../../../shared-contracts/openapi';
import { invalidateKinds, rootKey } from '../../../lib/query-keys';

/** An enrollment's hours and result feed the certification worklist; enrolling invoices the course. */
const ENROLLMENT_WRITE_CHANGES = ['enrollments', 'certification', 'billing'] as const;

export const enrollmentKeys = {
  all: rootKey('enrollments'),
  forStudent: (studentId: number) => [...enrollmentKeys.all, 'student', studentId] as const,
  detail: (enrollmentId: number) => [...enrollmentKeys.all, 'detail', enrollmentId] as const,
};

function studentEnrollmentsQueryOptions(studentId: number) {
  return queryOptions({
    queryKey: enrollmentKeys.forStudent(studentId),
    queryFn: () => call((odsm) => odsm.enrollments.list({ student_id: studentId })),
  });
}

export function useStudentEnrollments(studentId: number | null) {
  return useQuery({ ...studentEnrollmentsQueryOptions(studentId ?? 0), enabled: studentId !== null && studentId > 0 });
}

/** A student's enrollments, from the cache while fresh, for a handler that needs them once (no subscription). */
export function useFetchStudentEnrollments() {
  const queryClient = useQueryClient();
  return useCallback((studentId: number) => queryClient.fetchQuery(studentEnrollmentsQueryOptions(studentId)), [queryClient]);
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
    onSuccess: () => invalidateKinds(queryClient, ENROLLMENT_WRITE_CHANGES),
  });
}

type EnrollmentCreate = components['schemas']['EnrollmentCreate'];
type ResultRecord = components['schemas']['ResultRecord'];
type CorrectionAdd = components['schemas']['CorrectionAdd'];

function useInvalidateEnrollments() {
  const queryClient = useQueryClient();
  return () => invalidateKinds(queryClient, ENROLLMENT_WRITE_CHANGES);
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
