// Documents (inspector packet, progress report, invoice, receipt, statement, and next certificates): one mechanism.
// The renderer lays each one out for print on its own route; main renders that route to PDF behind a native
// save dialog, or sends it to the printer. The renderer names a document (its kind and record id), never a file.

/** The renderer asks main to save a document as PDF where the user picks (main's save dialog). */
export const DOCUMENT_SAVE_PDF_CHANNEL = 'app:document:save-pdf';
/** The renderer asks main to print a document (the system's print dialog), from the same layout. */
export const DOCUMENT_PRINT_CHANNEL = 'app:document:print';

/** Each kind has a print layout in renderer/src/features/documents and a file name below. */
export const documentKinds = ['inspector-packet', 'progress-report', 'invoice', 'receipt', 'statement', 'certificate', 'cash-up'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** A cash-up is about a day, not a record: its id is the day as YYYYMMDD ("2026-12-02" -> 20261202). */
export function cashUpDocumentId(day: string): number {
  return Number(day.replaceAll('-', ''));
}

/** The day a cash-up's id names (20261202 -> "2026-12-02"); undefined for an id that is not a day. */
export function cashUpDay(id: number): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(String(id));
  if (!match) return undefined;
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  const parsed = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day ? undefined : day;
}

export const paperSizes = ['letter', 'a4'] as const;
export type PaperSize = (typeof paperSizes)[number];

export interface DocumentRequest {
  kind: DocumentKind;
  /** The record the document is about: the student (inspector packet, progress report, statement), the
   * invoice or credit note (invoice), the payment (receipt). */
  id: number;
  /** Letter unless the school prints on A4. */
  paper?: PaperSize;
}

export type SavePdfResult = { saved: false } | { saved: true; path: string; bytes: number };
export type PrintResult = { printed: boolean };

/** The file name the save dialog offers, e.g. "inspector-packet-42-2026-12-02.pdf". */
export function documentFileName(request: DocumentRequest, today: string): string {
  if (request.kind === 'cash-up') return `cash-up-${cashUpDay(request.id) ?? request.id}.pdf`; // the day it counts, not the day saved
  return `${request.kind}-${request.id}-${today}.pdf`;
}

const PRINT_ROUTE = /^#print\/([a-z-]+)\/(\d{1,15})(?:\/(letter|a4))?$/;

/** The address hash of a document's print layout: "#print/inspector-packet/42/letter". */
export function documentHash(request: DocumentRequest): string {
  return `#print/${request.kind}/${request.id}/${request.paper ?? 'letter'}`;
}

/** The document a print route names; undefined for any other address. */
export function parseDocumentHash(hash: string): Required<DocumentRequest> | undefined {
  const match = PRINT_ROUTE.exec(hash);
  if (!match || !(documentKinds as readonly string[]).includes(match[1]!)) return undefined;
  return { kind: match[1] as DocumentKind, id: Number(match[2]), paper: (match[3] ?? 'letter') as PaperSize };
}

/**
 * The print layout says on <html> when it is ready to print: data-print-state="ready", or "failed" with
 * data-print-error (the code, e.g. student.not_found) and data-print-message. Main waits for one of them.
 */
export const PRINT_STATE_ATTRIBUTE = 'data-print-state';
export const PRINT_ERROR_ATTRIBUTE = 'data-print-error';
export const PRINT_MESSAGE_ATTRIBUTE = 'data-print-message';
