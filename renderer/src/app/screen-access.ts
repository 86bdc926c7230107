import { may, type Access } from '../features/sign-in';

/**
 * The permission each screen needs (the backend's table: backend/odsm/features/staff/permissions.py). With
 * sign-in on, the navigation lists only the screens the account may use, and a screen reached by its address
 * without it shows one plain page. `wholeSchool`: the screen reads the whole school's records, which an
 * instructor's account (held to their own) never may.
 */
export const SCREEN_PERMISSIONS: Readonly<Record<string, { needs: string; wholeSchool?: boolean }>> = {
  home: { needs: 'public' },
  calendar: { needs: 'calendar.read' },
  classes: { needs: 'calendar.read' },
  students: { needs: 'students.read' },
  // Keeping the school's instructors and vehicles: the calendar reads them for everyone.
  instructors: { needs: 'records.edit' },
  vehicles: { needs: 'records.edit' },
  certification: { needs: 'students.read', wholeSchool: true },
  billing: { needs: 'billing' },
  'money-reports': { needs: 'billing' },
  reminders: { needs: 'students.read', wholeSchool: true },
  settings: { needs: 'settings.manage' },
  audit: { needs: 'audit.read' },
  daysheet: { needs: 'calendar.read' },
  diagnostics: { needs: 'school.read' },
  student: { needs: 'students.read' },
};

/** A screen missing from the map needs the owner's settings permission (fail closed, as the backend does). */
export function mayOpen(access: Access, screenId: string): boolean {
  const need = SCREEN_PERMISSIONS[screenId] ?? { needs: 'settings.manage' };
  return may(access, need.needs, need.wholeSchool);
}
