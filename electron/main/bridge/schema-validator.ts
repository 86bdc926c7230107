import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { addJsonFormats } from './json-formats';
import type { ChannelSchemas, JsonSchema } from './manifest';

export interface FieldIssue {
  /** Dotted path into the IPC payload, e.g. "body.first_name" or "student_id". */
  field: string;
  /** The JSON Schema keyword that failed: required, type, maxLength, format, additionalProperties... */
  rule: string;
  message: string;
}

export type ValidationOutcome = { valid: true } | { valid: false; fields: FieldIssue[] };

export interface SchemaValidator {
  validateRequest(channel: string, payload: unknown): ValidationOutcome;
  validateResponse(channel: string, data: unknown): ValidationOutcome;
  /** A failed envelope's `error` against the manifest's errorSchema: the shape the renderer branches on. */
  validateError(error: unknown): ValidationOutcome;
}

function fieldOf(error: ErrorObject): string {
  const parts = error.instancePath.split('/').filter(Boolean).map(unescapePointer);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') parts.push(params.missingProperty);
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    parts.push(params.additionalProperty);
  }
  return parts.join('.');
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** One issue per field: a nullable field (anyOf string|null) fails every branch, and the first says it best. */
function toFieldIssues(errors: ErrorObject[]): FieldIssue[] {
  const byField = new Map<string, FieldIssue>();
  for (const error of errors) {
    const field = fieldOf(error);
    if (byField.has(field)) continue;
    byField.set(field, { field, rule: error.keyword, message: error.message ?? 'is not valid' });
  }
  return [...byField.values()];
}

export function createSchemaValidator(channels: Record<string, ChannelSchemas>, errorSchema: JsonSchema): SchemaValidator {
  // strict: false because pydantic emits annotations such as "title" alongside $ref. That also turns
  // strictNumbers off, so it is turned back on: Ajv would pass NaN and ±Infinity as numbers, and JSON
  // would then send null, a value other than the one checked.
  const ajv = new Ajv2020({ allErrors: true, strict: false, strictNumbers: true });
  addJsonFormats(ajv);
  const requests = new Map<string, ValidateFunction>();
  const responses = new Map<string, ValidateFunction>();
  // Compile everything up front, so a bad schema fails at start-up and not on the first click.
  for (const [name, schemas] of Object.entries(channels)) {
    requests.set(name, ajv.compile(schemas.request));
    responses.set(name, ajv.compile(schemas.response));
  }
  const validateError = ajv.compile(errorSchema);
  const check = (validate: ValidateFunction, value: unknown): ValidationOutcome =>
    validate(value) ? { valid: true } : { valid: false, fields: toFieldIssues(validate.errors ?? []) };
  const run = (table: Map<string, ValidateFunction>, channel: string, value: unknown): ValidationOutcome => {
    const validate = table.get(channel);
    if (!validate) return { valid: false, fields: [{ field: '', rule: 'channel', message: `unknown channel ${channel}` }] };
    return check(validate, value);
  };
  return {
    validateRequest: (channel, payload) => run(requests, channel, payload),
    validateResponse: (channel, data) => run(responses, channel, data),
    validateError: (error) => check(validateError, error),
  };
}
