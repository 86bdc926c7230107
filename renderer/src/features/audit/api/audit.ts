import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/odsm';
import type { AuditCsvRequest } from '../../../../../electron/preload/api';
import type { AuditQuery } from '../types';
import { rootKey } from '../../../lib/query-keys';

export const auditKeys = {
  all: rootKey('audit'),
  history: (query: AuditQuery) => [...auditKeys.all, 'history', query] as const,
  integrity: () => [...auditKeys.all, 'integrity'] as const,
  filterOptions: () => [...auditKeys.all, 'filter-options'] as const,
};

/** `enabled` false holds the last page on screen while the filters can't be asked (days the wrong way round). */
export function useAuditHistory(query: AuditQuery, enabled = true) {
  return useQuery({
    queryKey: auditKeys.history(query),
    queryFn: () => call((odsm) => odsm.audit.history(query)),
    enabled,
    placeholderData: keepPreviousData,
    // The log only grows; always show the newest entries when the history opens.
    staleTime: 0,
  });
}

/** Recomputes the whole hash chain on demand: a button, not a query that runs by itself. */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => call((odsm) => odsm.audit.verify()) });
}

/** What start-up found wrong with the log's protection (a dropped trigger it put back), for Home's warning. */
export function useAuditIntegrity() {
  return useQuery({ queryKey: auditKeys.integrity(), queryFn: () => call((odsm) => odsm.audit.integrity()) });
}

/** Saves the log, with the head main keeps outside the database, to a file the user picks in main's dialog. */
export function useExportAuditLog() {
  return useMutation({ mutationFn: () => call((odsm) => odsm.exportAuditLog()) });
}

/** The people and kinds of record the log names, for the filter bar's pickers. */
export function useAuditFilterOptions() {
  return useQuery({ queryKey: auditKeys.filterOptions(), queryFn: () => call((odsm) => odsm.audit.filterOptions()) });
}

/** The entries the filters show, as a CSV saved where the user picks in main's dialog. */
export function useExportAuditCsv() {
  return useMutation({ mutationFn: (request: AuditCsvRequest) => call((odsm) => odsm.exportAuditCsv(request)) });
}
