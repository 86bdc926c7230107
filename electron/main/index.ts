// The app's composition root and the only main-process file that imports electron (with
// windows/main-window.ts). It hands Electron's parts to setupBridge, the bridge's own root, which the
// tests, the e2e harness and the bench call with theirs. Everything it builds is Electron-free and tested.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, screen, shell } from 'electron';
import { BACKEND_STATUS_CHANNEL, MENU_COMMAND_CHANNEL } from '../shared/app-channels';
import { DATA_CHANGED_CHANNEL } from '../shared/data-changes';
import { attachTarget, pickBackendCommand, trustedEnvironment } from './backend/backend-command';
import { BackendSupervisor } from './backend/backend-supervisor';
import { startBackendBeforeReady } from './backend/start-before-ready';
import { createFileAnchorStore } from './audit/audit-anchor-store';
import { createFileBackupStore } from './backup/backup-store';
import { backendEnvironment, CONNECTION_FILE, createFileConnectionStore } from './connection/connection-store';
import { safeStorageBox } from './connection/secret-box';
import { createSmtpPasswordStore, SMTP_PASSWORD_FILE } from './reminders/reminders';
import { followChangeStream } from './changes/change-stream';
import { describeAbout } from './desktop/about';
import { buildAppMenuTemplate } from './desktop/app-menu';
import { watchMainProcess, watchRenderer } from './desktop/crash-handlers';
import { createWindowStateStore, placeOnScreen, rememberWindowState } from './desktop/window-state';
import { originOf } from './bridge/sender-check';
import { setupBridge } from './bridge/setup-bridge';
import { createJsonLogger } from './log/json-logger';
import { APP_ORIGIN, APP_SCHEME, createAppProtocolHandler } from './protocol/app-protocol';
import { autoUpdateEnabled, loadElectronUpdater, setupAutoUpdate } from './updates/auto-update';
import { createMainWindow, denyAllPermissions } from './windows/main-window';
import { createPrintWindows } from './windows/print-window';

// Must run before `ready`: app:// behaves like https (standard, secure) and can be fetched.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) {
  // A second copy would start a second backend on the same database.
  app.exit(0);
} else {
  void main();
}

async function main(): Promise<void> {
  // Everything up to the supervisor needs no ready app, so the backend starts before Electron is ready.
  // ODSM_DATA_DIR: make dev and the smoke test keep their data out of the user's real profile.
  const dataDir = process.env.ODSM_DATA_DIR ?? app.getPath('userData');
  mkdirSync(join(dataDir, 'logs'), { recursive: true });
  const logsDir = join(dataDir, 'logs');
  const log = createJsonLogger({ file: join(logsDir, 'main.log') });
  const tell = (title: string, message: string) => dialog.showErrorBox(title, message);
  watchMainProcess({ app, process, log, tell });
  // Only a development build may load the renderer from electron-vite's dev server, run another backend
  // command or attach to another backend; a packaged app serves its own files from app:// and starts
  // its own frozen backend, whatever the environment says.
  const { env, ignored } = trustedEnvironment(app.isPackaged, process.env);
  if (ignored.length > 0) log.warn('env.overrides_ignored', { names: ignored, reason: 'packaged' });
  // This workstation's database: its own file, or a server (the password sealed by safeStorage).
  const connections = createFileConnectionStore(join(dataDir, CONNECTION_FILE), safeStorageBox(safeStorage));
  const attach = attachTarget(env);
  const supervisor = attach
    ? new BackendSupervisor({ attach, dataDir, log })
    : new BackendSupervisor({
        command: pickBackendCommand({ appRoot: app.getAppPath(), packaged: app.isPackaged, resourcesPath: process.resourcesPath, env }),
        dataDir,
        // DATABASE_URL through the child's environment, never its command line. safeStorage opens a sealed
        // password only once the app is ready, so a server desk's backend waits for that; a file desk's does not.
        environment: async () => {
          const stored = await connections.read().catch(() => undefined);
          if (stored?.mode === 'server' && stored.sealedPassword !== null) await app.whenReady();
          return backendEnvironment(process.env, connections);
        },
        log,
        onStderrData: (chunk) => process.stderr.write(chunk),
      });
  // Its imports overlap Electron's own start; a failed start is logged and shown in the window's banner.
  await startBackendBeforeReady({ start: () => supervisor.start(), whenReady: () => app.whenReady(), log });
  // Empty means unset: the smoke test clears the dev server's URL this way.
  const devUrl = env.ELECTRON_RENDERER_URL || undefined;
  const rendererUrl = devUrl ?? `${APP_ORIGIN}/index.html`;
  const allowedOrigins = [APP_ORIGIN, ...(devUrl ? [originOf(devUrl) ?? devUrl] : [])];
  let win: BrowserWindow | undefined;

  denyAllPermissions();
  protocol.handle(APP_SCHEME, createAppProtocolHandler(join(__dirname, '../renderer')));

  // Documents are laid out by the renderer on a print route in a hidden window of their own.
  const printWindows = createPrintWindows({ preloadPath: join(__dirname, '../preload/index.cjs'), url: rendererUrl });
  const bridge = setupBridge({
    ipcMain,
    connection: () => supervisor.connection(),
    allowedOrigins,
    isOurWebContents: (sender) => (win !== undefined && sender === win.webContents) || printWindows.owns(sender),
    documents: printWindows.renderer,
    app: { backendStatus: () => supervisor.status(), ...(attach ? {} : { backendRestarts: () => supervisor.restartCount() }) },
    logsDir,
    log,
    policy: { onBreakerOpen: () => supervisor.breakerOpened(), onBreakerReset: () => supervisor.breakerReset() },
    smtpPassword: createSmtpPasswordStore(join(dataDir, SMTP_PASSWORD_FILE), safeStorageBox(safeStorage)),
    saveDialog: {
      choosePath: async ({ title, defaultName, filters }) => {
        const options = { title, defaultPath: join(app.getPath('documents'), defaultName), filters };
        const { canceled, filePath } = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
        return canceled || !filePath ? undefined : filePath;
      },
      chooseFolder: async ({ title, defaultPath }) => {
        const options = { title, defaultPath, properties: ['openDirectory' as const, 'createDirectory' as const] };
        const { canceled, filePaths } = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
        return canceled ? undefined : filePaths[0];
      },
      chooseFile: async ({ title, defaultPath, filters }) => {
        const options = { title, defaultPath, filters, properties: ['openFile' as const] };
        const { canceled, filePaths } = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
        return canceled ? undefined : filePaths[0];
      },
    },
    // This workstation's backup folder (a USB drive, a synced folder) and the last backup made.
    backups: createFileBackupStore(join(dataDir, 'backups.json')),
    // Out of the database's reach: verify reports a log cut short or re-hashed after this head.
    auditAnchor: createFileAnchorStore(join(dataDir, 'audit-anchor.json')),
    ...(attach ? {} : { workstation: { store: connections, restartBackend: async () => void (await supervisor.restart()) } }),
  });

  const pushStatus = () => {
    if (win && !win.isDestroyed()) win.webContents.send(BACKEND_STATUS_CHANNEL, supervisor.status());
  };
  supervisor.onStatus(pushStatus);
  // Live between seats: what any workstation changed, to every window, by kind of record.
  const changeStream = followChangeStream({
    connection: () => supervisor.connection(),
    log,
    onChange: (change) => {
      for (const open of BrowserWindow.getAllWindows()) if (!open.isDestroyed()) open.webContents.send(DATA_CHANGED_CHANNEL, change);
    },
  });

  const windowState = createWindowStateStore(join(dataDir, 'window-state.json'));
  const savedPlace = await windowState.load();
  const openWindow = () => {
    const state = placeOnScreen(savedPlace, [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((display) => display.workArea));
    win = createMainWindow({ preloadPath: join(__dirname, '../preload/index.cjs'), url: rendererUrl, state });
    rememberWindowState(win, windowState, (error) => log.warn('window_state.save_failed', { error: String(error) }));
    watchRenderer(win.webContents, { log, tell });
    win.webContents.on('did-finish-load', pushStatus);
    win.on('closed', () => {
      win = undefined;
    });
  };
  // For display only: app.getName() also names the userData folder, which must never move.
  const appName = 'Ontario Driving School Manager';
  const showAbout = async () => {
    const text = describeAbout({ appName, appVersion: app.getVersion(), dataDir, backend: await bridge.backendHealth() });
    const options = { type: 'info' as const, buttons: ['OK'], ...text };
    await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildAppMenuTemplate({
        appName,
        packaged: app.isPackaged,
        platform: process.platform,
        actions: {
          send: (command) => {
            if (win && !win.isDestroyed()) win.webContents.send(MENU_COMMAND_CHANNEL, command);
          },
          openLogsFolder: () => void shell.openPath(logsDir),
          showAbout: () => void showAbout(),
        },
      }),
    ),
  );
  openWindow();
  const stopBackups = bridge.scheduleBackups();
  const stopReminders = bridge.scheduleReminders();
  // Off unless ODSM_AUTO_UPDATE switches it on in a packaged app: off, electron-updater is never loaded.
  void setupAutoUpdate({ enabled: autoUpdateEnabled(env, app.isPackaged), loadUpdater: loadElectronUpdater, log }).catch((error: unknown) =>
    log.warn('update.failed', { error: String(error) }),
  );

  app.on('second-instance', () => {
    if (!win) return openWindow();
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('activate', () => {
    if (!win) openWindow();
  });
  app.on('window-all-closed', () => app.quit());

  let stopped = false;
  app.on('before-quit', (event) => {
    if (stopped) return;
    // Let the backend stop cleanly (SIGTERM, WAL checkpoint) before the app goes.
    event.preventDefault();
    stopBackups();
    stopReminders();
    changeStream.stop();
    void bridge
      .recordAuditHead()
      .then(() => supervisor.stop())
      .catch((error: unknown) => log.error('backend.stop_failed', { error: String(error) }))
      .finally(async () => {
        stopped = true;
        bridge.dispose();
        // The log file is written asynchronously: let the last lines land before the process goes.
        await log.close();
        app.quit();
      });
  });
}
