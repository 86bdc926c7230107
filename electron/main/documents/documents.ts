// Save as PDF and Print for every document. The layout is the renderer's print route; a DocumentRenderer
// turns it into PDF bytes (Electron's printToPDF in a hidden window in the app, Chromium's page.pdf() in the
// end-to-end tests) or prints it. Main alone picks the file, in its save dialog.
import { documentFileName, type DocumentRequest, type PaperSize, type PrintResult, type SavePdfResult } from '../../shared/documents';
import { MainRefusal } from '../bridge/ipc-envelope';
import { writeFileAtomically } from '../files/atomic-file';
import type { SaveDialog } from '../files/save-dialog';
import type { Logger } from '../log/json-logger';

export type DocumentPage = Required<DocumentRequest>;

/** What the print layout reported, read from its <html> attributes. */
export interface PrintState {
  state: string | null;
  error: string | null;
  message: string | null;
}

export interface DocumentRenderer {
  /** The document's print layout as PDF bytes; throws a MainRefusal when the layout could not be made. */
  pdf(page: DocumentPage): Promise<Uint8Array>;
  /** The same layout sent to the printer (the system's dialog); false when the person cancelled. */
  print(page: DocumentPage): Promise<boolean>;
}

/** The same page set-up for PDF and print: the paper, and margins the layout does not repeat in CSS. */
export const PAGE_MARGIN_INCHES = 0.5;
export function pageSizeName(paper: PaperSize): 'Letter' | 'A4' {
  return paper === 'a4' ? 'A4' : 'Letter';
}

/** JavaScript a renderer runs in the print page to read its state (executeJavaScript, page.evaluate). */
export const READ_PRINT_STATE = `(() => { const html = document.documentElement; return { state: html.getAttribute('data-print-state'), error: html.getAttribute('data-print-error'), message: html.getAttribute('data-print-message') }; })()`;

/**
 * Waits until the print layout is ready, and refuses with its own code when it failed (a record not on
 * file), or with document.not_rendered when it says nothing within the wait.
 */
export async function waitForLayout(read: () => Promise<PrintState>, options: { timeoutMs?: number; intervalMs?: number } = {}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const now = await read();
    if (now.state === 'ready') return;
    if (now.state === 'failed') throw new MainRefusal(now.error ?? 'document.not_rendered', now.message ?? 'The document could not be laid out.');
    if (Date.now() > deadline) throw new MainRefusal('document.not_rendered', 'The document took too long to lay out. Try again.');
    await new Promise((done) => setTimeout(done, options.intervalMs ?? 50));
  }
}

/** Where no renderer was given (a bridge test): the channels answer with this, never a crash. */
const noRenderer: DocumentRenderer = {
  pdf: () => Promise.reject(new MainRefusal('document.unavailable', 'Documents cannot be made here.')),
  print: () => Promise.reject(new MainRefusal('document.unavailable', 'Documents cannot be printed here.')),
};

export interface Documents {
  savePdf(request: DocumentRequest): Promise<SavePdfResult>;
  print(request: DocumentRequest): Promise<PrintResult>;
}

const TITLES: Record<DocumentRequest['kind'], string> = {
  'inspector-packet': 'Save the inspector packet as PDF',
  'progress-report': 'Save the progress report as PDF',
  invoice: 'Save the invoice as PDF',
  receipt: 'Save the receipt as PDF',
  statement: 'Save the statement as PDF',
  certificate: 'Save the BDE completion certificate as PDF',
  'cash-up': 'Save the cash-up as PDF',
};

export function createDocuments(options: { renderer?: DocumentRenderer; dialog: SaveDialog; log: Logger; now?: () => Date }): Documents {
  const renderer = options.renderer ?? noRenderer;
  const { dialog, log } = options;
  const now = options.now ?? (() => new Date());
  const page = (request: DocumentRequest): DocumentPage => ({ kind: request.kind, id: request.id, paper: request.paper ?? 'letter' });
  return {
    async savePdf(request) {
      // Laid out first: a record not on file is refused before anyone is asked where to save.
      const bytes = await renderer.pdf(page(request));
      const path = await dialog.choosePath({
        title: TITLES[request.kind],
        defaultName: documentFileName(request, now().toISOString().slice(0, 10)),
        filters: [{ name: 'PDF document', extensions: ['pdf'] }],
      });
      if (path === undefined) return { saved: false };
      await writeFileAtomically(path, (handle) => handle.writeFile(bytes));
      log.info('document.saved', { kind: request.kind, id: request.id, bytes: bytes.byteLength });
      return { saved: true, path, bytes: bytes.byteLength };
    },
    async print(request) {
      const printed = await renderer.print(page(request));
      log.info('document.printed', { kind: request.kind, id: request.id, printed });
      return { printed };
    },
  };
}
