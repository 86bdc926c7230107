import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pickBackendCommand, type BackendCommand } from '../../main/backend/backend-command';

export const APP_ROOT = resolve(__dirname, '../../..');

/** The dev venv's python -m odsm, or ODSM_BACKEND_COMMAND (e.g. the frozen binary) when set. */
export function backendCommand(): BackendCommand {
  return pickBackendCommand({ appRoot: APP_ROOT, packaged: false });
}

export async function freshDataDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'odsm-data-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
