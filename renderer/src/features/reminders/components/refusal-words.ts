// A refusal from the backend (or main) placed under the field it names, in words the front desk reads.
// validation_failed names its fields in details.fields; the reminders' own refusals name one in details.field.
import { fieldErrorsOf, type FieldProblem } from '../../../lib/field-errors';
import { isOdsmError } from '../../../lib/odsm';
import { FIELD_REFUSALS } from '../types';
import { MESSAGES } from './reminder-settings-values';

type Details = { field?: unknown; name?: unknown; line?: unknown; problem?: unknown; allowed?: unknown };

function wordsFor(code: string, details: Details, fallback: string): string {
  switch (code) {
    case 'reminders.tls_required_for_login':
      return MESSAGES.tlsForLogin;
    case 'reminders.gateway_pattern_invalid':
      return MESSAGES.gatewayPattern;
    case 'reminders.template_unknown_field': {
      const allowed = Array.isArray(details.allowed) ? details.allowed.map((name) => `{{ ${String(name)} }}`).join(', ') : '';
      const where = typeof details.line === 'number' ? ` (line ${details.line})` : '';
      return `This reminder has no field called “${String(details.name ?? '?')}”${where}.${allowed ? ` Use one of: ${allowed}.` : ''}`;
    }
    case 'reminders.template_syntax': {
      const where = typeof details.line === 'number' ? `Line ${details.line}` : 'The wording';
      return `${where} can't be read: a {{ or {% is not closed, or a word inside one is mistyped.`;
    }
    default:
      return fallback;
  }
}

/** Each form field's problem from a failed save; `unplaced` holds those naming no field the form shows. */
export function refusalsByField(error: unknown, fields: readonly string[]): { byField: Record<string, string>; unplaced: FieldProblem[] } {
  const byField: Record<string, string> = {};
  if (!isOdsmError(error)) return { byField, unplaced: [] };
  if ((FIELD_REFUSALS as readonly string[]).includes(error.code)) {
    const details = (error.details ?? {}) as Details;
    const field = typeof details.field === 'string' ? details.field : '';
    const message = wordsFor(error.code, details, error.message);
    if (fields.includes(field)) byField[field] = message;
    return { byField, unplaced: fields.includes(field) ? [] : [{ field, rule: error.code, message }] };
  }
  const placed = fieldErrorsOf(error, fields);
  for (const [field, problem] of Object.entries(placed.byField)) byField[field] = problem.message;
  return { byField, unplaced: placed.unplaced };
}

/** Whether the refusal is about a field (shown beside it) rather than something to say in a banner. */
export function isFieldRefusal(error: unknown): boolean {
  return isOdsmError(error) && (error.code === 'validation_failed' || (FIELD_REFUSALS as readonly string[]).includes(error.code));
}
