// Saves the audit log to a file an inspector can take away: every entry as stored and hashed, the
// verify that ran just before, and the head main keeps outside the database. Anyone can re-check the
// file without the app (each hash is sha256 of the previous hash and the entry's canonical JSON), and
// compare its last entry with the anchor it carries.
import { randomUUID } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import type { AuditExportResult } from '../../shared/app-channels';
import { MainRefusal } from '../bridge/ipc-envelope';
import type { Transport } from '../bridge/http-transport';
import type { Manifest } from '../bridge/manifest';
import { writeFileAtomically } from '../files/atomic-file';
import type { SaveDialog } from '../files/save-dialog';
import type { Logger } from '../log/json-logger';
import type { AnchorStore } from './audit-anchor-store';

export const AUDIT_EXPORT_FORMAT = 'odsm-audit-log';
const PAGE = 1000;
const HASHING =
  'hash = sha256(prev_hash + canonical JSON of the entry without prev_hash and hash); ' +
  'canonical JSON: keys sorted, no spaces, UTF-8; the first prev_hash is 64 zeros';

/** The file errors a person can act on, in words. */
const FILE_PROBLEMS: Record<string, string> = {
  EACCES: 'that folder may not be written to; choose another folder',
  EPERM: 'that folder may not be written to; choose another folder',
  EROFS: 'that drive is read-only; choose another drive',
  ENOSPC: 'the disk is full; free some space or choose another drive',
  ENOENT: 'that folder no longer exists; choose another folder',
};

interface ChainPage {
  items: { id: number }[];
  next_after_id: number | null;
}

interface VerifyReport {
  ok: boolean;
}

interface Head {
  entry_id: number | null;
}

export interface AuditExportOptions {
  transport: Transport;
  manifest: Manifest;
  store: AnchorStore;
  dialog: SaveDialog;
  log: Logger;
  /** The moment stamped on the file and in its default name. */
  now?: () => Date;
}

export function createAuditExport(options: AuditExportOptions): () => Promise<AuditExportResult> {
  const { transport, manifest, store, dialog, log } = options;
  const now = options.now ?? (() => new Date());
  const pathOf = (channel: string) => {
    const path = manifest.channels[channel]?.path;
    if (!path) throw new Error(`The manifest has no ${channel}.`);
    return path;
  };

  // Errors that came from asking the backend, not from the file: they keep their own code.
  const backendErrors = new WeakSet<object>();
  const read = async <T>(channel: string, query: Record<string, unknown>): Promise<T> => {
    const response = await transport
      .request({ method: 'GET', pathTemplate: pathOf(channel), query, requestId: randomUUID() })
      .catch((error: unknown) => {
        if (typeof error === 'object' && error !== null) backendErrors.add(error);
        throw error;
      });
    if (response.status !== 200) {
      const code = (response.body as { code?: string } | undefined)?.code;
      throw new MainRefusal('audit_export.backend_refused', 'The backend would not give the audit log for the export.', { status: response.status, code });
    }
    return response.body as T;
  };

  /** Appends entries up to the verified head, a page at a time, so a long log never sits in memory whole. */
  const writeEntries = async (handle: FileHandle, headId: number | null): Promise<number> => {
    let written = 0;
    let afterId: number | null = headId === null ? null : 0;
    while (afterId !== null) {
      const page: ChainPage = await read<ChainPage>('db:audit:chain', { after_id: afterId, limit: PAGE });
      const items = page.items.filter((entry) => headId !== null && entry.id <= headId);
      for (const entry of items) {
        await handle.write(`${written === 0 ? '\n' : ',\n'}${JSON.stringify(entry)}`);
        written += 1;
      }
      afterId = items.length < page.items.length ? null : page.next_after_id;
    }
    return written;
  };

  return async () => {
    const at = now();
    const path = await dialog.choosePath({
      title: 'Export the audit log',
      defaultName: `audit-log-${at.toISOString().slice(0, 10)}.json`,
      filters: [{ name: 'Audit log (JSON)', extensions: ['json'] }],
    });
    if (path === undefined) return { saved: false };

    // The transport adds main's anchor to verify and moves it on when the log still reaches it.
    const verify = await read<VerifyReport>('db:audit:verify', {});
    const anchor = await store.read();
    // The last entry now: the file stops there even if the school keeps writing during the export, and
    // a tampered log (whose verify stops at the break) is still copied whole, as evidence.
    const { entry_id: lastId } = await read<Head>('db:audit:head', {});
    let entries = 0;
    try {
      await writeFileAtomically(path, async (handle) => {
        const head = {
          format: AUDIT_EXPORT_FORMAT,
          format_version: 1,
          exported_at: at.toISOString(),
          hashing: HASHING,
          anchor: anchor ? { entry_id: anchor.entryId, entry_hash: anchor.entryHash } : null,
          verify,
        };
        await handle.write(`${JSON.stringify(head).slice(0, -1)},"entries":[`);
        entries = await writeEntries(handle, lastId);
        await handle.write('\n]}\n');
      });
    } catch (error) {
      if (error instanceof MainRefusal || backendErrors.has(error as object)) throw error;
      const cause = (error as NodeJS.ErrnoException).code ?? String(error);
      log.warn('audit.export_failed', { cause });
      throw new MainRefusal('audit_export.write_failed', `The audit log could not be saved to ${path}: ${FILE_PROBLEMS[cause] ?? cause}.`, { path, cause });
    }
    log.info('audit.exported', { entries, chainOk: verify.ok });
    return { saved: true, path, entries, chainOk: verify.ok, anchorEntryId: anchor?.entryId ?? null };
  };
}
