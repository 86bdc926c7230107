import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/odsm';
import type { CertifyRequest } from '../types';

export const certificationKeys = {
  all: ['certification'] as const,
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
    onSuccess: () =>
      Promise.all([['certification'], ['enrollments'], ['audit']].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
