import { useEffect, useEffectEvent } from 'react';
import { navigate } from '../lib/navigation';
import { followMenuCommands, type MenuCommand } from '../lib/odsm';

/** Where each File menu command takes the user: the screen, and what it starts there (see useIntent). */
export const MENU_DESTINATIONS: Record<Exclude<MenuCommand, 'shortcuts'>, { screen: string; intent?: string }> = {
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

/** Follows the menu's commands; Help → Keyboard shortcuts opens the overlay (`openHelp`) on any screen. */
export function useMenuCommands(openHelp: () => void): void {
  const onCommand = useEffectEvent((command: MenuCommand) => {
    if (command === 'shortcuts') {
      openHelp();
      return;
    }
    const { screen, intent } = MENU_DESTINATIONS[command];
    navigate(screen, intent ? { intent } : undefined);
  });
  useEffect(() => followMenuCommands((command) => onCommand(command)), []);
}
