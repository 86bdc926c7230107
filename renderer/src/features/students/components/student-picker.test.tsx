import { QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../../lib/query-client';
import { reactRootPerTest } from '../../../test/react-root';
import { StudentPicker } from './student-picker';
import { aStudent } from './student-fixture';

type Host = { odsm?: unknown };
const host = globalThis as unknown as Host;
const view = reactRootPerTest();

const ben = aStudent({ id: 1, first_name: 'Ben', last_name: 'Tremblay' });
const bea = aStudent({ id: 2, first_name: 'Bea', last_name: 'Olsen' });

type Answer = { resolve: () => void };

/** A students.list whose answers arrive only when the test says so, like a slow search at the desk. */
function slowList(pending: Answer[]) {
  return vi.fn((query: { q?: string }) => {
    const items = !query.q ? [ben, bea] : [ben, bea].filter((s) => s.first_name.toLowerCase().startsWith(query.q!.toLowerCase()));
    return new Promise((resolve) => pending.push({ resolve: () => resolve({ ok: true, data: { items, total: items.length, offset: 0, limit: 6 } }) }));
  });
}

function typeSearch(value: string) {
  const input = view.container.querySelector<HTMLInputElement>('[data-testid="lesson-student-search"]')!;
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Lets the answer through, and React Query's batched notification (a timer) reach the screen. */
async function answer(pending: Answer[]) {
  await act(async () => {
    pending.shift()!.resolve();
    await vi.advanceTimersByTimeAsync(10);
  });
}

const options = () => [...view.container.querySelectorAll('[data-testid="student-option"]')].map((option) => option.textContent ?? '');

/** A picker on a fresh page, its first list (Ben and Bea) answered. */
async function openPicker() {
  const pending: Answer[] = [];
  host.odsm = { students: { list: slowList(pending) } };
  const onPick = vi.fn();
  view.render(
    <QueryClientProvider client={createQueryClient()}>
      <StudentPicker studentName="" locked={false} onPick={onPick} />
    </QueryClientProvider>,
  );
  await answer(pending);
  return { pending, onPick };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  delete host.odsm;
});

describe('StudentPicker', () => {
  it('never offers the last search’s students while the new search is running', async () => {
    const { pending } = await openPicker();
    expect(options()).toHaveLength(2);

    // "Bea" typed: the debounce and then the search run; until "Bea" answers, Ben must not be offered.
    act(() => typeSearch('bea'));
    expect(options()).toEqual([]);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(300);
    });
    expect(pending).toHaveLength(1);
    expect(options()).toEqual([]);
    expect(view.container.querySelector('[data-testid="student-search-pending"]')).not.toBeNull();

    await answer(pending);
    expect(options()).toHaveLength(1);
    expect(options()[0]).toContain('Olsen, Bea');
  });

  it('picks by keyboard: the field keeps focus, ↓ reaches a student and Enter picks them', async () => {
    const { onPick } = await openPicker();
    const input = view.container.querySelector<HTMLInputElement>('[data-testid="lesson-student-search"]')!;
    act(() => input.focus());
    const key = (k: string) =>
      act(() => {
        input.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
        input.dispatchEvent(new KeyboardEvent('keyup', { key: k, bubbles: true, cancelable: true }));
      });
    key('ArrowDown');
    key('ArrowDown');
    // The options are announced through the field: focus never left it.
    expect(document.activeElement).toBe(input);
    const active = input.getAttribute('aria-activedescendant');
    expect(active && document.getElementById(active)?.textContent).toContain('Olsen, Bea');
    key('Enter');
    expect(onPick).toHaveBeenCalledWith({ id: 2, name: 'Bea Olsen' });
    // The search is gone: focus goes on to "Change", not to the page.
    expect(document.activeElement?.textContent).toBe('Change');
  });
});
