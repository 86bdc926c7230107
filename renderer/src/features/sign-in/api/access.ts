import { useAuthStatus } from './auth';

/**
 * What the person at this desk may do, as the renderer shows it: sign-in's status names the account and its
 * permissions (the backend's table, GET /auth/permissions). Hiding is only courtesy: the backend still refuses.
 */
export type Access = {
  /** Sign-in is on and someone is signed in: with it off (or nobody yet), everything shows as before. */
  signedIn: boolean;
  permissions: ReadonlySet<string>;
  /** An instructor's account: their calendar, lessons, classes and students only, never the whole school's. */
  ownOnly: boolean;
};

export const EVERYTHING: Access = { signedIn: false, permissions: new Set(), ownOnly: false };

export function accessFrom(status: { enabled: boolean; account: { role: string } | null; permissions: string[] } | undefined): Access {
  if (!status?.enabled || !status.account) return EVERYTHING;
  return { signedIn: true, permissions: new Set(status.permissions), ownOnly: status.account.role === 'instructor' };
}

/**
 * Whether the desk may do `permission`. `wholeSchool`: the screen reads the whole school's records (the
 * worklist, the outbox), which an account held to its own never may, even with the permission.
 */
export function may(access: Access, permission: string, wholeSchool = false): boolean {
  if (!access.signedIn || permission === 'public') return true;
  return access.permissions.has(permission) && !(wholeSchool && access.ownOnly);
}

export function useAccess(): Access {
  return accessFrom(useAuthStatus().data);
}

/** `may` for one permission, in a component: `const canRefund = useMay('refund')`. */
export function useMay(permission: string, wholeSchool = false): boolean {
  return may(useAccess(), permission, wholeSchool);
}
