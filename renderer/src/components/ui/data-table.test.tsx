import { act, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { reactRootPerTest } from '../../test/react-root';
import { DataTable } from './data-table';

const view = reactRootPerTest();

const NAMES = ['Maya Chen', 'Omar Haddad', 'Lena Roy'];

function Students({ names = NAMES, keyboard }: { names?: readonly string[]; keyboard?: 'records' | 'form' }) {
  return (
    <DataTable columns={['Name', 'Notes']} withActions keyboard={keyboard}>
      {names.map((name) => (
        <tr key={name}>
          <th scope="row">
            <button type="button">{name}</button>
          </th>
          <td>
            <input aria-label={`Notes for ${name}`} />
          </td>
          <td>
            <button type="button">Edit {name}</button>
            <button type="button" disabled={name === 'Omar Haddad'}>
              Archive {name}
            </button>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

const tabbable = () => Array.from(view.container.querySelectorAll<HTMLElement>('tbody button, tbody input')).filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled);

function press(key: string, init: KeyboardEventInit = {}) {
  act(() => {
    document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
  });
}

const focusedText = () => (document.activeElement as HTMLElement | null)?.textContent ?? (document.activeElement as HTMLInputElement | null)?.getAttribute('aria-label');

describe('a table of records and the keyboard', () => {
  it('is one Tab stop, on the first row’s first control, and says how the arrows work', () => {
    view.render(<Students />);
    expect(tabbable().map((el) => el.textContent)).toEqual(['Maya Chen']);
    const table = view.container.querySelector('table')!;
    const hint = document.getElementById(table.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toContain('arrow keys');
  });

  it('moves between rows with ↑ ↓ in the same place, and along a row with ← → Home End', () => {
    view.render(<Students />);
    tabbable()[0]!.focus();
    press('ArrowDown');
    expect(focusedText()).toBe('Omar Haddad');
    press('ArrowRight');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Notes for Omar Haddad');
    // In a text field the arrows move the caret: the table leaves them alone.
    press('ArrowDown');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Notes for Omar Haddad');
    (view.container.querySelectorAll<HTMLElement>('tbody tr')[1]!.querySelector('td:last-child button') as HTMLElement).focus();
    press('End');
    // Omar's Archive is disabled: End stops on the last control that can be used.
    expect(focusedText()).toBe('Edit Omar Haddad');
    press('ArrowDown');
    expect(focusedText()).toBe('Edit Lena Roy');
    press('ArrowRight');
    expect(focusedText()).toBe('Archive Lena Roy');
    press('Home', { ctrlKey: true });
    expect(focusedText()).toBe('Maya Chen');
    press('ArrowUp');
    expect(focusedText()).toBe('Maya Chen');
    press('End', { ctrlKey: true });
    expect(focusedText()).toBe('Lena Roy');
    // Wherever focus went last is where the next Tab into the table lands.
    expect(tabbable().map((el) => el.textContent)).toEqual(['Lena Roy']);
  });

  it('keeps exactly one Tab stop when rows come and go', async () => {
    function Paging() {
      const [names, setNames] = useState<readonly string[]>(NAMES);
      return (
        <>
          <button type="button" data-testid="next-page" onClick={() => setNames(['Ava Singh', 'Noah Brown'])}>
            Next
          </button>
          <Students names={names} />
        </>
      );
    }
    view.render(<Paging />);
    const focusLast = view.container.querySelectorAll<HTMLElement>('tbody th button')[2]!;
    act(() => focusLast.focus());
    // The rows change, then the table's observer catches up (a microtask later).
    await act(async () => view.container.querySelector<HTMLButtonElement>('[data-testid="next-page"]')!.click());
    expect(tabbable().map((el) => el.textContent)).toEqual(['Ava Singh']);
  });

  it('starts from the first row again when the rows change before the desk used the table', async () => {
    view.render(<Students names={['Lena Roy']} />);
    expect(tabbable().map((el) => el.textContent)).toEqual(['Lena Roy']);
    await act(async () => view.render(<Students names={NAMES} />));
    expect(tabbable().map((el) => el.textContent)).toEqual(['Maya Chen']);
  });

  it('leaves a form table’s fields in the usual Tab order', () => {
    view.render(<Students keyboard="form" />);
    expect(tabbable()).toHaveLength(NAMES.length * 4 - 1);
    expect(view.container.querySelector('table')?.hasAttribute('aria-describedby')).toBe(false);
  });
});
