import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/odsm';
import { invalidateKinds } from '../../../lib/query-keys';

/** Main's open dialog, then the backend's preview of the file: nothing is saved. */
export function usePreviewStudentImport() {
  return useMutation({ mutationFn: () => call((odsm) => odsm.previewStudentImport()) });
}

/** Imports the file previewed last; the student lists then reload. */
export function useRunStudentImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call((odsm) => odsm.runStudentImport()),
    onSuccess: () => invalidateKinds(queryClient, ['students', 'audit']),
  });
}
