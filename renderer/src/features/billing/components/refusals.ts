import { fieldErrorsOf, normaliseFieldPath, VALIDATION_FAILED } from '../../../lib/field-errors';
import { isOdsmError } from '../../../lib/odsm';
import { formatDate } from '../../../lib/dates';
import { money } from './money';

type Details = Record<string, unknown>;

function cents(details: Details, key: string): string {
  const value = details[key];
  return typeof value === 'number' ? money(value) : '';
}

function day(details: Details, key: string): string {
  const value = details[key];
  return typeof value === 'string' ? formatDate(value) : '';
}

/**
 * Each money refusal in the words of the front desk, with the figures its details carry (backend
 * features/billing/errors.py). A code not listed here keeps the backend's own sentence.
 */
const WORDS: Record<string, (details: Details) => string> = {
  'payment.exceeds_invoice_balance': (d) => `That invoice still owes only ${cents(d, 'owing_cents')}: ${cents(d, 'amount_cents')} can’t go on it. Put the rest on another invoice or leave it as credit.`,
  'payment.allocations_exceed_payment': (d) => `The amounts placed on invoices (${cents(d, 'allocated_cents')}) add up to more than the payment (${cents(d, 'payment_cents')}).`,
  'payment.other_students_invoice': () => 'That invoice belongs to another student: a payment can only go on this student’s own invoices.',
  'invoice.not_issued': () => 'That invoice is still a draft: issue it first, then it can be paid or credited.',
  'invoice.issued_immutable': (d) => `${typeof d.number === 'string' ? `Invoice ${d.number}` : 'This invoice'} has been issued and can’t be changed. Credit it instead.`,
  'invoice.empty': () => 'This invoice has no line with an amount, so there is nothing to issue.',
  'invoice.version_conflict': () => 'Someone else changed this invoice a moment ago. The list now shows the latest: try again.',
  'invoice.not_found': () => 'That invoice no longer exists.',
  'payment.not_found': () => 'That payment no longer exists.',
  'student.not_found': () => 'This student no longer exists.',
  'credit_note.exceeds_invoice': (d) =>
    `At most ${cents(d, 'most_cents')}, tax included, can still be credited on this invoice: it totals ${cents(d, 'invoice_total_cents')} and ${cents(d, 'already_credited_cents')} is already credited.`,
  'credit_note.of_credit_note': () => 'A credit note can’t be credited: credit the invoice it corrects.',
  'fee.already_credited': () => 'This fee has already been waived or credited.',
  'fee.not_a_fee': () => 'Only a late-cancel or no-show fee can be waived. Credit other invoices instead.',
  'refund.exceeds_paid': (d) =>
    `At most ${cents(d, 'most_cents')} of this payment is left to give back: ${cents(d, 'paid_cents')} was paid and ${cents(d, 'already_refunded_cents')} already refunded.`,
  'refund.not_a_payment': () => 'Only a payment can be refunded or reversed, not a refund or a reversal.',
  'account.no_credit': () => 'There is no credit on the account to apply, or nothing is owing.',
  'money.future_date': (d) => `The date can’t be after today (${day(d, 'today')}).`,
  'money.backdate_needs_reason': (d) => `${day(d, 'date')} is further back than the school allows without a reason: say why it is entered late.`,
  'money.reason_required': () => 'Say why: the reason is kept in the audit log.',
  'product.inactive': () => 'That product is no longer sold.',
  'product.not_found': () => 'That product no longer exists.',
  'product.version_conflict': () => 'Someone else changed this price a moment ago. The latest is shown now: check it and save again.',
  'billing_settings.version_conflict': () => 'Someone else changed the billing settings a moment ago. The latest are shown now: check them and save again.',
  permission_denied: () => 'Your account may not do this: refunds, reversals and credit notes are the school owner’s. Ask the owner.',
};

/** A money refusal in words; any other failure in its own message. */
export function refusalWords(error: unknown): string {
  if (!isOdsmError(error)) return error instanceof Error ? error.message : String(error);
  const words = WORDS[error.code];
  const details = typeof error.details === 'object' && error.details !== null ? (error.details as Details) : {};
  return words ? words(details) : error.message;
}

export type Problems = {
  /** The words for each field the form shows, by the request's field path. */
  byField: Record<string, string>;
  /** What belongs to no field on the form, for a banner. */
  general: string[];
};

/**
 * A failed save, split between the form's fields and a banner: `validation_failed` names its fields,
 * and a money rule names one in `details.field` (allocations.0.amount_cents, reason, received_on).
 */
export function problemsOf(error: unknown, formFields: readonly string[], fieldOf: (path: string) => string = (path) => path): Problems {
  const out: Problems = { byField: {}, general: [] };
  if (!error) return out;
  if (isOdsmError(error) && error.code === VALIDATION_FAILED) {
    const fields = fieldErrorsOf(error, []);
    for (const problem of fields.unplaced) {
      const field = fieldOf(problem.field);
      if (formFields.includes(field)) out.byField[field] ??= problem.message;
      else out.general.push(`${problem.field}: ${problem.message}`);
    }
    if (out.general.length === 0 && Object.keys(out.byField).length === 0) out.general = [error.message];
    return out;
  }
  const details = isOdsmError(error) && typeof error.details === 'object' && error.details !== null ? (error.details as Details) : {};
  const field = typeof details.field === 'string' ? fieldOf(normaliseFieldPath(details.field)) : null;
  if (field && formFields.includes(field)) out.byField[field] = refusalWords(error);
  else out.general = [refusalWords(error)];
  return out;
}
