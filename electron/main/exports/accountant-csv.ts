// The accountant's CSV: main picks the path in a native save dialog, the backend writes a period's invoices,
// credit notes and payments there (under a temporary name, then renamed: whole or not at all).
import { randomUUID } from 'node:crypto';
import { ACCOUNTANT_CSV_CHANNEL, type AccountantCsvRequest, type AccountantCsvResult } from '../../shared/accountant-csv-channels';
import type { AppChannel } from '../bridge/app-channel-handlers';
import type { Transport } from '../bridge/http-transport';
import { MainRefusal } from '../bridge/ipc-envelope';
import type { JsonSchema } from '../bridge/manifest';
import type { SaveDialog } from '../files/save-dialog';
import type { Logger } from '../log/json-logger';

// Main alone calls this route (no db: channel): the path comes from the save dialog.
const ACCOUNTANT_CSV_PATH = '/api/v1/billing/accountant-csv';

const day: JsonSchema = { type: 'string', pattern: '^(19[0-9]{2}|2[01][0-9]{2}|2200)-\\d{2}-\\d{2}$' };
const count: JsonSchema = { type: 'integer', minimum: 0 };
const requestSchema: JsonSchema = {
  type: 'object',
  properties: { start: day, end: day },
  required: ['start', 'end'],
  additionalProperties: false,
};
const resultSchema: JsonSchema = {
  oneOf: [
    { type: 'object', properties: { saved: { const: false } }, required: ['saved'], additionalProperties: false },
    {
      type: 'object',
      properties: { saved: { const: true }, path: { type: 'string' }, rows: count, invoices: count, creditNotes: count, payments: count },
      required: ['saved', 'path', 'rows', 'invoices', 'creditNotes', 'payments'],
      additionalProperties: false,
    },
  ],
};

interface BackendCsv {
  file: string;
  rows: number;
  invoices: number;
  credit_notes: number;
  payments: number;
}

export function createAccountantCsvExport(options: { transport: Transport; dialog: SaveDialog; log: Logger }): (request: AccountantCsvRequest) => Promise<AccountantCsvResult> {
  const { transport, dialog, log } = options;
  return async (request) => {
    const path = await dialog.choosePath({
      title: 'Save invoices and payments for the accountant',
      defaultName: `invoices-and-payments-${request.start}-to-${request.end}.csv`,
      filters: [{ name: 'CSV file', extensions: ['csv'] }],
    });
    if (path === undefined) return { saved: false };
    const body = { start: request.start, end: request.end, file: path };
    const response = await transport.request({ method: 'POST', pathTemplate: ACCOUNTANT_CSV_PATH, body, requestId: randomUUID(), signal: AbortSignal.timeout(300_000) });
    if (response.status !== 201) {
      const refusal = (response.body ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> };
      log.warn('accountant_csv.refused', { status: response.status, code: refusal.code });
      throw new MainRefusal(refusal.code ?? 'billing.csv_failed', refusal.message ?? 'The accountant’s file could not be written.', refusal.details);
    }
    const made = response.body as BackendCsv;
    log.info('accountant_csv.written', { rows: made.rows });
    return { saved: true, path: made.file, rows: made.rows, invoices: made.invoices, creditNotes: made.credit_notes, payments: made.payments };
  };
}

export function createAccountantCsvChannels(exportCsv: (request: AccountantCsvRequest) => Promise<AccountantCsvResult>): Record<string, AppChannel> {
  return {
    [ACCOUNTANT_CSV_CHANNEL]: { request: requestSchema, response: resultSchema, answer: (payload) => exportCsv(payload as unknown as AccountantCsvRequest) },
  };
}
