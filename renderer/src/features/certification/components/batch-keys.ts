/** What a key pressed in a row of the certify-several dialog does. */
export type BatchKeyAction = { kind: 'submit' } | { kind: 'focus'; index: number } | { kind: 'stay' } | null;

type KeyLike = { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean };

/**
 * Ctrl+Enter (⌘+Enter on a Mac) certifies; Enter moves to the next row's reference and Shift+Enter back to
 * the previous one. Enter on the last row stays put: a form's Enter must never certify a list by accident.
 * Anything else is the field's own (null).
 */
export function batchKeyAction(event: KeyLike, index: number, count: number): BatchKeyAction {
  if (event.key !== 'Enter') return null;
  if (event.ctrlKey || event.metaKey) return { kind: 'submit' };
  const next = event.shiftKey ? index - 1 : index + 1;
  return next >= 0 && next < count ? { kind: 'focus', index: next } : { kind: 'stay' };
}
