/**
 * The end-to-end harness: the built renderer in Debian's Chromium, the REAL preload bundled against
 * e2e/electron-shim.ts, and a Playwright binding into the REAL ipcMain handlers, the REAL bridge
 * (sender check, Ajv, cockatiel, UDS transport) and the REAL backend on a real SQLite file.
 *
 *   page -> window.odsm (real preload) -> shim ipcRenderer.invoke -> binding __odsmInvoke
 *        -> IpcMainStandIn.invoke -> the handlers setupBridge registered -> HTTP over a Unix socket -> backend
 *
 * Used by e2e/*.e2e.test.ts (headless) and by `make preview` (headed, persistent data dir).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import type { IpcResult } from '../shared-contracts/channels';
import type { IpcInvokeEventLike } from '../electron/main/bridge/ipc-types';
import { createJsonLogger, type Logger } from '../electron/main/log/json-logger';
import { BACKEND_STATUS_CHANNEL, MENU_COMMAND_CHANNEL, type BackendState, type BackendStatus, type MenuCommand } from '../electron/shared/app-channels';
import { pickBackendCommand } from '../electron/main/backend/backend-command';
import { BackendSupervisor } from '../electron/main/backend/backend-supervisor';
import { followChangeStream } from '../electron/main/changes/change-stream';
import { DATA_CHANGED_CHANNEL } from '../electron/shared/data-changes';
import type { IpcMainStandIn } from '../electron/test/support/ipc-main-stand-in';
import { standInBridge } from '../electron/test/support/stand-in-bridge';
import { saveDialogStandIn, type SaveDialogStandIn } from '../electron/test/support/save-dialog-stand-in';
import { createFileBackupStore } from '../electron/main/backup/backup-store';
import { createFileAnchorStore } from '../electron/main/audit/audit-anchor-store';
import { backendEnvironment, CONNECTION_FILE, createFileConnectionStore } from '../electron/main/connection/connection-store';
import { keyedBox } from '../electron/main/connection/secret-box';
import { createSmtpPasswordStore, SMTP_PASSWORD_FILE } from '../electron/main/reminders/reminders';
import { watchCspViolations } from './csp-watch';
import { chromiumPrintPages, type ChromiumPrintPages } from './print-pages';
import { axeIdle, watchAccessibility } from './axe-watch';
import { repoRoot } from './repo-root';
import { APP_ORIGIN, serveRenderer, type StaticOrigin } from './static-origin';

export { APP_ORIGIN } from './static-origin';
export { takeCspViolations } from './csp-watch';
export { axeIdle, takeAxeFindings } from './axe-watch';
export { repoRoot } from './repo-root';
export type { RecordedRequest } from './static-origin';

export const CHROMIUM_PATH = process.env.ODSM_CHROMIUM ?? '/usr/bin/chromium';
export const RENDERER_DIR = join(repoRoot, 'out/renderer');
export const PRELOAD_SHIM = join(repoRoot, 'e2e/out/preload-shim.js');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The renderer's screens (its address hash) and the heading each one opens with. */
export const SCREEN_HEADINGS = {
  students: 'Students',
  instructors: 'Instructors',
  vehicles: 'Vehicles',
  settings: 'Settings',
  audit: 'Audit log',
  calendar: 'Calendar',
  certification: 'Certification',
  reminders: 'Reminders',
} as const;
export type AppScreen = keyof typeof SCREEN_HEADINGS;

/**
 * What the real main process sees for a call from a frame of one of our pages: each page stands in for
 * our window's WebContents, and the frame says where the call came from (an iframe has a parent).
 */
function senderEvent(page: Page, frame: Frame): IpcInvokeEventLike {
  return { senderFrame: { url: frame.url(), parent: frame.parentFrame() ? {} : null }, sender: page };
}

/** The harness's own calls: from our page's main frame on the app, wherever the page is right now. */
function appMainFrameOf(page: Page): IpcInvokeEventLike {
  return { senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: null }, sender: page };
}

export interface HarnessOptions {
  /** Persistent data dir (preview); a fresh temp dir, removed on close, when absent. */
  dataDir?: string;
  headless?: boolean;
  viewport?: { width: number; height: number } | null;
  /** Where the bridge's JSON log lines go; a file in the harness temp dir by default. */
  logFile?: string;
}

export interface Harness {
  page: Page;
  context: BrowserContext;
  ipcMain: IpcMainStandIn;
  /** The real backend supervisor (ODSM_BACKEND_COMMAND, else the venv's python -m odsm). */
  supervisor: BackendSupervisor;
  dataDir: string;
  /** Where the save dialog puts what the user saves (an export), under the name it offers. */
  savedDir: string;
  /** The native dialogs' stand-in: set `openAnswer` to the file the open dialog picks next (a backup to restore). */
  dialogs: SaveDialogStandIn;
  /** Requests the browser made (all of them) and those it was refused (other origins). */
  network: StaticOrigin;
  /** Documents rendered by Chromium's page.pdf() on the print route; `printed` holds what Print sent. */
  printPages: ChromiumPrintPages;
  /** Every IPC call the page made through the preload, in order (the harness's own invoke() is not listed). */
  ipcCalls: Array<{ channel: string; payload: unknown }>;
  /** Calls a channel the way the renderer would, from our main frame: real handlers, bridge and backend. */
  invoke<T = unknown>(channel: string, payload?: unknown): Promise<IpcResult<T>>;
  /** Pushes app:backend-status to every open page, as main's webContents.send does (the supervisor's
   *  own changes are pushed automatically; this is for states that are hard to cause on purpose). */
  pushStatus(state: BackendState, extra?: Partial<BackendStatus>): Promise<void>;
  /** main -> renderer: a click on an application menu item (File → New student). */
  sendMenuCommand(command: MenuCommand): Promise<void>;
  /** Opens the app at its index page on one screen (students unless named) and waits for its heading. */
  openApp(page?: Page, screen?: AppScreen): Promise<void>;
  /** Resolves when the browser context closes (the user closed the window). */
  closed: Promise<void>;
  close(): Promise<void>;
}

/** A readable failure when something the harness needs was not built or installed. */
export function assertPrerequisites(): void {
  const missing: string[] = [];
  if (!existsSync(CHROMIUM_PATH)) {
    missing.push(`Chromium is not at ${CHROMIUM_PATH}. Install Debian's chromium (apt-get install chromium; make test does this).`);
  }
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) missing.push('The renderer is not built: run `npx electron-vite build`.');
  if (!existsSync(PRELOAD_SHIM)) missing.push('The preload shim is not built: run `npx vite build --config e2e/vite.shim.config.ts`.');
  if (missing.length > 0) throw new Error(`e2e prerequisites missing:\n- ${missing.join('\n- ')}`);
}

interface MainSide {
  supervisor: BackendSupervisor;
  dialogs: SaveDialogStandIn;
  ipcMain: IpcMainStandIn;
  /** What app:backend-status:get answers: the last status pushed. */
  status: { current: BackendStatus };
  dispose(): Promise<void>;
}

/** setupBridge, as electron/main/index.ts calls it, with the stand-in in place of Electron's ipcMain. */
async function startMainSide(dataDir: string, savedDir: string, log: Logger, isOurWebContents: (sender: unknown) => boolean, documents: ChromiumPrintPages): Promise<MainSide> {
  // This workstation's connection, as main keeps it; a key of the harness's own stands in for safeStorage.
  const connections = createFileConnectionStore(join(dataDir, CONNECTION_FILE), keyedBox());
  const environment = () => backendEnvironment(process.env, connections);
  // Generous waits: a switch of database restarts the backend, and a loaded test machine imports it slowly.
  const supervisor = new BackendSupervisor({ command: pickBackendCommand({ appRoot: repoRoot, packaged: false }), dataDir, log, environment, readyTimeoutMs: 90_000, healthTimeoutMs: 30_000 });
  await supervisor.start();
  const status = { current: supervisor.status() };
  const dialogs = saveDialogStandIn(savedDir);
  const bridge = standInBridge({
    connection: () => supervisor.connection(),
    allowedOrigins: [APP_ORIGIN],
    isOurWebContents,
    app: { backendStatus: () => status.current, backendRestarts: () => supervisor.restartCount() },
    logsDir: join(dataDir, 'logs'),
    log,
    policy: { onBreakerOpen: () => supervisor.breakerOpened(), onBreakerReset: () => supervisor.breakerReset() },
    saveDialog: dialogs,
    documents,
    auditAnchor: createFileAnchorStore(join(dataDir, 'audit-anchor.json')),
    backups: createFileBackupStore(join(dataDir, 'backups.json')),
    workstation: { store: connections, restartBackend: async () => void (await supervisor.restart()) },
    // The SMTP password as main keeps it; the harness's key stands in for safeStorage here too.
    smtpPassword: createSmtpPasswordStore(join(dataDir, SMTP_PASSWORD_FILE), keyedBox()),
  });
  return {
    supervisor,
    dialogs,
    ipcMain: bridge.ipc,
    status,
    dispose: async () => {
      await supervisor.stop();
      bridge.dispose();
    },
  };
}

async function launchChromium(profileDir: string, options: HarnessOptions): Promise<BrowserContext> {
  const headless = options.headless ?? true;
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless,
    args: headless ? ['--headless', ...CHROMIUM_ARGS] : CHROMIUM_ARGS,
    viewport: options.viewport === undefined ? { width: 1280, height: 860 } : options.viewport,
  });
}

/** main -> renderer push, as webContents.send(channel, value) does, to every open page. */
async function emitToPages(context: BrowserContext, channel: string, value: unknown): Promise<void> {
  await Promise.all(
    context.pages().map((page) =>
      page
        .evaluate(
          ([name, payload]) => (window as unknown as { __odsmEmit: (c: string, s: unknown) => void }).__odsmEmit(name, payload),
          [channel, value] as const,
        )
        // A page that is navigating has no shim yet; it asks for the current status when it loads.
        .catch(() => {}),
    ),
  );
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  assertPrerequisites();
  const scratch = mkdtempSync(join(tmpdir(), 'odsm-harness-'));
  const dataDir = options.dataDir ?? join(scratch, 'data');
  mkdirSync(dataDir, { recursive: true });
  const savedDir = join(scratch, 'saved');
  mkdirSync(savedDir);
  const log: Logger = createJsonLogger({ level: 'info', write: () => {}, file: options.logFile ?? join(scratch, 'main.log') });

  let main: MainSide | undefined;
  let context: BrowserContext | undefined;
  // Our "windows" are the pages of our browser context; a call from anything else is refused.
  const isOurPage = (sender: unknown) => context?.pages().includes(sender as Page) ?? false;
  const printPages = chromiumPrintPages(() => context);
  try {
    main = await startMainSide(dataDir, savedDir, log, isOurPage, printPages);
    context = await launchChromium(join(scratch, 'chromium-profile'), options);
  } catch (error) {
    await main?.dispose();
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
  const { supervisor, ipcMain, status, dialogs } = main;
  const browser = context;
  const closed = new Promise<void>((done) => browser.once('close', () => done()));

  // The binding is the ipcRenderer -> ipcMain hop. The event carries what Electron would report about
  // the calling page and frame, so the bridge's real sender check refuses iframes and foreign origins.
  const ipcCalls: Harness['ipcCalls'] = [];
  await browser.exposeBinding('__odsmInvoke', ({ page, frame }, channel: string, payload: unknown) => {
    ipcCalls.push({ channel, payload });
    return ipcMain.invoke(channel, senderEvent(page, frame), payload);
  });
  await browser.addInitScript({ path: PRELOAD_SHIM });
  // The renderer is served with the app's own CSP header (and its meta tag); any violation fails the test.
  await watchCspViolations(browser);
  // axe-core checks every screen and dialog the test opens; a serious or critical finding fails it.
  await watchAccessibility(browser);
  const network = await serveRenderer(browser, RENDERER_DIR);

  const push = (next: BackendStatus) => {
    status.current = next;
    return emitToPages(browser, BACKEND_STATUS_CHANNEL, next);
  };
  const stopFollowing = supervisor.onStatus((next) => void push(next));
  // Live between seats, as electron/main/index.ts wires it: the backend's change stream to every page.
  const changeStream = followChangeStream({ connection: () => supervisor.connection(), log, onChange: (change) => void emitToPages(browser, DATA_CHANGED_CHANNEL, change) });

  const page = browser.pages()[0] ?? (await browser.newPage());
  const openApp = async (target: Page = page, screen: AppScreen = 'students') => {
    await target.goto(`${APP_ORIGIN}/index.html#${screen}`);
    await target.getByRole('heading', { level: 1, name: SCREEN_HEADINGS[screen], exact: true }).waitFor();
  };

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      // Let axe finish judging what the pages show, so a finding is not lost with the window.
      await Promise.all(browser.pages().map((open) => axeIdle(open).catch(() => {})));
      stopFollowing();
      changeStream.stop();
      await browser.close().catch(() => {});
      await main.dispose();
      rmSync(scratch, { recursive: true, force: true });
    })());

  return {
    page,
    context: browser,
    ipcMain,
    supervisor,
    dataDir,
    savedDir,
    dialogs,
    network,
    printPages,
    ipcCalls,
    invoke: (channel, payload) => ipcMain.invoke(channel, appMainFrameOf(page), payload) as Promise<IpcResult<never>>,
    pushStatus: (state, extra = {}) => push({ ...extra, state, at: new Date().toISOString() }),
    sendMenuCommand: (command) => emitToPages(browser, MENU_COMMAND_CHANNEL, command),
    openApp,
    closed,
    close,
  };
}

/** Throws with the envelope's error when a harness call failed, so test setup reads as plain data. */
export function expectOk<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new Error(`IPC call failed: ${result.error.code}: ${result.error.message} (request ${result.error.requestId})`);
  return result.data;
}
