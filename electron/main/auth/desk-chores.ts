// Main's timers (the automatic backup, the reminders' sending) are the desk's chores, not a person's. They run
// under whoever is signed in at this desk: the transport attaches that session, so the audit names them.
//
// With sign-in on and nobody signed in here (or an account whose role may not do the chore, e.g. an
// instructor and the backup), a tick skips quietly rather than calling and being refused:
//  - it asks the backend's public status first, so no refused call is made and nothing is logged as a failure;
//  - nothing reaches the renderer: the sign-in screen comes only from the desk's own calls, never a timer's;
//  - one log line says the chore waits, and no more until a tick runs again (a later wait logs once more).
// The chore picks up at the first tick after someone who may do it signs in. Running it instead under a
// hidden account of main's own would make changes with no one's name on them.
import { randomUUID } from 'node:crypto';
import type { Transport } from '../bridge/http-transport';
import type { Logger } from '../log/json-logger';

const AUTH_STATUS_PATH = '/api/v1/auth/status';

interface DeskAccess {
  enabled: boolean;
  account: { role: string } | null;
  permissions: string[];
}

export interface ChoreGate {
  /** Whether the chore may run now; false (logged once per wait) while sign-in waits for someone who may. */
  mayRun(): Promise<boolean>;
}

export function createChoreGate(options: { transport: Transport; log: Logger; chore: string; permission: string }): ChoreGate {
  const { transport, log, chore, permission } = options;
  let waiting = false;
  return {
    mayRun: async () => {
      const response = await transport.request({ method: 'GET', pathTemplate: AUTH_STATUS_PATH, requestId: randomUUID(), timeoutMs: 30_000 });
      if (response.status !== 200) throw new Error(`the sign-in status answered ${response.status}`);
      const access = response.body as DeskAccess;
      if (!access.enabled || access.permissions.includes(permission)) {
        waiting = false;
        return true;
      }
      if (!waiting) log.info(`${chore}.waiting_for_sign_in`, { signedIn: access.account !== null, role: access.account?.role, permission });
      waiting = true;
      return false;
    },
  };
}
