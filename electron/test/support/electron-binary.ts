import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ROOT } from './real-backend';

/**
 * The Electron executable, or undefined when it is not installed. This mirrors node_modules/electron/index.js
 * WITHOUT requiring it: requiring it starts a download of the binary when it is missing.
 */
export function findElectronBinary(): string | undefined {
  const pkg = join(APP_ROOT, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? join(override, relative ?? 'electron') : relative ? join(pkg, 'dist', relative) : undefined;
  return candidate && existsSync(candidate) ? candidate : undefined;
}
