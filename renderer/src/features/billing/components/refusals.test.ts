import { describe, expect, it } from 'vitest';
import { OdsmError } from '../../../lib/odsm';
import { problemsOf, refusalWords } from './refusals';

const refusal = (code: string, details: Record<string, unknown>) => new OdsmError({ code, message: `backend words for ${code}`, details, requestId: 'r' });

describe('money refusals in front-desk words', () => {
  it('says how much can still be credited on an invoice', () => {
    const error = refusal('credit_note.exceeds_invoice', { invoice_id: 3, invoice_total_cents: 50850, already_credited_cents: 10000, this_credit_cents: 45000, most_cents: 40850 });
    expect(refusalWords(error)).toBe('At most $408.50, tax included, can still be credited on this invoice: it totals $508.50 and $100.00 is already credited.');
  });

  it('says how much of a payment is left to refund', () => {
    const error = refusal('refund.exceeds_paid', { field: 'amount_cents', paid_cents: 6000, already_refunded_cents: 1000, most_cents: 5000, amount_cents: 5500 });
    expect(refusalWords(error)).toBe('At most $50.00 of this payment is left to give back: $60.00 was paid and $10.00 already refunded.');
    expect(problemsOf(error, ['amount_cents', 'reason']).byField).toEqual({ amount_cents: refusalWords(error) });
  });

  it('puts a back-dated payment’s missing reason under the reason field', () => {
    const error = refusal('money.backdate_needs_reason', { field: 'reason', rule: 'backdate_reason', date_field: 'received_on', date: '2026-11-01', today: '2026-12-02', grace_hours: 48 });
    expect(problemsOf(error, ['reason']).byField.reason).toBe('Nov 1, 2026 is further back than the school allows without a reason: say why it is entered late.');
  });

  it('keeps the backend’s own sentence for a code it does not know, and validation problems under their fields', () => {
    expect(refusalWords(refusal('something.new', {}))).toBe('backend words for something.new');
    const invalid = new OdsmError({ code: 'validation_failed', message: 'Some fields are not valid.', details: { fields: [{ field: 'body.reference', rule: 'too_long', message: 'At most 100 characters.' }] }, requestId: 'r' });
    expect(problemsOf(invalid, ['reference'])).toEqual({ byField: { reference: 'At most 100 characters.' }, general: [] });
  });
});
