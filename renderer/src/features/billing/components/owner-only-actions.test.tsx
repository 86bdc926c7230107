import { QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthStatus } from '../../../../../electron/preload/api';
import { createQueryClient } from '../../../lib/query-client';
import { reactRootPerTest } from '../../../test/react-root';
import { InvoicesSection } from './invoices-section';
import { PaymentsSection } from './payments-section';

type Host = { odsm?: unknown };
const host = globalThis as unknown as Host;
const view = reactRootPerTest();

const DESK = ['school.read', 'calendar.read', 'lessons.complete', 'classes.attendance', 'students.read', 'students.edit', 'book', 'records.edit', 'billing', 'audit.read', 'backups'];
const account = (role: 'owner' | 'office') => ({ id: 2, name: 'Olive Front', login: 'olive', role, instructor_id: null, active: true, version: 1 });
const office: AuthStatus = { enabled: true, idle_lock_minutes: 10, min_password_length: 10, account: account('office'), permissions: DESK };
const owner: AuthStatus = { ...office, account: account('owner'), permissions: [...DESK, 'refund', 'credit', 'certify', 'settings.manage', 'accounts.manage'] };
const signInOff: AuthStatus = { ...office, enabled: false, account: null, permissions: [] };

const invoice = {
  id: 7, number: 'INV-0007', kind: 'invoice', status: 'issued', student_id: 12, invoice_date: '2026-11-20', due_date: '2026-12-04', lesson_id: null, credit_of_id: null, reason: null,
  lines: [{ description: 'In-car lesson, 60 min', quantity: 1, unit_price_cents: 6500, hst_cents: 845, total_cents: 7345 }],
  subtotal_cents: 6500, hst_cents: 845, total_cents: 7345, paid_cents: 0, credited_cents: 0, owing_cents: 7345, version: 2,
};
const payment = { id: 4, kind: 'payment', method: 'cash', student_id: 12, received_on: '2026-11-21', reference: null, amount_cents: 5000, refunded_cents: 0, unallocated_cents: 5000, allocations: [], version: 1 };

afterEach(() => {
  delete host.odsm;
});

const settle = () =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
  });

async function renderAccount(status: AuthStatus) {
  host.odsm = {
    auth: { status: () => Promise.resolve({ ok: true, data: status }) },
    invoices: { list: () => Promise.resolve({ ok: true, data: { items: [invoice], total: 1 } }) },
    payments: { list: () => Promise.resolve({ ok: true, data: { items: [payment], total: 1 } }) },
  };
  view.render(
    <QueryClientProvider client={createQueryClient()}>
      <InvoicesSection studentId={12} today="2026-12-02" onNotice={() => {}} onRefused={() => {}} />
      <PaymentsSection studentId={12} onNotice={() => {}} />
    </QueryClientProvider>,
  );
  await settle();
  await settle();
  const has = (testId: string) => view.container.querySelector(`[data-testid="${testId}"]`) !== null;
  return { has, text: (testId: string) => view.container.querySelector(`[data-testid="${testId}"]`)?.textContent ?? '' };
}

describe('the account’s owner-only actions', () => {
  it('an office account sees no Credit, Refund or Reverse, and reads why', async () => {
    const shown = await renderAccount(office);
    expect(shown.has('invoice-row')).toBe(true);
    expect(shown.has('credit-invoice')).toBe(false);
    expect(shown.has('refund-payment')).toBe(false);
    expect(shown.has('reverse-payment')).toBe(false);
    expect(shown.text('credit-owner-only')).toBe('Only the school’s owner can credit an invoice.');
    expect(shown.text('refund-owner-only')).toBe('Only the school’s owner can refund or reverse a payment.');
  });

  it('the owner sees them, with no note', async () => {
    const shown = await renderAccount(owner);
    expect(shown.has('credit-invoice')).toBe(true);
    expect(shown.has('refund-payment')).toBe(true);
    expect(shown.has('reverse-payment')).toBe(true);
    expect(shown.has('credit-owner-only')).toBe(false);
    expect(shown.has('refund-owner-only')).toBe(false);
  });

  it('with sign-in off, the desk sees them as before', async () => {
    const shown = await renderAccount(signInOff);
    expect(shown.has('credit-invoice')).toBe(true);
    expect(shown.has('refund-payment')).toBe(true);
    expect(shown.has('credit-owner-only')).toBe(false);
  });
});
