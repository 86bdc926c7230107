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

function render(student: Student | null, onSaved = vi.fn(), onClose = vi.fn()) {
  view.render(
    <QueryClientProvider client={createQueryClient()}>
      <StudentForm student={student} onClose={onClose} onSaved={onSaved} />
    </QueryClientProvider>,
  );
}

function type(id: string, value: string) {
  const input = document.querySelector<HTMLInputElement>(`#${id}`)!;
  // React tracks the value through the prototype setter; assigning .value directly would be ignored.
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

async function submit() {
  await act(async () => {
    document.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

const byTestId = (id: string) => document.querySelector(`[data-testid="${id}"]`);

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
    expect(document.querySelector('#licence_number-hint')?.textContent).toBe('Format: A1234-56789-01234');
    expect(document.querySelector('#licence_number')?.getAttribute('aria-invalid')).toBe('true');
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
    expect(document.querySelector<HTMLInputElement>('#phone')?.value).toBe('905-555-0123');
  });

  it('after a failed save, an error summary at the top takes focus and links to each field', async () => {
    host.odsm = { students: { create: vi.fn() } };
    render(null);
    await submit();
    const summary = byTestId('error-summary') as HTMLElement;
    expect(summary).not.toBeNull();
    expect(document.activeElement).toBe(summary);
    expect(summary.textContent).toContain('Legal first name: Required.');
    act(() => (byTestId('error-summary-link-date_of_birth') as HTMLAnchorElement).click());
    expect(document.activeElement?.id).toBe('date_of_birth');
  });

  it('shows a birth date the backend refused as in the future under the birth date, in the desk’s words', async () => {
    const create = vi.fn().mockResolvedValue({
      ok: false,
      error: {
        code: 'student.birth_date_in_future',
        message: 'The date of birth is in the future: check the year.',
        requestId: 'req-9',
        details: { fields: [{ field: 'date_of_birth', rule: 'birth_date_in_future', message: 'The date of birth is in the future: check the year.' }] },
      },
    });
    host.odsm = { students: { create } };
    render(null);
    act(() => {
      type('first_name', 'Ada');
      type('last_name', 'Lovelace');
      type('date_of_birth', '2030-01-01');
    });
    await submit();
    expect(byTestId('field-error-date_of_birth')?.textContent).toBe('The date of birth is in the future: check the year.');
    expect(document.activeElement).toBe(byTestId('error-summary'));
    // A refusal placed under its field needs no second, generic banner.
    expect(byTestId('save-error')).toBeNull();
  });

  it('puts the missing-guardian warning under the guardian’s name, not under the licence', () => {
    host.odsm = { students: {} };
    const minor = aStudent({ date_of_birth: '2012-01-01', warnings: [{ code: 'student.minor_without_guardian', field: 'guardian_name', message: 'This student is under 18: record a parent or guardian.' }] });
    render(minor);
    expect(byTestId('field-warning-guardian_name')?.textContent).toContain('under 18');
    expect(byTestId('field-warning-licence_number')).toBeNull();
    act(() => type('guardian_name', 'Grace Lovelace'));
    expect(byTestId('field-warning-guardian_name')).toBeNull();
  });

  it('asks before Escape throws away a changed form, and closes an unchanged one at once', () => {
    host.odsm = { students: {} };
    const onClose = vi.fn();
    render(ada, vi.fn(), onClose);
    const escape = () => act(() => (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true })));
    escape();
    expect(onClose).toHaveBeenCalledTimes(1);

    onClose.mockClear();
    act(() => type('phone', '416-555-0100'));
    escape();
    expect(onClose).not.toHaveBeenCalled();
    expect(byTestId('discard-confirm')).not.toBeNull();
    expect(document.activeElement).toBe(byTestId('keep-editing'));
    escape();
    expect(byTestId('discard-confirm')).toBeNull();
    expect(document.querySelector<HTMLInputElement>('#phone')?.value).toBe('416-555-0100');
    escape();
    act(() => (byTestId('discard-changes') as HTMLButtonElement).click());
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
