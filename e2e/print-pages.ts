/**
 * The tests' DocumentRenderer: Chromium's page.pdf() on the same print route, in a new page of the
 * harness's browser context (one of "our windows", so its data calls pass the real sender check), with
 * the page set-up main's printToPDF uses. Print has no printer here: it renders the same PDF and keeps it,
 * so a test can read what would have gone to paper.
 */
import type { BrowserContext } from 'playwright-core';
import { documentHash } from '../electron/shared/documents';
import { PAGE_MARGIN_INCHES, pageSizeName, READ_PRINT_STATE, waitForLayout, type DocumentPage, type DocumentRenderer, type PrintState } from '../electron/main/documents/documents';
import { APP_ORIGIN } from './static-origin';

export interface ChromiumPrintPages extends DocumentRenderer {
  /** What print() sent to the "printer", in order. */
  printed: Array<{ page: DocumentPage; pdf: Uint8Array }>;
}

export function chromiumPrintPages(context: () => BrowserContext | undefined): ChromiumPrintPages {
  const margin = `${PAGE_MARGIN_INCHES}in`;
  const pdf = async (page: DocumentPage): Promise<Uint8Array> => {
    const browser = context();
    if (!browser) throw new Error('the browser is not open yet');
    const tab = await browser.newPage();
    try {
      await tab.goto(`${APP_ORIGIN}/index.html${documentHash(page)}`);
      await waitForLayout(() => tab.evaluate(READ_PRINT_STATE) as Promise<PrintState>);
      const bytes = await tab.pdf({ format: pageSizeName(page.paper), printBackground: true, margin: { top: margin, bottom: margin, left: margin, right: margin } });
      return new Uint8Array(bytes);
    } finally {
      await tab.close();
    }
  };
  const printed: ChromiumPrintPages['printed'] = [];
  return {
    printed,
    pdf,
    print: async (page) => {
      printed.push({ page, pdf: await pdf(page) });
      return true;
    },
  };
}
