import type Ajv from 'ajv/dist/2020';

// The manifest's schemas come from pydantic and use these formats. ajv-formats is not a dependency,
// and three formats do not justify one; these follow RFC 3339 closely enough for a payload check,
// and the backend validates again anyway.
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function isDateTime(value: string): boolean {
  return DATE_TIME.test(value) && isDate(value.slice(0, 10));
}

export function addJsonFormats(ajv: Ajv): void {
  ajv.addFormat('date', { type: 'string', validate: isDate });
  ajv.addFormat('date-time', { type: 'string', validate: isDateTime });
  ajv.addFormat('email', { type: 'string', validate: (v: string) => EMAIL.test(v) });
}
