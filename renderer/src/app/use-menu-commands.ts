import { useEffect } from 'react';
import { navigate } from '../lib/navigation';
import { followMenuCommands, type MenuCommand } from '../lib/odsm';

/** Where each File menu command takes the user: the screen, and what it starts there (see useIntent). */
export const MENU_DESTINATIONS: Record<MenuCommand, { screen: string; intent?: string }> = {
  'new-student': { screen: 'students', intent: 'new' },
  'book-lesson': { screen: 'calendar', intent: 'book' },
  'import-students': { screen: 'students', intent: 'import' },
  'import-instructors': { screen: 'instructors', intent: 'import' },
  'import-vehicles': { screen: 'vehicles', intent: 'import' },
  'export-all': { screen: 'home', intent: 'export' },
  'back-up': { screen: 'home', intent: 'back-up' },
  restore: { screen: 'home', intent: 'restore' },
  diagnostics: { screen: 'diagnostics' },
};

export function useMenuCommands(): void {
  useEffect(
    () =>
      followMenuCommands((command) => {
        const { screen, intent } = MENU_DESTINATIONS[command];
        navigate(screen, intent ? { intent } : undefined);
      }),
    [],
  );
}
