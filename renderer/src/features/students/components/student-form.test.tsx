import { QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../../lib/query-client';
import { reactRootPerTest } from '../../../test/react-root';
import type { Student } from '../types';
import { StudentForm } from './student-form';
import { aStudent } from './student-fixture';

type Host = { odsm?: unknown };
const host = globalThis as unknown as Host;

const ada = aStudent();

const view = reactRootPerTest();

afterEach(() => {
  delete host.odsm;
});

function render(student: Student | null, onSaved = vi.fn()) {
  view.render(
    <QueryClientProvider client={createQueryClient()}>
      <StudentForm student={student} onClose={() => {}} onSaved={onSaved} />
    </QueryClientProvider>,
  );
}

function type(id: string, value: string) {
  const input = view.container.querySelector<HTMLInputElement>(`#${id}`)!;
  // React tracks the value through the prototype setter; assigning .value directly would be ignored.
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

async function submit() {
  await act(async () => {
    view.container.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

const byTestId = (id: string) => view.container.querySelector(`[data-testid="${id}"]`);

describe('StudentForm', () => {
  it('asks for the required fields without calling the backend', async () => {
    const create = vi.fn();
    host.odsm = { students: { create } };
    render(null);
    await submit();
    expect(byTestId('field-error-first_name')?.textContent).toBe('Required.');
    expect(byTestId('field-error-date_of_birth')?.textContent).toBe('Required.');
    expect(create).not.toHaveBeenCalled();
  });

  it('shows a validation_failed licence error next to the licence field with its format', async () => {
    const create = vi.fn().mockResolvedValue({
      ok: false,
      error: {
        code: 'validation_failed',
        message: 'Some fields are not valid.',
        requestId: 'req-42',
        details: {
          fields: [
            { field: 'licence_number', rule: 'licence_format', message: 'One letter and 14 digits.', format: 'A1234-56789-01234' },
          ],
        },
      },
    });
    host.odsm = { students: { create } };
    render(null);
    act(() => {
      type('first_name', 'Ada');
      type('last_name', 'Lovelace');
      type('date_of_birth', '2006-12-10');
      type('licence_number', 'L123');
    });
    await submit();
    expect(create).toHaveBeenCalledWith({ body: expect.objectContaining({ licence_number: 'L123', first_name: 'Ada' }) });
    expect(byTestId('field-error-licence_number')?.textContent).toBe('One letter and 14 digits.');
    expect(view.container.querySelector('#licence_number-hint')?.textContent).toBe('Format: A1234-56789-01234');
    expect(view.container.querySelector('#licence_number')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('on a version conflict offers "Reload latest", which loads the newest copy into the form', async () => {
    const update = vi.fn().mockResolvedValue({
      ok: false,
      error: { code: 'student.version_conflict', message: 'Changed.', requestId: 'req-7', details: { current_version: 2 } },
    });
    const get = vi.fn().mockResolvedValue({ ok: true, data: { ...ada, phone: '905-555-0123', version: 2 } });
    host.odsm = { students: { update, get } };
    render(ada);
    act(() => type('phone', '416-555-0100'));
    await submit();
    expect(update).toHaveBeenCalledWith({ student_id: 3, body: { version: 1, phone: '416-555-0100' } });
    expect(byTestId('version-conflict')?.textContent).toContain('req-7');

    await act(async () => (byTestId('reload-latest') as HTMLButtonElement).click());
    expect(get).toHaveBeenCalledWith({ student_id: 3 });
    expect(byTestId('version-conflict')).toBeNull();
    expect(view.container.querySelector<HTMLInputElement>('#phone')?.value).toBe('905-555-0123');
  });
});
