import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type ImportKind } from '../../../lib/odsm';
import { invalidateKinds } from '../../../lib/query-keys';

// Often enough for a bar that moves, rarely enough to cost the import nothing.
const PROGRESS_EVERY_MS = 250;

/** Main's open dialog, then the backend's preview of the file with the mapping guessed: nothing is saved. */
export function usePreviewImport(kind: ImportKind) {
  return useMutation({ mutationFn: () => call((odsm) => odsm.previewImport(kind)) });
}

/** The same file previewed again with the mapping the person chose: nothing is saved. */
export function useRemapImport() {
  return useMutation({ mutationFn: (mapping: (string | null)[]) => call((odsm) => odsm.remapImport(mapping)) });
}

/** Imports the file previewed last with the mapping previewed last; that kind's lists then reload. */
export function useRunImport(kind: ImportKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call((odsm) => odsm.runImport()),
    onSuccess: () => invalidateKinds(queryClient, [kind, 'audit']),
  });
}

/** How far the running import has got, asked of main while `running`; `run` names the run (its start time). */
export function useImportProgress(running: boolean, run: number) {
  return useQuery({
    queryKey: ['imports', 'progress', run],
    queryFn: () => call((odsm) => odsm.getImportProgress()),
    enabled: running,
    refetchInterval: running ? PROGRESS_EVERY_MS : false,
    gcTime: 0,
  });
}
