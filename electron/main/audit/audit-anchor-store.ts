// The audit chain's head, kept outside the database. Someone with the database file alone can cut the
// log short or rebuild its hashes; they cannot reach this file in the user data dir, so verify compares
// the log with it. A small interface, so the bridge never needs to know where the head lives.
import { randomUUID } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface AuditAnchor {
  entryId: number;
  entryHash: string;
}

export interface AnchorStore {
  /** The last head kept, or undefined when there is none yet (a new school, or a missing file). */
  read(): Promise<AuditAnchor | undefined>;
  write(anchor: AuditAnchor): Promise<void>;
}

const HASH = /^[0-9a-f]{64}$/;

function parseAnchor(text: string): AuditAnchor | undefined {
  try {
    const { entry_id: entryId, entry_hash: entryHash } = JSON.parse(text) as Record<string, unknown>;
    if (Number.isSafeInteger(entryId) && (entryId as number) >= 1 && typeof entryHash === 'string' && HASH.test(entryHash)) {
      return { entryId: entryId as number, entryHash };
    }
  } catch {
    // Unreadable is the same as absent: verify then checks the chain alone, and the next head is kept.
  }
  return undefined;
}

/** Writes `text` to `file` whole or not at all: a temp file, fsync, rename over, then fsync the directory. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temp = join(dirname(file), `.${randomUUID()}.tmp`);
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(text);
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

/** The head as a small JSON file, e.g. `<user data dir>/audit-anchor.json`. */
export function createFileAnchorStore(file: string): AnchorStore {
  return {
    read: async () => {
      try {
        return parseAnchor(await readFile(file, 'utf8'));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    write: (anchor) => writeAtomically(file, `${JSON.stringify({ entry_id: anchor.entryId, entry_hash: anchor.entryHash })}\n`),
  };
}
