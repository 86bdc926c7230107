import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/odsm';

// Not a kind of record (main keeps it, per workstation), so outside lib/query-keys' kinds.
export const backupKeys = { status: () => ['backups', 'status'] as const };

/** Where backups go and the last one made (main keeps both for this workstation). */
export function useBackupStatus() {
  return useQuery({ queryKey: backupKeys.status(), queryFn: () => call((odsm) => odsm.getBackupStatus()) });
}

/** Back up now; `chooseFolder` asks for the folder again (main's native dialog). */
export function useBackUpNow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (chooseFolder: boolean) => call((odsm) => odsm.backUpNow({ chooseFolder })),
    onSettled: () => client.invalidateQueries({ queryKey: backupKeys.status() }),
  });
}

/** Restore from a backup the user picks in main's open dialog; every cached screen then reloads. */
export function useRestoreBackup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call((odsm) => odsm.restoreBackup()),
    onSuccess: (result) => {
      // Every record may have changed: nothing cached from before the restore is true any more.
      if (result.restored) void client.invalidateQueries();
    },
  });
}

/** Every record as a zip of CSV files, saved where the user picks in main's dialog. */
export function useExportEverything() {
  return useMutation({ mutationFn: () => call((odsm) => odsm.exportEverything()) });
}
