import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/odsm';

export const diagnosticsKeys = { report: () => ['diagnostics'] as const };

/** Main's figures and the backend's, gathered when the screen opens or the user refreshes. */
export function useDiagnostics() {
  return useQuery({ queryKey: diagnosticsKeys.report(), queryFn: () => call((odsm) => odsm.getDiagnostics()), staleTime: 0 });
}
