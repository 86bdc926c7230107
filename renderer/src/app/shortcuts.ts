/**
 * The app's keyboard shortcuts, one registry read by the key handler and by the help overlay, so the two
 * never disagree. A shortcut without Ctrl (or ⌘) never fires while the user types in a field.
 *
 * The application menu (electron/main/desktop/app-menu.ts) carries the same Ctrl+N (Book lesson) and F1
 * (Keyboard shortcuts) as its accelerators and sends the same commands, so whichever of the page or the
 * menu sees the key first, the user gets the same thing. Ctrl+Shift+N stays the menu's New student.
 */
export type ShortcutId = 'find-student' | 'book-lesson' | 'print' | 'take-payment' | 'help';

export type Shortcut = {
  id: ShortcutId;
  /** What the help overlay shows, key by key. */
  keys: readonly (readonly string[])[];
  label: string;
  matches: (event: KeyLike) => boolean;
};

export type KeyLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'> & { target: EventTarget | null };

const command = (event: KeyLike) => (event.ctrlKey || event.metaKey) && !event.altKey;
const letter = (event: KeyLike, key: string) => event.key.toLowerCase() === key;

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'find-student', keys: [['Ctrl', 'K']], label: 'Find a student', matches: (e) => command(e) && !e.shiftKey && letter(e, 'k') },
  { id: 'book-lesson', keys: [['Ctrl', 'N']], label: 'Book a lesson', matches: (e) => command(e) && !e.shiftKey && letter(e, 'n') },
  { id: 'print', keys: [['Ctrl', 'P']], label: 'Print, where the screen has something to print (the day sheet)', matches: (e) => command(e) && !e.shiftKey && letter(e, 'p') },
  // Alt, not Ctrl: Ctrl+P is Print. No menu has a P mnemonic, so Alt+P reaches the page.
  { id: 'take-payment', keys: [['Alt', 'P']], label: 'Take a payment, on a student’s page', matches: (e) => e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && letter(e, 'p') },
  {
    id: 'help',
    keys: [['?'], ['F1']],
    label: 'Show these shortcuts',
    matches: (e) => e.key === 'F1' || (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target)),
  },
];

/** Other keys the help overlay lists: they belong to the browser or a widget, not to this registry. */
export const OTHER_KEYS: readonly { keys: readonly string[]; label: string }[] = [
  { keys: ['Tab'], label: 'Next field, button or link; the first Tab on a screen offers “Skip to main content”' },
  { keys: ['Esc'], label: 'Close a dialog' },
  { keys: ['↑ ↓ ← →'], label: 'In a table: Tab reaches one row; the arrows move between rows and their buttons (Home, End, Ctrl+Home, Ctrl+End too)' },
  { keys: ['Ctrl', 'Shift', 'N'], label: 'New student (File menu)' },
  { keys: ['Alt', '↑ ↓ ← →'], label: 'On a lesson in the calendar: move it 15 minutes or a day; Enter saves the move, Esc puts it back' },
  { keys: ['Alt', 'Shift', '↑ ↓'], label: 'On a lesson in the calendar: make it 15 minutes shorter or longer' },
];

/** True while the user types: in a text field, a list box or anything editable. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}

export function shortcutFor(event: KeyLike): Shortcut | undefined {
  // Every shortcut with a plain key guards itself with isTyping; those with Ctrl fire anywhere.
  return SHORTCUTS.find((shortcut) => shortcut.matches(event));
}
