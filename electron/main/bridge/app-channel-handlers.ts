// The app:* channels that main answers itself. They carry JSON schemas like the manifest's, so the bridge
// puts them through the same sender check, payload check, envelope and log line as the db:* channels.
import {
  AUDIT_EXPORT_CHANNEL,
  BACKEND_STATUS_GET_CHANNEL,
  BACKUP_NOW_CHANNEL,
  BACKUP_PROGRESS_CHANNEL,
  BACKUP_RESTORE_CHANNEL,
  BACKUP_STATUS_CHANNEL,
  DIAGNOSTICS_CHANNEL,
  EXPORT_ALL_CHANNEL,
  IMPORT_CHOOSE_CHANNEL,
  IMPORT_PREVIEW_CHANNEL,
  IMPORT_PROGRESS_CHANNEL,
  IMPORT_REMAP_CHANNEL,
  IMPORT_RUN_CHANNEL,
  IMPORT_START_CHANNEL,
  importKinds,
  backendStates,
  type AuditExportResult,
  type BackendStatus,
  type BackupNowRequest,
  type BackupNowResult,
  type BackupProgress,
  type BackupStatus,
  type DiagnosticsReport,
  type ExportAllResult,
  type ImportKind,
  type ImportPreview,
  type ImportPreviewResult,
  type ImportProgress,
  type ImportResult,
  type RestoreResult,
} from '../../shared/app-channels';
import { DOCUMENT_PRINT_CHANNEL, DOCUMENT_SAVE_PDF_CHANNEL, documentKinds, paperSizes, type DocumentRequest, type PrintResult, type SavePdfResult } from '../../shared/documents';
import type { ChannelSchemas, JsonSchema, Manifest } from './manifest';

/** What each app channel answers; every caller of setupBridge supplies all of them. */
export interface AppChannelHandlers {
  /** app:backend-status:get: the backend's current state, for a screen that mounts after the last push. */
  backendStatus(): BackendStatus;
  /** app:audit:export: the audit log and main's anchored head, saved where the user picks. */
  exportAuditLog(): Promise<AuditExportResult>;
  /** app:diagnostics: main's figures and the backend's, for Help → Diagnostics. */
  diagnostics(): Promise<DiagnosticsReport>;
  /** app:backup:now: a checked copy of the school in the backup folder (picked in a native dialog). */
  backUpNow(request: BackupNowRequest): Promise<BackupNowResult>;
  /** app:backup:status: the folder and the last backup, for Home. */
  backupStatus(): Promise<BackupStatus>;
  /** app:backup:progress: where the running (or last) backup stands, for Home's progress bar. */
  backupProgress(): Promise<BackupProgress>;
  /** app:backup:restore: the school replaced by a checked backup the user picks (a native open dialog). */
  restoreBackup(): Promise<RestoreResult>;
  /** app:import:students:preview: a spreadsheet picked in a native open dialog, previewed. */
  previewStudentImport(): Promise<ImportPreviewResult>;
  /** app:import:students:run: the students of the spreadsheet previewed last, imported. */
  runStudentImport(): Promise<ImportResult>;
  /** app:import:preview: a spreadsheet of students, instructors or vehicles picked in a native open dialog, previewed. */
  previewImport(kind: ImportKind): Promise<ImportPreviewResult>;
  /** app:import:remap: the spreadsheet previewed last, previewed again with the mapping the person chose. */
  remapImport(mapping: (string | null)[]): Promise<ImportPreview>;
  /** app:import:run: the spreadsheet previewed last, imported with the mapping previewed last. */
  runImport(): Promise<ImportResult>;
  /** app:import:progress: how far the running import has got. */
  importProgress(): Promise<ImportProgress>;
  /** app:export:all: every record as a zip of CSV files, saved where the user picks. */
  exportEverything(): Promise<ExportAllResult>;
  /** app:document:save-pdf: a document's print layout as PDF, saved where the user picks. */
  saveDocumentPdf(request: DocumentRequest): Promise<SavePdfResult>;
  /** app:document:print: a document's print layout, sent to the printer. */
  printDocument(request: DocumentRequest): Promise<PrintResult>;
}

export interface AppChannel extends ChannelSchemas {
  /** Runs only after the sender and the payload have passed. */
  answer(payload: Record<string, unknown>): unknown;
}

const noPayload: JsonSchema = { type: 'object', properties: {}, additionalProperties: false };

/** BackendStatus in electron/shared/app-channels.ts, as JSON Schema. */
const backendStatusSchema: JsonSchema = {
  type: 'object',
  properties: {
    state: { enum: [...backendStates] },
    message: { type: 'string' },
    server: { type: 'string' },
    stderrTail: { type: 'array', items: { type: 'string' } },
    attempt: { type: 'integer', minimum: 0 },
    at: { type: 'string', format: 'date-time' },
  },
  required: ['state', 'at'],
  additionalProperties: false,
};

/** AuditExportResult in electron/shared/app-channels.ts, as JSON Schema. */
const auditExportSchema: JsonSchema = {
  oneOf: [
    { type: 'object', properties: { saved: { const: false } }, required: ['saved'], additionalProperties: false },
    {
      type: 'object',
      properties: {
        saved: { const: true },
        path: { type: 'string' },
        entries: { type: 'integer', minimum: 0 },
        chainOk: { type: 'boolean' },
        anchorEntryId: { type: ['integer', 'null'], minimum: 1 },
      },
      required: ['saved', 'path', 'entries', 'chainOk', 'anchorEntryId'],
      additionalProperties: false,
    },
  ],
};

/** LastBackup in electron/shared/app-channels.ts, as JSON Schema (the properties, to reuse). */
const lastBackupProperties: Record<string, JsonSchema> = {
  at: { type: 'string', format: 'date-time' },
  file: { type: 'string' },
  bytes: { type: 'integer', minimum: 0 },
  chainOk: { type: 'boolean' },
};
const lastBackupSchema: JsonSchema = { type: 'object', properties: lastBackupProperties, required: Object.keys(lastBackupProperties), additionalProperties: false };

const backupNowRequestSchema: JsonSchema = {
  type: 'object',
  properties: { chooseFolder: { type: 'boolean' } },
  additionalProperties: false,
};

const backupNowSchema: JsonSchema = {
  oneOf: [
    { type: 'object', properties: { saved: { const: false } }, required: ['saved'], additionalProperties: false },
    {
      type: 'object',
      properties: { saved: { const: true }, removed: { type: 'array', items: { type: 'string' } }, ...lastBackupProperties },
      required: ['saved', 'removed', ...Object.keys(lastBackupProperties)],
      additionalProperties: false,
    },
  ],
};

const backupProgressSchema: JsonSchema = {
  type: 'object',
  properties: {
    state: { enum: ['idle', 'copying', 'checking', 'done', 'failed'] },
    done: { type: 'integer', minimum: 0 },
    total: { type: 'integer', minimum: 0 },
  },
  required: ['state', 'done', 'total'],
  additionalProperties: false,
};

const backupStatusSchema: JsonSchema = {
  type: 'object',
  properties: {
    folder: { type: ['string', 'null'] },
    keep: { type: 'integer', minimum: 1 },
    last: { oneOf: [{ type: 'null' }, lastBackupSchema] },
    warnAfterDays: { type: 'integer', minimum: 1 },
    stale: { type: 'boolean' },
  },
  required: ['folder', 'keep', 'last', 'warnAfterDays', 'stale'],
  additionalProperties: false,
};

const restoreSchema: JsonSchema = {
  oneOf: [
    { type: 'object', properties: { restored: { const: false } }, required: ['restored'], additionalProperties: false },
    {
      type: 'object',
      properties: { restored: { const: true }, file: { type: 'string' }, safetyCopy: { type: 'string' } },
      required: ['restored', 'file', 'safetyCopy'],
      additionalProperties: false,
    },
  ],
};

const importProblemsSchema: JsonSchema = {
  type: 'array',
  items: {
    type: 'object',
    properties: { row: { type: 'integer', minimum: 0 }, field: { type: 'string' }, rule: { type: 'string' }, message: { type: 'string' } },
    required: ['row', 'field', 'rule', 'message'],
    additionalProperties: false,
  },
};
const count: JsonSchema = { type: 'integer', minimum: 0 };

const importKindSchema: JsonSchema = { enum: [...importKinds] };
// A field's name as the backend's schemas spell them (first_name, di_licence_number).
const fieldName: JsonSchema = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,39}$' };

/** ImportPreview in electron/shared/app-channels.ts, as JSON Schema. */
const importPreview: JsonSchema = {
  type: 'object',
  properties: {
    kind: importKindSchema,
    file: { type: 'string' },
    encoding: { type: ['string', 'null'] },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    columns: {
      type: 'array',
      items: { type: 'object', properties: { column: { type: 'string' }, field: { type: ['string', 'null'] } }, required: ['column', 'field'], additionalProperties: false },
    },
    fields: {
      type: 'array',
      items: { type: 'object', properties: { name: fieldName, required: { type: 'boolean' } }, required: ['name', 'required'], additionalProperties: false },
    },
    missing_fields: { type: 'array', items: fieldName },
    rows_total: count,
    rows_valid: count,
    rows_with_problems: count,
    problems: importProblemsSchema,
    problems_total: count,
    sample: { type: 'array', items: { type: 'object', additionalProperties: { type: ['string', 'null'] } } },
  },
  required: ['kind', 'file', 'encoding', 'sha256', 'columns', 'fields', 'missing_fields', 'rows_total', 'rows_valid', 'rows_with_problems', 'problems', 'problems_total', 'sample'],
  additionalProperties: false,
};

const importPreviewSchema: JsonSchema = {
  oneOf: [
    { type: 'object', properties: { chosen: { const: false } }, required: ['chosen'], additionalProperties: false },
    { type: 'object', properties: { chosen: { const: true }, preview: importPreview }, required: ['chosen', 'preview'], additionalProperties: false },
  ],
};

const importResultSchema: JsonSchema = {
  type: 'object',
  properties: { kind: importKindSchema, rows_total: count, imported: count, already_on_file: count, rows_with_problems: count, problems: importProblemsSchema, problems_total: count },
  required: ['kind', 'rows_total', 'imported', 'already_on_file', 'rows_with_problems', 'problems', 'problems_total'],
  additionalProperties: false,
};

const importChooseRequestSchema: JsonSchema = { type: 'object', properties: { kind: importKindSchema }, required: ['kind'], additionalProperties: false };
// As the backend bounds it: at most 200 columns, each a field or null (left out).
const importRemapRequestSchema: JsonSchema = {
  type: 'object',
  properties: { mapping: { type: 'array', maxItems: 200, items: { oneOf: [fieldName, { type: 'null' }] } } },
  required: ['mapping'],
  additionalProperties: false,
};
const importProgressSchema: JsonSchema = {
  type: 'object',
  properties: { running: { type: 'boolean' }, phase: { enum: ['idle', 'reading', 'checking', 'saving', 'done'] }, done: count, total: count },
  required: ['running', 'phase', 'done', 'total'],
  additionalProperties: false,
};

const exportAllSchema: JsonSchema = {
  oneOf: [
    { type: 'object', properties: { saved: { const: false } }, required: ['saved'], additionalProperties: false },
    {
      type: 'object',
      properties: { saved: { const: true }, path: { type: 'string' }, bytes: count, tables: count, rows: count },
      required: ['saved', 'path', 'bytes', 'tables', 'rows'],
      additionalProperties: false,
    },
  ],
};

/** DocumentRequest in electron/shared/documents.ts: a kind and a record id, never a path. */
const documentRequestSchema: JsonSchema = {
  type: 'object',
  properties: { kind: { enum: [...documentKinds] }, id: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER }, paper: { enum: [...paperSizes] } },
  required: ['kind', 'id'],
  additionalProperties: false,
};
const savePdfSchema: JsonSchema = {
  oneOf: [
    { type: 'object', properties: { saved: { const: false } }, required: ['saved'], additionalProperties: false },
    { type: 'object', properties: { saved: { const: true }, path: { type: 'string' }, bytes: count }, required: ['saved', 'path', 'bytes'], additionalProperties: false },
  ],
};
const printSchema: JsonSchema = { type: 'object', properties: { printed: { type: 'boolean' } }, required: ['printed'], additionalProperties: false };

const timingSchema = (extra: Record<string, JsonSchema> = {}): JsonSchema => ({
  type: 'object',
  properties: { count: { type: 'integer', minimum: 0 }, p50_ms: { type: ['number', 'null'] }, p95_ms: { type: ['number', 'null'] }, ...extra },
  required: ['count', 'p50_ms', 'p95_ms', ...Object.keys(extra)],
  additionalProperties: false,
});

/** DiagnosticsReport in electron/shared/app-channels.ts; the backend's part is the manifest's own schema. */
function diagnosticsSchema(manifest: Manifest): JsonSchema {
  // The backend's schema refers to its own $defs from its root: they move to this schema's root.
  const { $defs, ...backend } = (manifest.channels['db:system:diagnostics']?.response ?? { type: 'object' }) as JsonSchema & { $defs?: JsonSchema };
  return {
    ...($defs ? { $defs } : {}),
    type: 'object',
    properties: {
      ipc: timingSchema({ failures: { type: 'integer', minimum: 0 } }),
      breaker: {
        type: 'object',
        properties: { state: { enum: ['closed', 'open'] }, openings: { type: 'integer', minimum: 0 } },
        required: ['state', 'openings'],
        additionalProperties: false,
      },
      backendState: { enum: [...backendStates] },
      backendRestarts: { type: ['integer', 'null'], minimum: 0 },
      logsDir: { type: ['string', 'null'] },
      backend: { oneOf: [{ type: 'null' }, backend] },
      lastBackup: {
        oneOf: [
          { type: 'null' },
          {
            type: 'object',
            properties: { at: lastBackupProperties.at!, bytes: lastBackupProperties.bytes!, chainOk: lastBackupProperties.chainOk! },
            required: ['at', 'bytes', 'chainOk'],
            additionalProperties: false,
          },
        ],
      },
      collectedAt: { type: 'string', format: 'date-time' },
    },
    required: ['ipc', 'breaker', 'backendState', 'backendRestarts', 'logsDir', 'backend', 'lastBackup', 'collectedAt'],
    additionalProperties: false,
  };
}

export function createAppChannels(handlers: AppChannelHandlers, manifest: Manifest): Record<string, AppChannel> {
  return {
    [DIAGNOSTICS_CHANNEL]: { request: noPayload, response: diagnosticsSchema(manifest), answer: () => handlers.diagnostics() },
    [BACKEND_STATUS_GET_CHANNEL]: { request: noPayload, response: backendStatusSchema, answer: () => handlers.backendStatus() },
    [AUDIT_EXPORT_CHANNEL]: { request: noPayload, response: auditExportSchema, answer: () => handlers.exportAuditLog() },
    [BACKUP_NOW_CHANNEL]: { request: backupNowRequestSchema, response: backupNowSchema, answer: (payload) => handlers.backUpNow(payload as BackupNowRequest) },
    [BACKUP_STATUS_CHANNEL]: { request: noPayload, response: backupStatusSchema, answer: () => handlers.backupStatus() },
    [BACKUP_PROGRESS_CHANNEL]: { request: noPayload, response: backupProgressSchema, answer: () => handlers.backupProgress() },
    [BACKUP_RESTORE_CHANNEL]: { request: noPayload, response: restoreSchema, answer: () => handlers.restoreBackup() },
    [IMPORT_PREVIEW_CHANNEL]: { request: noPayload, response: importPreviewSchema, answer: () => handlers.previewStudentImport() },
    [IMPORT_RUN_CHANNEL]: { request: noPayload, response: importResultSchema, answer: () => handlers.runStudentImport() },
    [IMPORT_CHOOSE_CHANNEL]: { request: importChooseRequestSchema, response: importPreviewSchema, answer: (payload) => handlers.previewImport(payload.kind as ImportKind) },
    [IMPORT_REMAP_CHANNEL]: { request: importRemapRequestSchema, response: importPreview, answer: (payload) => handlers.remapImport(payload.mapping as (string | null)[]) },
    [IMPORT_START_CHANNEL]: { request: noPayload, response: importResultSchema, answer: () => handlers.runImport() },
    [IMPORT_PROGRESS_CHANNEL]: { request: noPayload, response: importProgressSchema, answer: () => handlers.importProgress() },
    [EXPORT_ALL_CHANNEL]: { request: noPayload, response: exportAllSchema, answer: () => handlers.exportEverything() },
    [DOCUMENT_SAVE_PDF_CHANNEL]: { request: documentRequestSchema, response: savePdfSchema, answer: (payload) => handlers.saveDocumentPdf(payload as unknown as DocumentRequest) },
    [DOCUMENT_PRINT_CHANNEL]: { request: documentRequestSchema, response: printSchema, answer: (payload) => handlers.printDocument(payload as unknown as DocumentRequest) },
  };
}
