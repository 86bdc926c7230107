import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/odsm';
import type { CertifyRequest } from '../types';
import { invalidateKinds, rootKey } from '../../../lib/query-keys';

export const certificationKeys = {
  all: rootKey('certification'),
  worklist: () => [...certificationKeys.all, 'worklist'] as const,
};

export function useWorklist() {
  return useQuery({ queryKey: certificationKeys.worklist(), queryFn: () => call((odsm) => odsm.certification.worklist({ limit: 500 })) });
}

export function useCertify() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ enrollmentId, body }: { enrollmentId: number; body: CertifyRequest }) =>
      call((odsm) => odsm.certification.certify({ enrollment_id: enrollmentId, body })),
    onSuccess: () => invalidateKinds(queryClient, ['certification', 'enrollments', 'audit']),
  });
}
