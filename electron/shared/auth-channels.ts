// Sign-in's channels, shared by main, preload and renderer. Main answers them and keeps the session token:
// no answer here carries it, so the renderer never sees it.

export const AUTH_STATUS_CHANNEL = 'app:auth:status';
export const AUTH_SIGN_IN_CHANNEL = 'app:auth:sign-in';
export const AUTH_SIGN_OUT_CHANNEL = 'app:auth:sign-out';
export const AUTH_SWITCH_USER_CHANNEL = 'app:auth:switch-user';
export const AUTH_ENABLE_CHANNEL = 'app:auth:enable';
export const AUTH_DISABLE_CHANNEL = 'app:auth:disable';
export const AUTH_RECOVER_CHANNEL = 'app:auth:recover';

export type StaffRole = 'owner' | 'office' | 'instructor';

export interface StaffAccountView {
  id: number;
  name: string;
  login: string;
  role: StaffRole;
  instructor_id: number | null;
  active: boolean;
  version: number;
}

/** Who is signed in at this desk (null: nobody, or sign-in is off) and what they may do. */
export interface AuthStatus {
  enabled: boolean;
  idle_lock_minutes: number;
  min_password_length: number;
  account: StaffAccountView | null;
  permissions: string[];
}

export interface SignInForm {
  login: string;
  password: string;
}

export interface EnableSignInForm {
  name: string;
  login: string;
  password: string;
}

/** Switching sign-in on: the owner is signed in here, and the one-time recovery code is shown once. */
export interface SignInEnabled extends AuthStatus {
  recovery_code: string;
}

export interface RecoverForm {
  recovery_code: string;
  new_password: string;
}
