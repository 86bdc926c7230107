/**
 * Maps a `validation_failed` error's `details.fields` onto form fields.
 *
 * The backend names a field by its path inside the request body (`licence_number`); the main-process
 * schema check may name it with the channel payload's `body` prefix (`body.licence_number` or
 * `/body/licence_number`). Both land on the same form field.
 */
import { isOdsmError } from './odsm';

export type FieldProblem = {
  field: string;
  rule: string;
  message: string;
  /** An example of the expected format, e.g. `A1234-56789-01234` for a licence number. */
  format?: string;
};

export type FieldErrors = {
  byField: Record<string, FieldProblem>;
  /** Problems whose field the form does not show; the form lists them in its error banner. */
  unplaced: FieldProblem[];
};

export const VALIDATION_FAILED = 'validation_failed';

export function normaliseFieldPath(path: string): string {
  const parts = path.split(/[./]/).filter((part) => part.length > 0);
  if (parts[0] === 'body') parts.shift();
  return parts.join('.');
}

function asProblem(raw: unknown): FieldProblem | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const entry = raw as Record<string, unknown>;
  if (typeof entry.field !== 'string') return null;
  return {
    field: normaliseFieldPath(entry.field),
    rule: typeof entry.rule === 'string' ? entry.rule : 'invalid',
    message: typeof entry.message === 'string' ? entry.message : 'This value is not valid.',
    ...(typeof entry.format === 'string' ? { format: entry.format } : {}),
  };
}

/**
 * Empty unless `error` is an OdsmError with one of `codes` (`validation_failed` unless told; a feature adds
 * its own rule codes whose details name fields the same way). The first problem per field wins.
 */
export function fieldErrorsOf(error: unknown, formFields: readonly string[], codes: readonly string[] = [VALIDATION_FAILED]): FieldErrors {
  const result: FieldErrors = { byField: {}, unplaced: [] };
  if (!isOdsmError(error) || !codes.includes(error.code)) return result;
  const details = error.details as { fields?: unknown } | undefined;
  const fields = Array.isArray(details?.fields) ? details.fields : [];
  for (const raw of fields) {
    const problem = asProblem(raw);
    if (!problem) continue;
    if (formFields.includes(problem.field)) {
      result.byField[problem.field] ??= problem;
    } else {
      result.unplaced.push(problem);
    }
  }
  return result;
}
