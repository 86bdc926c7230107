import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type ConnectionForm } from '../../../lib/odsm';

// Not a kind of record: main keeps the connection for this workstation.
export const databaseServerKeys = {
  connection: () => ['database-server', 'connection'] as const,
  moveProgress: () => ['database-server', 'move-progress'] as const,
};

/** This workstation's database: its own file, or a server (with whether a password is kept, never the password). */
export function useConnection() {
  return useQuery({ queryKey: databaseServerKeys.connection(), queryFn: () => call((odsm) => odsm.getConnection()) });
}

export function useTestConnection() {
  return useMutation({ mutationFn: (form: ConnectionForm) => call((odsm) => odsm.testConnection(form)) });
}

/** After a switch every record may differ: nothing cached from the other database is true any more. */
function useSwitched() {
  const client = useQueryClient();
  return () => client.invalidateQueries();
}

export function useSaveConnection() {
  const switched = useSwitched();
  return useMutation({ mutationFn: (form: ConnectionForm) => call((odsm) => odsm.saveConnection(form)), onSuccess: switched });
}

export function useUseLocalDatabase() {
  const switched = useSwitched();
  return useMutation({ mutationFn: () => call((odsm) => odsm.useLocalDatabase()), onSuccess: switched });
}

export function useMoveToServer() {
  const switched = useSwitched();
  return useMutation({ mutationFn: (form: ConnectionForm) => call((odsm) => odsm.startMove(form)), onSuccess: switched });
}

/** Asked twice a second while a move runs. */
export function useMoveProgress(running: boolean) {
  return useQuery({
    queryKey: databaseServerKeys.moveProgress(),
    queryFn: () => call((odsm) => odsm.getMoveProgress()),
    enabled: running,
    refetchInterval: running ? 500 : false,
    retry: false,
  });
}
