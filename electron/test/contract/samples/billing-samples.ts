import type { ChannelRequest, ChannelResponse } from '../../../../shared-contracts/channels';
import { PAPER, bookedLesson, pastSlot } from './school-records';
import { afterCreating, nextUnique, type CallChannel, type ChannelSample } from './sample-types';
import { createdStudent } from './students-samples';

type Invoice = ChannelResponse<'db:invoices:create'>;
type Payment = ChannelResponse<'db:payments:take'>;
type Products = ChannelResponse<'db:billing:listProducts'>;

async function lessonProductId(call: CallChannel): Promise<number> {
  const products = (await call('db:billing:listProducts', {})) as Products;
  return products.items.find((p) => p.code === 'lesson_60')!.id;
}

async function invoiceFor(call: CallChannel, issue: boolean, studentId?: number): Promise<Invoice> {
  const student = studentId ?? (await createdStudent(call)).id;
  const body = { student_id: student, lines: [{ product_id: await lessonProductId(call), quantity: 1 }], issue };
  return (await call('db:invoices:create', { body })) as Invoice;
}

async function paymentFor(call: CallChannel, amount = 10_000): Promise<Payment> {
  const invoice = await invoiceFor(call, true);
  const body = { student_id: invoice.student_id, method: 'debit' as const, amount_cents: amount };
  return (await call('db:payments:take', { body })) as Payment;
}

export const billingSamples: Record<string, ChannelSample> = {
  'db:billing:listProducts': {
    valid: async () => ({ include_inactive: true }) satisfies ChannelRequest<'db:billing:listProducts'>,
    invalid: { include_inactive: 'all' },
    invalidField: 'include_inactive',
  },
  'db:billing:createProduct': {
    valid: async () =>
      ({
        body: { code: `lesson_45_${nextUnique()}`, kind: 'lesson', name: 'In-car lesson, 45 minutes', price_cents: 5_000, minutes: 45 },
      }) satisfies ChannelRequest<'db:billing:createProduct'>,
    invalid: { body: { code: 'x', kind: 'lesson', name: 'Half', price_cents: 12.5 } },
    invalidField: 'body.price_cents',
  },
  'db:billing:updateProduct': {
    valid: async (call) => {
      const products = (await call('db:billing:listProducts', {})) as Products;
      const p = products.items.find((x) => x.code === 'road_test_car')!;
      return { product_id: p.id, body: { version: p.version, price_cents: 18_000 } } satisfies ChannelRequest<'db:billing:updateProduct'>;
    },
    invalid: { product_id: 1, body: { version: 1, tax_rate_basis_points: 10_001 } },
    invalidField: 'body.tax_rate_basis_points',
  },
  'db:billing:getSettings': {
    valid: async () => ({}) satisfies ChannelRequest<'db:billing:getSettings'>,
    invalid: { unknown_field: 1 },
    invalidField: 'unknown_field',
  },
  'db:billing:updateSettings': {
    valid: async (call) => {
      const current = (await call('db:billing:getSettings', {})) as ChannelResponse<'db:billing:getSettings'>;
      return { body: { version: current.version, payment_terms_days: 15 } } satisfies ChannelRequest<'db:billing:updateSettings'>;
    },
    invalid: { body: { version: 1, enrolment_invoice_status: 'sent' } },
    invalidField: 'body.enrolment_invoice_status',
  },
  'db:billing:statement': {
    valid: async (call) => ({ student_id: (await paymentFor(call)).student_id }) satisfies ChannelRequest<'db:billing:statement'>,
    invalid: { student_id: 1, as_of: '31/12/2030' },
    invalidField: 'as_of',
  },
  'db:billing:prepaidHours': {
    valid: async (call) => ({ student_id: (await createdStudent(call)).id }) satisfies ChannelRequest<'db:billing:prepaidHours'>,
    invalid: { student_id: 0 },
    invalidField: 'student_id',
  },
  'db:billing:applyCredit': {
    valid: async (call) => {
      // Paid ahead, then invoiced: the credit on account goes on the new invoice.
      const student = await createdStudent(call);
      await call('db:payments:take', { body: { student_id: student.id, method: 'cash', amount_cents: 2_000 } });
      await invoiceFor(call, true, student.id);
      return { student_id: student.id } satisfies ChannelRequest<'db:billing:applyCredit'>;
    },
    invalid: { student_id: 'Ann' },
    invalidField: 'student_id',
  },
  'db:billing:hstReport': {
    valid: afterCreating((call) => invoiceFor(call, true), { start: '2025-01-01', end: '2099-12-31' } satisfies ChannelRequest<'db:billing:hstReport'>),
    invalid: { start: '2025-01-01' },
    invalidField: 'end',
  },
  'db:billing:revenue': {
    valid: afterCreating((call) => invoiceFor(call, true), { year: new Date().getFullYear(), grouping: 'quarter' } satisfies ChannelRequest<'db:billing:revenue'>),
    invalid: { year: 2026, grouping: 'week' },
    invalidField: 'grouping',
  },
  'db:billing:receivables': {
    valid: afterCreating((call) => invoiceFor(call, true), { limit: 5 } satisfies ChannelRequest<'db:billing:receivables'>),
    invalid: { limit: 101 },
    invalidField: 'limit',
  },
  'db:billing:cashUp': {
    valid: afterCreating((call) => paymentFor(call), { day: new Date().toLocaleDateString('en-CA', { timeZone: 'America/Toronto' }) } satisfies ChannelRequest<'db:billing:cashUp'>),
    invalid: { day: 'today' },
    invalidField: 'day',
  },
  'db:invoices:list': {
    valid: afterCreating((call) => invoiceFor(call, true), { unpaid: true, limit: 50 } satisfies ChannelRequest<'db:invoices:list'>),
    invalid: { limit: 5001 },
    invalidField: 'limit',
  },
  'db:invoices:get': {
    valid: async (call) => ({ invoice_id: (await invoiceFor(call, false)).id }) satisfies ChannelRequest<'db:invoices:get'>,
    invalid: { invoice_id: null },
    invalidField: 'invoice_id',
  },
  'db:invoices:create': {
    valid: async (call) => {
      const student = await createdStudent(call);
      return {
        body: { student_id: student.id, lines: [{ description: 'Road test car', unit_price_cents: 17_500, tax_rate_basis_points: 1300 }] },
      } satisfies ChannelRequest<'db:invoices:create'>;
    },
    invalid: { body: { student_id: 1, lines: [] } },
    invalidField: 'body.lines',
  },
  'db:invoices:update': {
    valid: async (call) => {
      const draft = await invoiceFor(call, false);
      return { invoice_id: draft.id, body: { version: draft.version, notes: 'Two lessons' } } satisfies ChannelRequest<'db:invoices:update'>;
    },
    invalid: { invoice_id: 1, body: { version: 1, lines: [{ quantity: 0 }] } },
    invalidField: 'body.lines.0.quantity',
  },
  'db:invoices:issue': {
    valid: async (call) => {
      const draft = await invoiceFor(call, false);
      return { invoice_id: draft.id, body: { version: draft.version } } satisfies ChannelRequest<'db:invoices:issue'>;
    },
    invalid: { invoice_id: 1, body: {} },
    invalidField: 'body.version',
  },
  'db:invoices:credit': {
    valid: async (call) =>
      ({ invoice_id: (await invoiceFor(call, true)).id, body: { reason: 'Lesson cut short' } }) satisfies ChannelRequest<'db:invoices:credit'>,
    invalid: { invoice_id: 1, body: { reason: 'x', lines: [{ description: 'Part', amount_cents: -1, tax_rate_basis_points: 1300 }] } },
    invalidField: 'body.lines.0.amount_cents',
  },
  'db:invoices:waiveFee': {
    valid: async (call) => {
      // A no-show charges its fee to the account as an issued invoice; the desk waives it.
      const { lesson } = await bookedLesson(call, pastSlot(), PAPER);
      await call('db:lessons:markNoShow', { lesson_id: lesson.id, body: { version: lesson.version } });
      const fees = (await call('db:invoices:list', { student_id: lesson.student_id })) as ChannelResponse<'db:invoices:list'>;
      const fee = fees.items.find((i) => i.lesson_id === lesson.id)!;
      return { invoice_id: fee.id, body: { reason: 'First time; car trouble' } } satisfies ChannelRequest<'db:invoices:waiveFee'>;
    },
    invalid: { invoice_id: 1, body: { reason: 7 } },
    invalidField: 'body.reason',
  },
  'db:payments:list': {
    valid: afterCreating((call) => paymentFor(call), { limit: 10 } satisfies ChannelRequest<'db:payments:list'>),
    invalid: { limit: 0 },
    invalidField: 'limit',
  },
  'db:payments:get': {
    valid: async (call) => ({ payment_id: (await paymentFor(call)).id }) satisfies ChannelRequest<'db:payments:get'>,
    invalid: { payment_id: -1 },
    invalidField: 'payment_id',
  },
  'db:payments:take': {
    valid: async (call) => {
      const invoice = await invoiceFor(call, true);
      return {
        body: { student_id: invoice.student_id, method: 'e_transfer', reference: 'CA1xYz', amount_cents: 3_000 },
      } satisfies ChannelRequest<'db:payments:take'>;
    },
    invalid: { body: { student_id: 1, method: 'bitcoin', amount_cents: 100 } },
    invalidField: 'body.method',
  },
  'db:payments:refund': {
    valid: async (call) =>
      ({ payment_id: (await paymentFor(call)).id, body: { amount_cents: 500, reason: 'Overpaid at the desk' } }) satisfies ChannelRequest<'db:payments:refund'>,
    invalid: { payment_id: 1, body: { amount_cents: 0, reason: 'x' } },
    invalidField: 'body.amount_cents',
  },
  'db:payments:reverse': {
    valid: async (call) =>
      ({ payment_id: (await paymentFor(call)).id, body: { reason: 'Cheque returned NSF' } }) satisfies ChannelRequest<'db:payments:reverse'>,
    invalid: { payment_id: 1, body: { reversed_on: 'yesterday', reason: 'x' } },
    invalidField: 'body.reversed_on',
  },
};
