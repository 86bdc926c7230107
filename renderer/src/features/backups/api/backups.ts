import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/odsm';

// Not a kind of record (main keeps it, per workstation), so outside lib/query-keys' kinds.
export const backupKeys = { status: () => ['backups', 'status'] as const };

/** Where backups go and the last one made (main keeps both for this workstation). */
export function useBackupStatus() {
  return useQuery({ queryKey: backupKeys.status(), queryFn: () => call((odsm) => odsm.getBackupStatus()) });
}

// Often enough for a bar that moves, rarely enough to cost the backup nothing.
const PROGRESS_EVERY_MS = 250;

/** How far the backup started at `run` has got, asked of main every 250 ms while `running`, then once more
 * when it ends (so the bar shows where it finished); nothing before this card starts a backup (`run` 0). */
export function useBackupProgress(running: boolean, run: number) {
  return useQuery({
    queryKey: ['backups', 'progress', run, running],
    queryFn: () => call((odsm) => odsm.getBackupProgress()),
    enabled: run > 0,
    refetchInterval: running ? PROGRESS_EVERY_MS : false,
    placeholderData: keepPreviousData,
    gcTime: 0,
  });
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
