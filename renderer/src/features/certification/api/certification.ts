import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/odsm';
import type { CertifyBatch, CertifyRequest, WorklistQuery } from '../types';
import { invalidateKinds, rootKey } from '../../../lib/query-keys';

export const certificationKeys = {
  all: rootKey('certification'),
  worklist: (query: WorklistQuery = {}) => [...certificationKeys.all, 'worklist', query] as const,
  certifiers: () => [...certificationKeys.all, 'certifiers'] as const,
};

export function useWorklist(query: WorklistQuery = {}) {
  return useQuery({
    queryKey: certificationKeys.worklist(query),
    queryFn: () => call((odsm) => odsm.certification.worklist({ limit: 500, ...query })),
    // A new search keeps the rows on screen until its answer arrives, so the list does not flash empty.
    placeholderData: keepPreviousData,
  });
}

/** The people who may be named as "Certified by": licensed instructors and staff whose role may certify. */
export function useCertifiers() {
  return useQuery({ queryKey: certificationKeys.certifiers(), queryFn: () => call((odsm) => odsm.certification.certifiers()) });
}

export function useCertify() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ enrollmentId, body }: { enrollmentId: number; body: CertifyRequest }) =>
      call((odsm) => odsm.certification.certify({ enrollment_id: enrollmentId, body })),
    onSuccess: () => invalidateKinds(queryClient, ['certification', 'enrollments', 'audit']),
  });
}

export function useCertifyBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CertifyBatch) => call((odsm) => odsm.certification.certifyBatch({ body })),
    onSuccess: () => invalidateKinds(queryClient, ['certification', 'enrollments', 'audit']),
  });
}
