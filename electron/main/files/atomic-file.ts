// Files main writes for the school (the audit anchor, exports) land whole or not at all: written to a
// temp file beside the target, flushed, renamed over it, and the directory flushed so the rename lasts.
import { randomUUID } from 'node:crypto';
import { open, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Writes `file` through `write`, which may append in many steps (a long export); a failure leaves the old file. */
export async function writeFileAtomically(file: string, write: (handle: FileHandle) => Promise<void>): Promise<void> {
  const temp = join(dirname(file), `.${randomUUID()}.tmp`);
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      await write(handle);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dirname(file));
}

async function syncDirectory(dir: string): Promise<void> {
  // The rename lasts only once the directory entry is on disk; Windows cannot open a directory for this.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A small file main keeps (the anchor, the backup settings), read as text; undefined when it is not there yet. */
export async function readFileIfPresent(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
