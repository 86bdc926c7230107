// The app's DocumentRenderer: a hidden window, as isolated and sandboxed as the main one, opens the
// document's print route; once the layout says it is ready, printToPDF (or print) renders it and the
// window goes. The e2e harness gives Chromium's page.pdf() on the same route instead (e2e/print-pages.ts).
import { BrowserWindow, type WebContents } from 'electron';
import { documentHash } from '../../shared/documents';
import { PAGE_MARGIN_INCHES, pageSizeName, READ_PRINT_STATE, waitForLayout, type DocumentPage, type DocumentRenderer, type PrintState } from '../documents/documents';
import { hardenWebContents } from './main-window';

export interface PrintWindows {
  renderer: DocumentRenderer;
  /** Whether a sender is one of our print windows: the bridge answers their data calls like the main window's. */
  owns(sender: unknown): boolean;
}

export function createPrintWindows(options: { preloadPath: string; url: string }): PrintWindows {
  const open = new Set<WebContents>();
  const margins = { top: PAGE_MARGIN_INCHES, bottom: PAGE_MARGIN_INCHES, left: PAGE_MARGIN_INCHES, right: PAGE_MARGIN_INCHES };

  async function withLayout<T>(page: DocumentPage, use: (contents: WebContents) => Promise<T>): Promise<T> {
    const win = new BrowserWindow({
      show: false,
      webPreferences: {
        preload: options.preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        spellcheck: false,
      },
    });
    const contents = win.webContents;
    hardenWebContents(contents);
    open.add(contents);
    try {
      await win.loadURL(`${options.url}${documentHash(page)}`);
      await waitForLayout(() => contents.executeJavaScript(READ_PRINT_STATE) as Promise<PrintState>);
      return await use(contents);
    } finally {
      open.delete(contents);
      win.destroy();
    }
  }

  return {
    owns: (sender) => open.has(sender as WebContents),
    renderer: {
      pdf: (page) => withLayout(page, async (contents) => new Uint8Array(await contents.printToPDF({ pageSize: pageSizeName(page.paper), printBackground: true, margins }))),
      print: (page) =>
        withLayout(
          page,
          (contents) =>
            new Promise<boolean>((done) => {
              contents.print({ silent: false, printBackground: true, pageSize: pageSizeName(page.paper) }, (success) => done(success));
            }),
        ),
    },
  };
}
