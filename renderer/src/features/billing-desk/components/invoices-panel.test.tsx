import { QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../../lib/query-client';
import { reactRootPerTest } from '../../../test/react-root';
import type { Invoice, InvoiceListQuery } from '../types';
import { InvoicesPanel } from './invoices-panel';

type Host = { odsm?: unknown };
const host = globalThis as unknown as Host;
const view = reactRootPerTest();
const TODAY = '2026-12-02';

function anInvoice(over: Partial<Invoice>): Invoice {
  return {
    id: 1, kind: 'invoice', status: 'issued', number: 1, document_number: 'INV-000001', student_id: 7, student_name: 'Maya Singh',
    credit_of_id: null, enrollment_id: null, lesson_id: null, invoice_date: '2026-11-20', due_on: '2026-12-20', bill_to_name: 'Maya Singh',
    bill_to_kind: 'student', hst_registered: true, hst_number: '', subtotal_cents: 6_500, tax_cents: 845, total_cents: 7_345, taxes: [],
    tax_note: '', paid_cents: 0, credited_cents: 0, owing_cents: 7_345, notes: null, reason: null, issued_at: null, lines: [], version: 1,
    ...over,
  };
}

const overdue = anInvoice({ id: 2, document_number: 'INV-000002', invoice_date: '2026-10-01', due_on: '2026-10-31', paid_cents: 1_000, owing_cents: 6_345 });
const paid = anInvoice({ id: 3, document_number: 'INV-000003', paid_cents: 7_345, owing_cents: 0 });

/** invoices.list as the backend would answer for the filters; every query the screen sends is kept. */
function fakeList(sent: InvoiceListQuery[]) {
  return vi.fn((query: InvoiceListQuery) => {
    sent.push(query);
    const all = [overdue, paid];
    const items = query.overdue ? [overdue] : query.unpaid ? [overdue] : all;
    const owing = query.unpaid || query.overdue ? { owing_total_cents: 6_345 } : {};
    return Promise.resolve({ ok: true, data: { items, total: query.unpaid ? 1 : 120, offset: query.offset ?? 0, limit: query.limit ?? 50, ...owing } });
  });
}

function render(sent: InvoiceListQuery[]) {
  host.odsm = { invoices: { list: fakeList(sent) } };
  view.render(
    <QueryClientProvider client={createQueryClient()}>
      <InvoicesPanel today={TODAY} />
    </QueryClientProvider>,
  );
}

const $ = (testId: string) => view.container.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
const rows = () => [...view.container.querySelectorAll('[data-testid="invoice-row"]')].map((row) => row.getAttribute('data-invoice-id'));

function setDate(testId: string, value: string) {
  const input = $(testId) as HTMLInputElement;
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const click = (el: HTMLElement | null) => act(() => el!.click());

afterEach(() => {
  delete host.odsm;
});

describe('the Billing screen’s invoice filters', () => {
  it('asks the backend for unpaid or overdue invoices instead of filtering what it was sent', async () => {
    const sent: InvoiceListQuery[] = [];
    render(sent);
    await vi.waitFor(() => expect(rows()).toEqual(['2', '3']));
    expect(sent.at(-1)).toEqual({ offset: 0, limit: 50 });
    expect($('invoices-owing')).toBeNull();

    click($('invoice-show-unpaid'));
    await vi.waitFor(() => expect(sent.at(-1)).toEqual({ offset: 0, limit: 50, unpaid: true }));
    await vi.waitFor(() => expect(rows()).toEqual(['2']));
    expect($('invoices-owing')?.textContent).toBe('Left to pay on this invoice: $63.45');

    click($('invoice-show-overdue'));
    await vi.waitFor(() => expect(sent.at(-1)).toEqual({ offset: 0, limit: 50, overdue: true }));
    await vi.waitFor(() => expect(view.container.querySelector('[data-testid="invoice-status"]')?.textContent).toBe('Overdue'));
  });

  it('sends the date range, and says so when the end comes before the start', async () => {
    const sent: InvoiceListQuery[] = [];
    render(sent);
    await vi.waitFor(() => expect(rows()).toHaveLength(2));
    setDate('invoice-from', '2026-11-01');
    setDate('invoice-to', '2026-11-30');
    await vi.waitFor(() => expect(sent.at(-1)).toEqual({ offset: 0, limit: 50, start: '2026-11-01', end: '2026-11-30' }));
    setDate('invoice-to', '2026-10-01');
    await vi.waitFor(() => expect($('field-error-invoice-to')?.textContent).toBe('The end date is before the start date.'));
    // A range that ends before it starts is never sent: the list keeps the start date alone.
    expect(sent.some((query) => query.end === '2026-10-01')).toBe(false);
    expect(sent).toContainEqual({ offset: 0, limit: 50, start: '2026-11-01' });
    click($('invoice-dates-clear'));
    expect([($('invoice-from') as HTMLInputElement).value, ($('invoice-to') as HTMLInputElement).value]).toEqual(['', '']);
    expect($('field-error-invoice-to')).toBeNull();
  });

  it('pages through the invoices and starts again at the first page when a filter changes', async () => {
    const sent: InvoiceListQuery[] = [];
    render(sent);
    await vi.waitFor(() => expect($('pagination-summary')?.textContent).toBe('Showing 1–50 of 120'));
    click([...view.container.querySelectorAll<HTMLElement>('.pagination button')].find((b) => b.textContent?.includes('Next'))!);
    await vi.waitFor(() => expect(sent.at(-1)).toEqual({ offset: 50, limit: 50 }));
    click($('invoice-show-unpaid'));
    await vi.waitFor(() => expect(sent.at(-1)).toEqual({ offset: 0, limit: 50, unpaid: true }));
  });

  it('shows each row’s number, student, totals and what is left, and the student opens their page', async () => {
    render([]);
    await vi.waitFor(() => expect(rows()).toHaveLength(2));
    const first = view.container.querySelector('[data-invoice-id="2"]')!;
    expect(first.textContent).toContain('INV-000002');
    expect(first.textContent).toContain('Maya Singh');
    expect(first.querySelector('[data-testid="invoice-left"]')?.textContent).toBe('$63.45');
    expect(first.querySelector('[data-testid="invoice-status"]')?.textContent).toBe('Overdue');
    expect(view.container.querySelector('[data-invoice-id="3"] [data-testid="invoice-status"]')?.textContent).toBe('Paid');
    click(first.querySelector<HTMLElement>('[data-testid="invoice-student"]'));
    expect(window.location.hash).toBe('#student?id=7');
  });
});
