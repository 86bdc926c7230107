import { BrowserWindow, Menu, session, type WebContents } from 'electron';
import { buildContextMenuTemplate } from '../desktop/app-menu';
import { MIN_WINDOW_SIZE, type WindowState } from '../desktop/window-state';

export interface MainWindowOptions {
  preloadPath: string;
  /** app://odsm/index.html, or the electron-vite dev server URL in dev. */
  url: string;
  /** Where and how large, already fitted to today's screens (placeOnScreen). */
  state: WindowState;
}

/** Our only window: isolated, sandboxed, no Node, and it cannot go anywhere or open anything. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    ...(options.state.x !== undefined && options.state.y !== undefined ? { x: options.state.x, y: options.state.y } : {}),
    width: options.state.width,
    height: options.state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'Ontario Driving School Manager',
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
  hardenWebContents(win.webContents);
  offerContextMenu(win);
  if (options.state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  void win.loadURL(options.url);
  return win;
}

export function hardenWebContents(contents: WebContents): void {
  // The app is one page; any navigation (a dropped file, a stray link) is refused.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Cut, copy and paste on a right-click in a text field; copy on selected text. */
function offerContextMenu(win: BrowserWindow): void {
  win.webContents.on('context-menu', (_event, params) => {
    const template = buildContextMenuTemplate(params);
    if (template.length > 0) Menu.buildFromTemplate(template).popup({ window: win });
  });
}

/** Camera, notifications, geolocation...: the app needs none of them. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
