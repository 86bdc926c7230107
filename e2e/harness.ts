/**
 * The end-to-end harness: the built renderer in Debian's Chromium, the REAL preload bundled against
 * e2e/electron-shim.ts, and a Playwright binding into the REAL ipcMain handlers, the REAL bridge
 * (sender check, Ajv, cockatiel, UDS transport) and the REAL backend on a real SQLite file.
 *
 *   page -> window.odsm (real preload) -> shim ipcRenderer.invoke -> binding __odsmInvoke
 *        -> IpcMainStandIn.invoke -> registerChannels/createBridge -> HTTP over a Unix socket -> backend
 *
 * Used by e2e/*.e2e.test.ts (headless) and by `make preview` (headed, persistent data dir).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { IpcResult } from '../shared-contracts/channels';
import { createBridge, registerChannels } from '../electron/main/bridge/bridge';
import { createHttpTransport, type BackendConnection } from '../electron/main/bridge/http-transport';
import type { IpcInvokeEventLike } from '../electron/main/bridge/ipc-types';
import { IpcMainStandIn } from '../electron/main/bridge/ipc-main-stand-in';
import { loadManifest } from '../electron/main/bridge/manifest';
import { createBackendPolicies } from '../electron/main/bridge/policies';
import { createSenderCheck } from '../electron/main/bridge/sender-check';
import { createJsonLogger, type Logger } from '../electron/main/log/json-logger';
import { BACKEND_STATUS_CHANNEL, BACKEND_STATUS_GET_CHANNEL, type BackendState, type BackendStatus } from '../electron/shared/app-channels';
import { repoRoot, startBackend, type BackendProcess } from './backend-process';
import { APP_ORIGIN, serveRenderer, type StaticOrigin } from './static-origin';

export { APP_ORIGIN } from './static-origin';
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

/** What the real main process sees for a call from our window's main frame. */
export const MAIN_FRAME_EVENT: IpcInvokeEventLike = { senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: null } };

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
  backend: BackendProcess;
  dataDir: string;
  /** Requests the browser made (all of them) and those it was refused (other origins). */
  network: StaticOrigin;
  /** Calls a channel the way the renderer would, from our main frame: real handlers, bridge and backend. */
  invoke<T = unknown>(channel: string, payload?: unknown): Promise<IpcResult<T>>;
  /** Pushes app:backend-status to every open page, as main's webContents.send does. */
  pushStatus(state: BackendState, extra?: Partial<BackendStatus>): Promise<void>;
  /** Opens the app at its index page and waits for the students screen. */
  openApp(page?: Page): Promise<void>;
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

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  assertPrerequisites();
  const scratch = mkdtempSync(join(tmpdir(), 'odsm-harness-'));
  const dataDir = options.dataDir ?? join(scratch, 'data');
  mkdirSync(dataDir, { recursive: true });
  const log: Logger = createJsonLogger({ level: 'info', write: () => {}, file: options.logFile ?? join(scratch, 'main.log') });

  let status: BackendStatus = { state: 'starting', at: new Date().toISOString() };
  const backend = await startBackend({ dataDir });
  status = { state: 'ready', at: new Date().toISOString() };

  // The same wiring electron/main/index.ts does, with the stand-in in place of Electron's ipcMain.
  let connection: BackendConnection | undefined = backend.connection;
  const transport = createHttpTransport({ connection: () => connection });
  const policies = createBackendPolicies();
  const bridge = createBridge({
    manifest: loadManifest(),
    transport,
    policies,
    log,
    isTrustedSender: createSenderCheck({ allowedOrigins: [APP_ORIGIN] }),
  });
  const ipcMain = new IpcMainStandIn();
  registerChannels(ipcMain, bridge);
  ipcMain.handle(BACKEND_STATUS_GET_CHANNEL, () => status);

  const context = await chromium.launchPersistentContext(join(scratch, 'chromium-profile'), {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    args: (options.headless ?? true) ? ['--headless', ...CHROMIUM_ARGS] : CHROMIUM_ARGS,
    viewport: options.viewport === undefined ? { width: 1280, height: 860 } : options.viewport,
  });
  const closed = new Promise<void>((done) => context.once('close', () => done()));

  // The binding is the ipcRenderer -> ipcMain hop. The event carries what Electron would report about
  // the calling frame, so the bridge's real sender check refuses iframes and foreign origins.
  await context.exposeBinding('__odsmInvoke', ({ frame }, channel: string, payload: unknown) =>
    ipcMain.invoke(channel, { senderFrame: { url: frame.url(), parent: frame.parentFrame() ? {} : null } }, payload),
  );
  await context.addInitScript({ path: PRELOAD_SHIM });
  const network = await serveRenderer(context, RENDERER_DIR);

  const pushStatus = async (state: BackendState, extra: Partial<BackendStatus> = {}) => {
    status = { ...extra, state, at: new Date().toISOString() };
    await Promise.all(
      context.pages().map((page) =>
        page.evaluate(
          ([channel, pushed]) => (window as unknown as { __odsmEmit: (c: string, s: unknown) => void }).__odsmEmit(channel, pushed),
          [BACKEND_STATUS_CHANNEL, status] as const,
        ),
      ),
    );
  };
  void backend.exited.then((code) => {
    connection = undefined;
    if (!context.pages().length) return;
    void pushStatus('down', { message: `The backend stopped (exit code ${code}).`, stderrTail: backend.stderrTail().slice(-8) }).catch(() => {});
  });

  const page = context.pages()[0] ?? (await context.newPage());
  const openApp = async (target: Page = page) => {
    await target.goto(`${APP_ORIGIN}/index.html`);
    await target.getByRole('heading', { name: 'Students' }).waitFor();
  };

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await context.close().catch(() => {});
      await backend.stop();
      transport.close();
      policies.dispose();
      rmSync(scratch, { recursive: true, force: true });
    })());

  return {
    page,
    context,
    ipcMain,
    backend,
    dataDir,
    network,
    invoke: (channel, payload) => ipcMain.invoke(channel, MAIN_FRAME_EVENT, payload) as Promise<IpcResult<never>>,
    pushStatus,
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
