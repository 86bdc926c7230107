#!/usr/bin/env node
// `make preview`: the built renderer in a HEADED Chromium, through the real preload (electron shimmed),
// the real bridge and the real backend, on the persistent data dir .odsm-data/preview. For machines
// where the Electron binary cannot be downloaded. It runs until the browser window is closed.
//
// Expects `npx electron-vite build` and `npx vite build --config e2e/vite.shim.config.ts` to have run
// (make preview does both); it bundles the TypeScript harness itself, because Node 20 cannot run .ts.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dataDir = process.env.ODSM_PREVIEW_DATA_DIR ?? join(root, '.odsm-data/preview');

function fail(message) {
  process.stderr.write(`make preview: ${message}\n`);
  process.exit(1);
}

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  fail(
    'no display ($DISPLAY and $WAYLAND_DISPLAY are unset), so a Chromium window cannot open.\n' +
      '  Run it from a desktop session, or with X forwarding (ssh -X), or under xvfb-run for a smoke check.\n' +
      '  The same path runs headless in the tests: make test-e2e',
  );
}

const { build } = await import('vite');
await build({ configFile: join(root, 'e2e/vite.harness.config.ts'), logLevel: 'warn' });
const { startHarness, assertPrerequisites } = await import(pathToFileURL(join(root, 'e2e/out/harness.mjs')).href);

try {
  assertPrerequisites();
} catch (error) {
  fail(error.message);
}

mkdirSync(dataDir, { recursive: true });
const harness = await startHarness({ dataDir, headless: false, viewport: null, logFile: join(dataDir, 'preview-main.log') });
const stop = async (code) => {
  await harness.close();
  process.exit(code);
};
process.on('SIGINT', () => void stop(130));
process.on('SIGTERM', () => void stop(143));

await harness.openApp();
process.stdout.write(
  `ODSM preview is open (backend pid ${harness.supervisor.pid()}, data in ${dataDir}).\n` +
    'Close the Chromium window, or press Ctrl+C, to stop.\n',
);
harness.page.on('close', () => void stop(0));
await harness.closed;
await stop(0);
