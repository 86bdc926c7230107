// Automatic updates through electron-updater: wired, and off unless a school (or its IT) switches them on.
// Off, the updater is not even loaded, so the app never reaches for the network on its own. The feed is the
// `publish` entry of build/electron-builder.yml, a placeholder until the project has an update server.
import type { AppUpdater, Logger as UpdaterLogger } from 'electron-updater';
import type { Logger } from '../log/json-logger';

/** Set to 1 (or true, yes, on) to let a packaged app check for updates. Unset, or anything else, is off. */
export const AUTO_UPDATE_SWITCH = 'ODSM_AUTO_UPDATE';
const ON = new Set(['1', 'true', 'yes', 'on']);
const DAY_MS = 24 * 60 * 60 * 1000;

/** Only a packaged app can update itself (a development build has no app-update.yml), and only when switched on. */
export function autoUpdateEnabled(env: NodeJS.ProcessEnv, packaged: boolean): boolean {
  return packaged && ON.has((env[AUTO_UPDATE_SWITCH] ?? '').trim().toLowerCase());
}

/** The part of electron-updater's AppUpdater this module drives. */
export type Updater = Pick<AppUpdater, 'autoDownload' | 'autoInstallOnAppQuit' | 'logger' | 'checkForUpdates' | 'on'>;

export interface AutoUpdateOptions {
  enabled: boolean;
  /** Loads electron-updater; called only when enabled. */
  loadUpdater: () => Promise<Updater>;
  log: Logger;
  /** How often to look again while the app runs: a day. */
  everyMs?: number;
}

/** Loads electron-updater's autoUpdater, which loads Electron: only in the app, only when switched on. */
export async function loadElectronUpdater(): Promise<Updater> {
  const mod = await import('electron-updater');
  return mod.autoUpdater ?? (mod as unknown as { default: { autoUpdater: AppUpdater } }).default.autoUpdater;
}

/**
 * Checks for an update at start and once a day; a found update downloads in the background and installs
 * when the school quits the app. Returns a function that stops the daily check.
 */
export async function setupAutoUpdate(o: AutoUpdateOptions): Promise<() => void> {
  if (!o.enabled) {
    o.log.info('update.off', { switch: AUTO_UPDATE_SWITCH });
    return () => undefined;
  }
  const updater = await o.loadUpdater();
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  updater.logger = updaterLogger(o.log);
  updater.on('update-available', (info) => o.log.info('update.available', { version: info.version }));
  updater.on('update-downloaded', (info) => o.log.info('update.downloaded', { version: info.version }));
  updater.on('error', (error) => o.log.warn('update.failed', { error: error.message }));
  const check = () => {
    o.log.info('update.check', {});
    updater.checkForUpdates().catch((error: unknown) => o.log.warn('update.failed', { error: String(error) }));
  };
  check();
  const timer = setInterval(check, o.everyMs ?? DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

function updaterLogger(log: Logger): UpdaterLogger {
  return {
    info: (message?: unknown) => log.info('update.log', { message: String(message) }),
    warn: (message?: unknown) => log.warn('update.log', { message: String(message) }),
    error: (message?: unknown) => log.error('update.log', { message: String(message) }),
    debug: (message: string) => log.debug('update.log', { message }),
  };
}
