// Export everything: main picks the zip's path in a native save dialog, the backend writes one CSV per
// table and a manifest (row counts, checksums) there, whole or not at all.
import { randomUUID } from 'node:crypto';
import type { ExportAllResult } from '../../shared/app-channels';
import type { Transport } from '../bridge/http-transport';
import { MainRefusal } from '../bridge/ipc-envelope';
import type { SaveDialog } from '../files/save-dialog';
import type { Logger } from '../log/json-logger';

// Main alone calls this route (no IPC channel): the path comes from the save dialog.
const EXPORT_PATH = '/api/v1/system/exports';

interface BackendExport {
  file: string;
  bytes: number;
  tables: { rows: number }[];
}

export function createExportEverything(options: { transport: Transport; dialog: SaveDialog; log: Logger; now?: () => Date }): () => Promise<ExportAllResult> {
  const { transport, dialog, log } = options;
  const now = options.now ?? (() => new Date());
  return async () => {
    const path = await dialog.choosePath({
      title: 'Export every record',
      defaultName: `odsm-export-${now().toISOString().slice(0, 10)}.zip`,
      filters: [{ name: 'Zip of CSV files', extensions: ['zip'] }],
    });
    if (path === undefined) return { saved: false };
    const response = await transport.request({ method: 'POST', pathTemplate: EXPORT_PATH, body: { file: path }, requestId: randomUUID(), signal: AbortSignal.timeout(300_000) });
    if (response.status !== 201) {
      const body = (response.body ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> };
      log.warn('export.refused', { status: response.status, code: body.code });
      throw new MainRefusal(body.code ?? 'export.failed', body.message ?? 'The export could not be written.', body.details);
    }
    const made = response.body as BackendExport;
    const rows = made.tables.reduce((sum, table) => sum + table.rows, 0);
    log.info('export.written', { tables: made.tables.length, rows });
    return { saved: true, path: made.file, bytes: made.bytes, tables: made.tables.length, rows };
  };
}
