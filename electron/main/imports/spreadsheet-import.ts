// Import students, instructors or vehicles from a spreadsheet: main picks the file in a native open dialog
// and keeps it, the backend previews and imports it. The renderer never names a path: "import" means the
// file previewed last, with the column mapping previewed last, and only if the file's bytes are still the
// ones previewed (the backend compares the preview's sha256). While the import runs, main asks the backend
// how far it has got (by a token it gave the run), for the renderer's progress bar.
import { randomUUID } from 'node:crypto';
import type { ImportKind, ImportPreview, ImportPreviewResult, ImportProgress, ImportResult } from '../../shared/app-channels';
import type { Transport } from '../bridge/http-transport';
import { MainRefusal } from '../bridge/ipc-envelope';
import type { SaveDialog } from '../files/save-dialog';
import type { Logger } from '../log/json-logger';

// Main alone calls these routes (no IPC channel): the file comes from the open dialog.
const previewPath = (kind: ImportKind) => `/api/v1/system/imports/${kind}/preview`;
const runPath = (kind: ImportKind) => `/api/v1/system/imports/${kind}`;
const PROGRESS_PATH = '/api/v1/system/imports/progress/{token}';
// The preview saves nothing, so it may give up; the import itself is never abandoned half way by main
// (the backend would still commit while the desk was told "nothing was imported").
const PREVIEW_TIMEOUT_MS = 120_000;
const PROGRESS_TIMEOUT_MS = 5_000;

const DIALOG_TITLES: Record<ImportKind, string> = {
  students: 'Choose the spreadsheet of students',
  instructors: 'Choose the spreadsheet of instructors',
  vehicles: 'Choose the spreadsheet of vehicles',
};

export interface SpreadsheetImport {
  /** The open dialog, then the backend's preview with the mapping guessed from the headings. */
  preview(kind: ImportKind): Promise<ImportPreviewResult>;
  /** The file previewed last, previewed again with the mapping the person chose (a field, or null to leave a column out). */
  remap(mapping: (string | null)[]): Promise<ImportPreview>;
  /** The file previewed last, imported with the mapping previewed last, if its bytes are unchanged. */
  run(): Promise<ImportResult>;
  /** How far the running import has got; idle when none runs. */
  progress(): Promise<ImportProgress>;
}

interface Previewed {
  kind: ImportKind;
  file: string;
  mapping: (string | null)[];
  sha256: string;
}

const IDLE: ImportProgress = { running: false, phase: 'idle', done: 0, total: 0 };

export function createSpreadsheetImport(options: { transport: Transport; dialog: SaveDialog; log: Logger }): SpreadsheetImport {
  const { transport, dialog, log } = options;
  let previewed: Previewed | undefined;
  let running: string | undefined;

  const refusal = (status: number, body: unknown): MainRefusal => {
    const b = (body ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> };
    log.warn('import.refused', { status, code: b.code });
    return new MainRefusal(b.code ?? 'import.failed', b.message ?? 'The file could not be imported.', b.details);
  };

  const post = async <T>(path: string, body: Record<string, unknown>, options: { timeoutMs?: number; idempotencyKey?: string } = {}): Promise<T> => {
    const response = await transport.request({
      method: 'POST',
      pathTemplate: path,
      body,
      requestId: randomUUID(),
      ...(options.timeoutMs ? { signal: AbortSignal.timeout(options.timeoutMs) } : {}),
      ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}),
    });
    if (response.status !== 200) throw refusal(response.status, response.body);
    return response.body as T;
  };

  const keep = (kind: ImportKind, file: string, preview: ImportPreview): void => {
    previewed = { kind, file, mapping: preview.columns.map((c) => c.field), sha256: preview.sha256 };
  };

  const nothingChosen = () => new MainRefusal('import.nothing_chosen', 'Choose the spreadsheet first, and check its preview.', { field: 'file', rule: 'previewed_first' });

  return {
    preview: async (kind) => {
      const file = await dialog.chooseFile({ title: DIALOG_TITLES[kind], filters: [{ name: 'Spreadsheets', extensions: ['csv', 'xlsx', 'txt'] }] });
      if (file === undefined) return { chosen: false };
      const preview = await post<ImportPreview>(previewPath(kind), { file }, { timeoutMs: PREVIEW_TIMEOUT_MS });
      keep(kind, file, preview);
      return { chosen: true, preview };
    },
    remap: async (mapping) => {
      const last = previewed;
      if (last === undefined) throw nothingChosen();
      const preview = await post<ImportPreview>(previewPath(last.kind), { file: last.file, mapping }, { timeoutMs: PREVIEW_TIMEOUT_MS });
      keep(last.kind, last.file, preview);
      return preview;
    },
    run: async () => {
      const last = previewed;
      if (last === undefined) throw nothingChosen();
      if (running !== undefined) throw new MainRefusal('import.running', 'An import is already running: wait for it to finish.', { field: 'file', rule: 'one_at_a_time' });
      const token = randomUUID();
      running = token;
      try {
        // Keyed: should the answer be lost and the call sent again, the backend replays it, never imports twice.
        const result = await post<ImportResult>(
          runPath(last.kind),
          { file: last.file, mapping: last.mapping, expected_sha256: last.sha256, progress_token: token },
          { idempotencyKey: randomUUID() },
        );
        previewed = undefined;
        log.info('import.done', { kind: last.kind, imported: result.imported, alreadyOnFile: result.already_on_file, problems: result.problems_total });
        return result;
      } finally {
        running = undefined;
      }
    },
    progress: async () => {
      const token = running;
      if (token === undefined) return IDLE;
      const response = await transport.request({
        method: 'GET',
        pathTemplate: PROGRESS_PATH,
        pathParams: { token },
        requestId: randomUUID(),
        signal: AbortSignal.timeout(PROGRESS_TIMEOUT_MS),
      });
      // 404: the backend has not started on the file yet.
      if (response.status === 404) return { running: true, phase: 'reading', done: 0, total: 0 };
      if (response.status !== 200) throw refusal(response.status, response.body);
      const step = response.body as { phase: string; done: number; total: number };
      return { running: running === token, phase: step.phase, done: step.done, total: step.total };
    },
  };
}
