import { QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../../lib/query-client';
import { reactRootPerTest } from '../../../test/react-root';
import { aTemplate, someReminderSettings } from './reminder-fixtures';
import { MESSAGES } from './reminder-settings-values';
import { RemindersSettingsSection } from './reminder-settings-section';

type Host = { odsm?: unknown };
const host = globalThis as unknown as Host;
const view = reactRootPerTest();

afterEach(() => {
  delete host.odsm;
});

const okWith = (data: unknown) => vi.fn().mockResolvedValue({ ok: true, data });
const refusal = (code: string, details: unknown, message = 'Refused.') => vi.fn().mockResolvedValue({ ok: false, error: { code, message, requestId: 'req-1', details } });

function bridge(overrides: Record<string, unknown> = {}, app: Record<string, unknown> = {}) {
  return {
    reminders: {
      'settings-get': okWith(someReminderSettings()),
      'settings-update': okWith(someReminderSettings({ version: 4 })),
      'templates-list': okWith([aTemplate()]),
      'template-preview': okWith({ subject: 'Your driving lesson tomorrow at 10:00 a.m.', body: 'Hello Alex' }),
      'template-save': okWith(aTemplate({ built_in: false, version: 1 })),
      ...overrides,
    },
    getSmtpPasswordStatus: okWith({ kept: false }),
    saveSmtpPassword: okWith({ kept: true }),
    ...app,
  };
}

async function render(odsm: unknown) {
  host.odsm = odsm;
  await act(async () => {
    view.render(
      <QueryClientProvider client={createQueryClient()}>
        <RemindersSettingsSection />
      </QueryClientProvider>,
    );
  });
  // The settings, the wording and the password's status each arrive after a few turns of the event loop.
  for (let i = 0; i < 20 && !view.container.querySelector('#reminders-smtp_port, #reminder-template-body'); i += 1) await settle();
  await settle();
}

const settle = () => act(async () => new Promise<void>((done) => setTimeout(done, 0)));

function type(id: string, value: string) {
  const input = view.container.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)!;
  const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function choose(id: string, value: string) {
  const select = view.container.querySelector<HTMLSelectElement>(`#${id}`)!;
  Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(select, value);
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

const byTestId = (id: string) => view.container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const click = async (id: string) => {
  await act(async () => byTestId(id)!.click());
  await settle();
};
const submit = async () => {
  await act(async () => {
    view.container.querySelector('[data-testid="reminder-settings-form"]')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
};

describe('Settings → Reminders and email', () => {
  it('refuses a port and a time it can’t read under their fields, without calling the backend', async () => {
    const odsm = bridge();
    await render(odsm);
    act(() => {
      type('reminders-smtp_port', 'five');
      type('reminders-lesson_tomorrow_send_minute', '5 pm');
    });
    await submit();
    expect(byTestId('field-error-reminders-smtp_port')?.textContent).toBe(MESSAGES.port);
    expect(byTestId('field-error-reminders-lesson_tomorrow_send_minute')?.textContent).toBe(MESSAGES.clock);
    expect(view.container.querySelector('#reminders-smtp_port')?.getAttribute('aria-invalid')).toBe('true');
    expect(odsm.reminders['settings-update']).not.toHaveBeenCalled();
  });

  it('asks for STARTTLS or SSL under Security when a login would travel in clear', async () => {
    const odsm = bridge();
    await render(odsm);
    act(() => {
      type('reminders-smtp_host', 'smtp.maple.example');
      type('reminders-smtp_from', 'desk@maple.example');
      type('reminders-smtp_user', 'desk');
      choose('reminders-smtp_tls', 'none');
    });
    await submit();
    expect(byTestId('field-error-reminders-smtp_tls')?.textContent).toBe(MESSAGES.tlsForLogin);
    expect(odsm.reminders['settings-update']).not.toHaveBeenCalled();
  });

  it('places the backend’s refusal under the field it names', async () => {
    const odsm = bridge({ 'settings-update': refusal('reminders.tls_required_for_login', { field: 'smtp_tls', rule: 'tls_required_for_login' }) });
    await render(odsm);
    act(() => {
      type('reminders-smtp_host', 'smtp.maple.example');
      type('reminders-smtp_from', 'desk@maple.example');
    });
    await submit();
    expect(odsm.reminders['settings-update']).toHaveBeenCalledWith({ body: { version: 3, smtp_host: 'smtp.maple.example', smtp_from: 'desk@maple.example' } });
    expect(byTestId('field-error-reminders-smtp_tls')?.textContent).toBe(MESSAGES.tlsForLogin);
    expect(byTestId('reminders-save-error')).toBeNull();
  });

  it('shows the road-test and overdue-balance switches and timings, and saves them', async () => {
    const odsm = bridge();
    await render(odsm);
    const box = (id: string) => view.container.querySelector<HTMLInputElement>(`#reminders-${id}`)!;
    expect([box('road_test_on').checked, box('road_test_days').value, box('overdue_balance_on').checked]).toEqual([true, '3', true]);
    expect([box('overdue_balance_days').value, box('overdue_balance_repeat_days').value]).toEqual(['14', '14']);
    expect(view.container.querySelector('label[for="reminders-overdue_balance_days"]')?.textContent).toContain('Days past the invoice’s due date');
    act(() => type('reminders-overdue_balance_repeat_days', '0'));
    await submit();
    expect(byTestId('field-error-reminders-overdue_balance_repeat_days')?.textContent).toBe(MESSAGES.repeat);
    expect(odsm.reminders['settings-update']).not.toHaveBeenCalled();
    act(() => {
      type('reminders-overdue_balance_repeat_days', '7');
      type('reminders-road_test_days', '2');
    });
    await act(async () => box('overdue_balance_on').click());
    await submit();
    expect(odsm.reminders['settings-update']).toHaveBeenCalledWith({ body: { version: 3, road_test_days: 2, overdue_balance_on: false, overdue_balance_repeat_days: 7 } });
    expect(byTestId('reminders-saved')).not.toBeNull();
  });

  it('lists the wording of the road-test and overdue-balance reminders', async () => {
    const odsm = bridge({
      'templates-list': okWith([aTemplate(), aTemplate({ rule: 'road_test', subject: 'Your road test' }), aTemplate({ rule: 'overdue_balance', channel: 'sms', subject: '' })]),
    });
    await render(odsm);
    const options = [...view.container.querySelectorAll('option')].map((o) => o.textContent);
    expect(options).toContain('Road test in a few days, by email');
    expect(options).toContain('Overdue balance, by text message');
  });

  it('shows only whether a password is kept, and keeps a new one through main', async () => {
    const odsm = bridge();
    await render(odsm);
    expect(byTestId('smtp-password-status')?.textContent).toBe('No password is kept on this computer.');
    expect(view.container.querySelector('input[type="password"]')).toBeNull();
    await click('smtp-password-replace');
    await click('smtp-password-keep');
    expect(byTestId('field-error-reminders-smtp_password')?.textContent).toBe('Type the password first.');
    act(() => type('reminders-smtp_password', 'app-password-1'));
    await click('smtp-password-keep');
    expect(odsm.saveSmtpPassword).toHaveBeenCalledWith('app-password-1');
    expect(byTestId('smtp-password-status')?.textContent).toContain('A password is kept on this computer');
    expect(view.container.querySelector('input[type="password"]')).toBeNull();
    expect(byTestId('smtp-password-forget')).not.toBeNull();
  });

  it('puts a template’s unknown field under the message, and shows the backend’s preview', async () => {
    const odsm = bridge({
      'template-save': refusal('reminders.template_unknown_field', { field: 'body', name: 'student.phone', line: 1, allowed: ['student.first_name'] }),
    });
    await render(odsm);
    await click('template-preview');
    expect(byTestId('template-preview-text')?.textContent).toContain('Your driving lesson tomorrow at 10:00 a.m.');
    act(() => type('reminder-template-body', 'Hi {{ student.phone }}'));
    await click('template-save');
    expect(byTestId('field-error-reminder-template-body')?.textContent).toBe('This reminder has no field called “student.phone” (line 1). Use one of: {{ student.first_name }}.');
    act(() => type('reminder-template-body', ''));
    expect(byTestId('field-error-reminder-template-body')?.textContent).toBe('Write the message: a reminder can’t go out empty.');
    expect((byTestId('template-save') as HTMLButtonElement).disabled).toBe(true);
  });
});
