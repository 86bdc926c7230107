import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { autoUpdateEnabled, setupAutoUpdate, type Updater } from '../../main/updates/auto-update';
import { createJsonLogger } from '../../main/log/json-logger';

function recordingLog() {
  const lines: Array<Record<string, unknown>> = [];
  const log = createJsonLogger({ level: 'debug', write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { log, events: () => lines.map((l) => l.event) };
}

/** Stands in for electron-updater's AppUpdater, which needs Electron and the network; counts the checks. */
class UpdaterStandIn extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  logger: Updater['logger'] = null;
  checks = 0;
  checkForUpdates() {
    this.checks += 1;
    return Promise.resolve(null);
  }
}

describe('automatic updates', () => {
  it('are off unless ODSM_AUTO_UPDATE switches them on in a packaged app', () => {
    expect(autoUpdateEnabled({}, true)).toBe(false);
    for (const value of ['', '0', 'false', 'no', 'off', 'maybe']) expect(autoUpdateEnabled({ ODSM_AUTO_UPDATE: value }, true)).toBe(false);
    for (const value of ['1', 'true', 'Yes', ' on ']) expect(autoUpdateEnabled({ ODSM_AUTO_UPDATE: value }, true)).toBe(true);
    expect(autoUpdateEnabled({ ODSM_AUTO_UPDATE: '1' }, false)).toBe(false);
  });

  it('off, never load the updater, so nothing checks for updates', async () => {
    const { log, events } = recordingLog();
    let loads = 0;
    const stop = await setupAutoUpdate({
      enabled: false,
      log,
      loadUpdater: () => {
        loads += 1;
        return Promise.resolve(new UpdaterStandIn() as unknown as Updater);
      },
    });
    stop();
    expect(loads).toBe(0);
    expect(events()).toEqual(['update.off']);
  });

  it('on, check once at start, download in the background, install at quit, and log what happens', async () => {
    const { log, events } = recordingLog();
    const updater = new UpdaterStandIn();
    const stop = await setupAutoUpdate({ enabled: true, log, loadUpdater: () => Promise.resolve(updater as unknown as Updater) });
    expect(updater.checks).toBe(1);
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    updater.emit('update-downloaded', { version: '0.2.0' });
    updater.emit('error', new Error('net::ERR_NAME_NOT_RESOLVED'));
    updater.logger?.info('Checking for update');
    stop();
    expect(events()).toEqual(['update.check', 'update.downloaded', 'update.failed', 'update.log']);
  });
});
