// The audit log as a CSV a person reads in a spreadsheet: main picks the path in a native save dialog, and the
// backend writes the entries the screen's filters show there, a page at a time (under a temporary name, then
// renamed: whole or not at all).
import { randomUUID } from 'node:crypto';
import { AUDIT_CSV_CHANNEL, type AuditCsvRequest, type AuditCsvResult } from '../../shared/audit-csv-channels';
import type { AppChannel } from '../bridge/app-channel-handlers';
import type { Transport } from '../bridge/http-transport';
import { MainRefusal } from '../bridge/ipc-envelope';
import type { JsonSchema, Manifest } from '../bridge/manifest';
import type { SaveDialog } from '../files/save-dialog';
import type { Logger } from '../log/json-logger';

// Main alone calls this route (no db: channel): the path comes from the save dialog.
const AUDIT_CSV_PATH = '/api/v1/audit/csv';

const resultSchema: JsonSchema = {
  oneOf: [
    { type: 'object', properties: { saved: { const: false } }, required: ['saved'], additionalProperties: false },
    {
      type: 'object',
      properties: { saved: { const: true }, path: { type: 'string' }, rows: { type: 'integer', minimum: 0 } },
      required: ['saved', 'path', 'rows'],
      additionalProperties: false,
    },
  ],
};

/** The same filters db:audit:history takes, with the same limits: taken from its request schema in the manifest. */
function requestSchema(manifest: Manifest): JsonSchema {
  const history = manifest.channels['db:audit:history']?.request as { properties?: Record<string, JsonSchema> } | undefined;
  const query = history?.properties ?? {};
  const keep = ['from', 'to', 'person', 'entity', 'q', 'student_id'];
  const properties = Object.fromEntries(keep.filter((name) => query[name]).map((name) => [name, query[name]!]));
  return { type: 'object', properties, additionalProperties: false };
}

interface BackendCsv {
  file: string;
  rows: number;
}

export function createAuditCsvExport(options: { transport: Transport; dialog: SaveDialog; log: Logger; now?: () => Date }): (request: AuditCsvRequest) => Promise<AuditCsvResult> {
  const { transport, dialog, log } = options;
  const now = options.now ?? (() => new Date());
  return async (request) => {
    const path = await dialog.choosePath({
      title: 'Save the audit log as a spreadsheet',
      defaultName: `audit-log-${now().toISOString().slice(0, 10)}.csv`,
      filters: [{ name: 'CSV file', extensions: ['csv'] }],
    });
    if (path === undefined) return { saved: false };
    const body = { ...request, file: path };
    const response = await transport.request({ method: 'POST', pathTemplate: AUDIT_CSV_PATH, body, requestId: randomUUID(), signal: AbortSignal.timeout(300_000) });
    if (response.status !== 201) {
      const refusal = (response.body ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> };
      log.warn('audit_csv.refused', { status: response.status, code: refusal.code });
      throw new MainRefusal(refusal.code ?? 'audit.csv_failed', refusal.message ?? 'The audit log’s CSV could not be written.', refusal.details);
    }
    const made = response.body as BackendCsv;
    log.info('audit_csv.written', { rows: made.rows });
    return { saved: true, path: made.file, rows: made.rows };
  };
}

export function createAuditCsvChannels(manifest: Manifest, exportCsv: (request: AuditCsvRequest) => Promise<AuditCsvResult>): Record<string, AppChannel> {
  return {
    [AUDIT_CSV_CHANNEL]: { request: requestSchema(manifest), response: resultSchema, answer: (payload) => exportCsv(payload as unknown as AuditCsvRequest) },
  };
}
