// The audit chain's head, kept outside the database. Someone with the database file alone can cut the
// log short or rebuild its hashes; they cannot reach this file in the user data dir, so verify compares
// the log with it. A small interface, so the bridge never needs to know where the head lives.
import { readFileIfPresent, writeFileAtomically } from '../files/atomic-file';

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

/** The head as a small JSON file, e.g. `<user data dir>/audit-anchor.json`. */
export function createFileAnchorStore(file: string): AnchorStore {
  return {
    read: async () => {
      const text = await readFileIfPresent(file);
      return text === undefined ? undefined : parseAnchor(text);
    },
    write: (anchor) =>
      writeFileAtomically(file, (handle) => handle.writeFile(`${JSON.stringify({ entry_id: anchor.entryId, entry_hash: anchor.entryHash })}\n`)),
  };
}
