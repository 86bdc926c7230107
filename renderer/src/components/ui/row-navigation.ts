import { useEffect, type RefObject } from 'react';

/**
 * One Tab stop per table: Tab reaches the row last used (the first at the start), the arrow keys move
 * inside. ↑ / ↓ go to the row above or below, to the control in the same place; ← / → to the row's
 * previous or next control; Home / End to the row's first or last; Ctrl+Home / Ctrl+End to the first or
 * last row. A key pressed while typing in a field or choosing in a list belongs to that field.
 *
 * The roving tab index is kept on the DOM rather than in React state: rows come and go with paging and
 * live updates, and every caller's rows would otherwise have to thread a prop through each cell.
 */
const CONTROLS = 'button, a[href], input:not([type="hidden"]), select, textarea, [data-row-stop]';

export function rowControls(row: Element): HTMLElement[] {
  return Array.from(row.querySelectorAll<HTMLElement>(CONTROLS)).filter(
    (el) => !(el as HTMLButtonElement).disabled && !el.closest('[hidden], [inert]') && el.getAttribute('aria-hidden') !== 'true',
  );
}

/** True where the arrow keys already mean something to the control: a text field, a list, a radio group. */
function ownsArrows(target: HTMLElement): boolean {
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'submit', 'reset'].includes(target.type);
  return false;
}

export type RowMove = 'up' | 'down' | 'left' | 'right' | 'home' | 'end' | 'first-row' | 'last-row';

export function moveFor(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): RowMove | null {
  if (event.altKey || event.shiftKey) return null;
  const ctrl = event.ctrlKey || event.metaKey;
  switch (event.key) {
    case 'ArrowUp':
      return ctrl ? null : 'up';
    case 'ArrowDown':
      return ctrl ? null : 'down';
    case 'ArrowLeft':
      return ctrl ? null : 'left';
    case 'ArrowRight':
      return ctrl ? null : 'right';
    case 'Home':
      return ctrl ? 'first-row' : 'home';
    case 'End':
      return ctrl ? 'last-row' : 'end';
    default:
      return null;
  }
}

/** Where a move from `from` lands among the rows' controls; null where it would leave the table. */
export function target(rows: HTMLElement[][], from: HTMLElement, move: RowMove): HTMLElement | null {
  const rowIndex = rows.findIndex((controls) => controls.includes(from));
  if (rowIndex < 0) return null;
  const row = rows[rowIndex] ?? [];
  const column = row.indexOf(from);
  const inRow = (controls: HTMLElement[] | undefined, at: number) => (controls && controls.length > 0 ? (controls[Math.min(at, controls.length - 1)] ?? null) : null);
  const step = (direction: 1 | -1) => {
    for (let i = rowIndex + direction; i >= 0 && i < rows.length; i += direction) {
      const found = inRow(rows[i], column);
      if (found) return found;
    }
    return null;
  };
  switch (move) {
    case 'up':
      return step(-1);
    case 'down':
      return step(1);
    case 'left':
      return row[column - 1] ?? null;
    case 'right':
      return row[column + 1] ?? null;
    case 'home':
      return row[0] ?? null;
    case 'end':
      return row[row.length - 1] ?? null;
    case 'first-row':
      return rows.find((controls) => controls.length > 0)?.[0] ?? null;
    case 'last-row':
      return [...rows].reverse().find((controls) => controls.length > 0)?.[0] ?? null;
  }
}

export function useRowNavigation(ref: RefObject<HTMLTableSectionElement | null>, enabled: boolean): void {
  useEffect(() => {
    const body = ref.current;
    if (!enabled || !body) return undefined;
    // The control the desk last used in the table; until then (or once its row is gone) the first row's.
    let chosen: HTMLElement | null = null;

    const rows = () => Array.from(body.rows).map(rowControls);
    const sync = () => {
      const flat = rows().flat();
      const current = chosen && flat.includes(chosen) ? chosen : (flat[0] ?? null);
      for (const control of flat) control.tabIndex = control === current ? 0 : -1;
    };
    const onFocusIn = (event: FocusEvent) => {
      const control = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>(CONTROLS) : null;
      if (control && body.contains(control) && control !== chosen) {
        chosen = control;
        sync();
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !(event.target instanceof HTMLElement) || ownsArrows(event.target)) return;
      const move = moveFor(event);
      if (!move) return;
      const from = event.target.closest<HTMLElement>(CONTROLS);
      const to = from ? target(rows(), from, move) : null;
      if (!to) return;
      event.preventDefault();
      chosen = to;
      sync();
      to.focus();
      to.scrollIntoView?.({ block: 'nearest' });
    };

    sync();
    // Rows added or removed (paging, live updates) and controls enabled or disabled keep one Tab stop.
    const observer = new MutationObserver(sync);
    observer.observe(body, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'hidden'] });
    body.addEventListener('focusin', onFocusIn);
    body.addEventListener('keydown', onKeyDown);
    return () => {
      observer.disconnect();
      body.removeEventListener('focusin', onFocusIn);
      body.removeEventListener('keydown', onKeyDown);
      for (const control of rows().flat()) control.removeAttribute('tabindex');
    };
  }, [ref, enabled]);
}
