import { useEffect, useEffectEvent } from 'react';
import { TAKE_PAYMENT_ACTION } from '../features/billing';
import { navigate, parseHash } from '../lib/navigation';
import { focusPageStart } from './page-focus';
import { shortcutFor, type ShortcutId } from './shortcuts';
import { MENU_DESTINATIONS } from './use-menu-commands';

/** The element a screen marks as what Ctrl+P prints (the day sheet's Print button). */
export const PRINT_ACTION = '[data-print-action]';

export function mainElement(): HTMLElement | null {
  return document.getElementById('main-content');
}

/** What each shortcut does; the help overlay is the shell's state, so it comes in as `openHelp`. */
function run(id: ShortcutId, openHelp: () => void): void {
  switch (id) {
    case 'find-student':
      // On the students screen already, the address does not change: focus its search here.
      if (parseHash(window.location.hash).screen === 'students') focusPageStart(mainElement());
      else navigate('students');
      return;
    case 'book-lesson': {
      const { screen, intent } = MENU_DESTINATIONS['book-lesson'];
      navigate(screen, intent ? { intent } : undefined);
      return;
    }
    case 'print':
      // Only a screen with something to print offers it; elsewhere Ctrl+P does nothing rather than
      // print the app's chrome.
      mainElement()?.querySelector<HTMLElement>(PRINT_ACTION)?.click();
      return;
    case 'take-payment':
      // Not from behind an open dialog; elsewhere than a student's page there is no such button.
      if (!document.querySelector('[role="dialog"]')) mainElement()?.querySelector<HTMLElement>(`[${TAKE_PAYMENT_ACTION}]`)?.click();
      return;
    case 'help':
      openHelp();
      return;
  }
}

/** Listens for the global shortcuts while the app is open. */
export function useShortcuts(openHelp: () => void): void {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.repeat) return;
    const shortcut = shortcutFor(event);
    if (!shortcut) return;
    // A shortcut is the page's: keep the browser's own Ctrl+P, Ctrl+N (new window) and F1 out of it.
    event.preventDefault();
    run(shortcut.id, openHelp);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
