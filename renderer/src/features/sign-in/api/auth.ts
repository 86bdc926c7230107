import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EnableSignInForm, RecoverForm, SignInForm } from '../../../../../electron/preload/api';
import { call } from '../../../lib/odsm';

// Not a kind of record: who is signed in at this desk is main's to know (it keeps the session token).
export const authKeys = {
  status: () => ['auth', 'status'] as const,
  permissions: () => ['auth', 'permissions'] as const,
  staff: () => ['auth', 'staff'] as const,
  settings: () => ['auth', 'settings'] as const,
};

export function useAuthStatus() {
  return useQuery({ queryKey: authKeys.status(), queryFn: () => call((odsm) => odsm.auth.status()), staleTime: Infinity });
}

/**
 * The instructor record of the instructor signed in at this desk, or null for the desk's other accounts and
 * with sign-in off. The backend holds an instructor to their own calendar and students; screens ask for those.
 */
export function useOwnInstructorId(): number | null {
  const status = useAuthStatus().data;
  const account = status?.enabled ? status.account : null;
  return account?.role === 'instructor' ? account.instructor_id : null;
}

/** The staff account signed in at this desk, or null while sign-in is off or nobody is signed in. */
export function useSignedInAccountId(): number | null {
  const status = useAuthStatus().data;
  return status?.enabled ? (status.account?.id ?? null) : null;
}

/** Someone else is at the desk now: nothing cached for the last person is theirs to see. */
function useSwitched() {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries();
  };
}

export function useSignIn() {
  const switched = useSwitched();
  return useMutation({ mutationFn: (form: SignInForm) => call((odsm) => odsm.auth.signIn(form)), onSuccess: switched });
}

export function useSwitchUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call((odsm) => odsm.auth.switchUser()),
    onSuccess: (status) => client.setQueryData(authKeys.status(), status),
  });
}

export function useEnableSignIn() {
  const switched = useSwitched();
  return useMutation({ mutationFn: (form: EnableSignInForm) => call((odsm) => odsm.auth.enable(form)), onSuccess: switched });
}

export function useDisableSignIn() {
  const switched = useSwitched();
  return useMutation({ mutationFn: (password: string) => call((odsm) => odsm.auth.disable(password)), onSuccess: switched });
}

export function useRecover() {
  const switched = useSwitched();
  return useMutation({ mutationFn: (form: RecoverForm) => call((odsm) => odsm.auth.recover(form)), onSuccess: switched });
}

export function usePermissionTable() {
  return useQuery({ queryKey: authKeys.permissions(), queryFn: () => call((odsm) => odsm.signIn.permissions({})) });
}

export function useSignInSettings() {
  return useQuery({ queryKey: authKeys.settings(), queryFn: () => call((odsm) => odsm.signIn.settings({})) });
}

export type SignInSettingsChange = { version: number; idle_lock_minutes?: number; session_max_hours?: number; min_password_length?: number; office_may_certify?: boolean };

export function useUpdateSignInSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SignInSettingsChange) => call((odsm) => odsm.signIn.updateSettings({ body })),
    onSuccess: (settings) => {
      client.setQueryData(authKeys.settings(), settings);
      // The idle lock's minutes and the table's "granted" follow at once.
      void client.invalidateQueries({ queryKey: authKeys.status() });
      void client.invalidateQueries({ queryKey: authKeys.permissions() });
    },
  });
}

export function useStaff(enabled: boolean) {
  return useQuery({ queryKey: authKeys.staff(), queryFn: () => call((odsm) => odsm.staff.list({})), enabled });
}

export function useCreateStaff() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; login: string; role: 'owner' | 'office' | 'instructor'; instructor_id?: number; password: string }) =>
      call((odsm) => odsm.staff.create({ body })),
    onSuccess: () => client.invalidateQueries({ queryKey: authKeys.staff() }),
  });
}

export function useSetStaffActive() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: { id: number; version: number; active: boolean }) =>
      call((odsm) => odsm.staff.update({ staff_id: change.id, body: { version: change.version, active: change.active } })),
    onSuccess: () => client.invalidateQueries({ queryKey: authKeys.staff() }),
  });
}
