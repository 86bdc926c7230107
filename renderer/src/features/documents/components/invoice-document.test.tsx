import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Invoice, SchoolSettings, Student } from '../types';
import { InvoiceLayout } from './invoice-document';

const school = { name: 'Maple Leaf Driving School', address: '12 King St W, Toronto ON M5H 1A1', hst_registered: true, hst_number: '123456789 RT0001' } as SchoolSettings;
const student = { id: 7, first_name: 'Maya', last_name: 'Singh', address: '4 Elm St, Toronto ON' } as Student;

const issued: Invoice = {
  id: 12,
  kind: 'invoice',
  status: 'issued',
  number: 12,
  document_number: 'INV-000012',
  student_id: 7,
  credit_of_id: null,
  enrollment_id: null,
  lesson_id: null,
  invoice_date: '2026-11-30',
  due_on: '2026-12-30',
  bill_to_name: 'Anita Singh',
  bill_to_kind: 'guardian',
  hst_registered: true,
  hst_number: '123456789 RT0001',
  subtotal_cents: 80650,
  tax_cents: 10485,
  total_cents: 91135,
  taxes: [{ rate_basis_points: 1300, taxable_cents: 80650, tax_cents: 10485 }],
  tax_note: 'HST is worked out on the taxable total at each rate and rounded half-up to the cent.',
  paid_cents: 50000,
  credited_cents: 0,
  owing_cents: 41135,
  notes: null,
  reason: null,
  issued_at: '2026-11-30T15:00:00Z',
  lines: [{ position: 1, product_id: null, description: 'BDE course', quantity: 1, unit_price_cents: 80650, tax_rate_basis_points: 1300, amount_cents: 80650, prepaid_minutes: 0 }],
  version: 2,
};

const text = (invoice: Invoice, corrects: Invoice | null = null) =>
  renderToStaticMarkup(<InvoiceLayout data={{ invoice, school, student, corrects }} />)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('the invoice on paper', () => {
  it('prints the BN/RT number, HST at its rate, the rounding sentence and the guardian billed for the student', () => {
    const t = text(issued);
    expect(t).toContain('HST registration no. 123456789 RT0001');
    expect(t).toContain('HST 13% $104.85');
    expect(t).toContain('rounded half-up to the cent');
    expect(t).toContain('Anita Singh Parent or guardian of Maya Singh');
    expect(t).toContain('Balance due $411.35');
    expect(t).not.toContain('DRAFT');
  });

  it('prints no tax line, no HST column and no number for a school that was not registered', () => {
    const t = text({ ...issued, hst_registered: false, hst_number: '', tax_cents: 0, total_cents: 80650, owing_cents: 30650, taxes: [], tax_note: 'The school is not registered for HST: no tax is charged.' });
    expect(t).not.toMatch(/HST|RT0001/);
    expect(t).toContain('Total $806.50');
  });

  it('marks a draft DRAFT across the page and gives it no number', () => {
    const t = text({ ...issued, status: 'draft', number: null, document_number: null, issued_at: null });
    expect(t).toContain('DRAFT');
    expect(t).toContain('Not yet issued');
    expect(t).not.toContain('Balance due');
  });

  it('prints the invoice a credit note corrects', () => {
    const t = text({ ...issued, id: 13, kind: 'credit_note', document_number: 'CN-000001', credit_of_id: 12, reason: 'Course cancelled' }, issued);
    expect(t).toContain('Credit note');
    expect(t).toContain('Corrects INV-000012 of');
    expect(t).toContain('Reason: Course cancelled');
    expect(t).toContain('Total credited');
  });
});
