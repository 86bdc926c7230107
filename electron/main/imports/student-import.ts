// Import students from a spreadsheet: main picks the file in a native open dialog and keeps it, the
// backend previews and imports it. The renderer never names a path: "import" means the file previewed last.
import { randomUUID } from 'node:crypto';
import type { ImportPreview, ImportPreviewResult, ImportResult } from '../../shared/app-channels';
import type { Transport } from '../bridge/http-transport';
import { MainRefusal } from '../bridge/ipc-envelope';
import type { SaveDialog } from '../files/save-dialog';
import type { Logger } from '../log/json-logger';

// Main alone calls these routes (no IPC channel): the file comes from the open dialog.
const PREVIEW_PATH = '/api/v1/system/imports/students/preview';
const IMPORT_PATH = '/api/v1/system/imports/students';
// The preview saves nothing, so it may give up; the import itself is never abandoned half way by main
// (the backend would still commit while the desk was told "nothing was imported").
const PREVIEW_TIMEOUT_MS = 120_000;

export interface StudentImport {
  preview(): Promise<ImportPreviewResult>;
  run(): Promise<ImportResult>;
}

export function createStudentImport(options: { transport: Transport; dialog: SaveDialog; log: Logger }): StudentImport {
  const { transport, dialog, log } = options;
  let previewed: string | undefined;

  const post = async <T>(path: string, file: string, options: { timeoutMs?: number; idempotencyKey?: string } = {}): Promise<T> => {
    const response = await transport.request({
      method: 'POST',
      pathTemplate: path,
      body: { file },
      requestId: randomUUID(),
      ...(options.timeoutMs ? { signal: AbortSignal.timeout(options.timeoutMs) } : {}),
      ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}),
    });
    if (response.status !== 200) {
      const body = (response.body ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> };
      log.warn('import.refused', { status: response.status, code: body.code });
      throw new MainRefusal(body.code ?? 'import.failed', body.message ?? 'The file could not be imported.', body.details);
    }
    return response.body as T;
  };

  return {
    preview: async () => {
      const file = await dialog.chooseFile({
        title: 'Choose the spreadsheet of students',
        filters: [{ name: 'Spreadsheets', extensions: ['csv', 'xlsx', 'txt'] }],
      });
      if (file === undefined) return { chosen: false };
      const preview = await post<ImportPreview>(PREVIEW_PATH, file, { timeoutMs: PREVIEW_TIMEOUT_MS });
      previewed = file;
      return { chosen: true, preview };
    },
    run: async () => {
      const file = previewed;
      if (file === undefined) {
        throw new MainRefusal('import.nothing_chosen', 'Choose the spreadsheet first, and check its preview.', { field: 'file', rule: 'previewed_first' });
      }
      // Keyed: should the answer be lost and the call sent again, the backend replays it, never imports twice.
      const result = await post<ImportResult>(IMPORT_PATH, file, { idempotencyKey: randomUUID() });
      previewed = undefined;
      log.info('import.done', { imported: result.imported, alreadyOnFile: result.already_on_file, problems: result.problems_total });
      return result;
    },
  };
}
