import { useMutation, useQuery } from '@tanstack/react-query';
import type { BundleRequest } from '../../../../../electron/preload/api';
import { call } from '../../../lib/odsm';

// Often enough for "n of N" to move with each packet, rarely enough to cost the rendering nothing.
const PROGRESS_EVERY_MS = 300;

/** Main asks for the folder, then writes every packet of the period; resolves when the bundle is whole. */
export function useSaveInspectionBundle() {
  return useMutation({ mutationFn: (request: BundleRequest) => call((odsm) => odsm.saveInspectionBundle(request)) });
}

/** How far the bundle has got, asked of main while `running`; `run` names the run (its start time). */
export function useInspectionBundleProgress(running: boolean, run: number) {
  return useQuery({
    queryKey: ['documents', 'bundle-progress', run],
    queryFn: () => call((odsm) => odsm.getInspectionBundleProgress()),
    enabled: running,
    refetchInterval: running ? PROGRESS_EVERY_MS : false,
    gcTime: 0,
  });
}

export function useCancelInspectionBundle() {
  return useMutation({ mutationFn: () => call((odsm) => odsm.cancelInspectionBundle()) });
}
