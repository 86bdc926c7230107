import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditExportResult } from '../../shared/app-channels';
import { AUDIT_EXPORT_CHANNEL } from '../../shared/app-channels';
import { createFileAnchorStore } from '../../main/audit/audit-anchor-store';
import type { SaveRequest } from '../../main/files/save-dialog';
import { dropGuard, rawSql } from '../support/real-backend';
import { startRealBridge, type RealBridge } from '../support/real-bridge';
import { newStudentBody } from './channel-samples';

// The export through the real handlers, the real backend and the file-backed anchor store; the native
// save dialog is the only stand-in, answering a path the test chooses (or nothing, as a user who cancels).
let real: RealBridge;
let dataDir: string;
let answer: string | undefined;
const asked: SaveRequest[] = [];

interface ExportedEntry {
  id: number;
  prev_hash: string;
  hash: string;
  [field: string]: unknown;
}
interface ExportFile {
  format: string;
  anchor: { entry_id: number; entry_hash: string } | null;
  verify: { ok: boolean; first_broken_id: number | null; head_id: number | null };
  entries: ExportedEntry[];
}

const call = <T>(channel: string, payload?: unknown) => real.call<T>(channel, payload);

const addStudent = (first_name: string) => call('db:students:create', { body: { ...newStudentBody(), first_name } });
const readExport = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as ExportFile;
const keptAnchor = async () => JSON.parse(await readFile(join(dataDir, 'audit-anchor.json'), 'utf8')) as { entry_id: number; entry_hash: string };

/** Re-checks an entry from the file's own description of the hashing, independently of the backend's code. */
function rehash(entry: ExportedEntry): string {
  const fields = Object.fromEntries(Object.entries(entry).filter(([key]) => key !== 'prev_hash' && key !== 'hash').sort(([a], [b]) => (a < b ? -1 : 1)));
  return createHash('sha256').update(entry.prev_hash + JSON.stringify(fields)).digest('hex');
}

beforeAll(async () => {
  real = await startRealBridge((dir) => ({
    auditAnchor: createFileAnchorStore(join(dir, 'audit-anchor.json')),
    saveDialog: {
      choosePath: (request) => {
        asked.push(request);
        return Promise.resolve(answer);
      },
      chooseFolder: () => Promise.resolve(undefined),
      chooseFile: () => Promise.resolve(undefined),
    },
  }));
  dataDir = real.dataDir;
});

afterAll(() => real?.stop());

describe('exporting the audit log', () => {
  it('saves every entry as stored, re-verifiable without the app, with the anchored head', async () => {
    for (const name of ['Zoë', 'Nguyễn', '李']) await addStudent(name);
    answer = join(dataDir, 'audit.json');

    const result = await call<AuditExportResult>(AUDIT_EXPORT_CHANNEL);

    const file = await readExport(answer);
    const total = (await call<{ total: number }>('db:audit:history', { limit: 1 })).total;
    expect(file.format).toBe('odsm-audit-log');
    expect(file.entries.map((e) => e.id)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(file.entries.map(rehash)).toEqual(file.entries.map((e) => e.hash));
    file.entries.slice(1).forEach((entry, i) => expect(entry.prev_hash).toBe(file.entries[i]!.hash));
    const last = file.entries.at(-1)!;
    expect(file.anchor).toEqual({ entry_id: last.id, entry_hash: last.hash });
    expect(file.anchor).toEqual(await keptAnchor());
    expect(file.verify).toMatchObject({ ok: true, head_id: last.id });
    expect(result).toEqual({ saved: true, path: answer, entries: total, chainOk: true, anchorEntryId: last.id });
    expect(real.bridge.validator.validateResponse(AUDIT_EXPORT_CHANNEL, result)).toEqual({ valid: true });
    expect(asked.at(-1)).toMatchObject({ title: 'Export the audit log', defaultName: expect.stringMatching(/^audit-log-\d{4}-\d{2}-\d{2}\.json$/) });
  });

  it('writes nothing when the user cancels', async () => {
    answer = undefined;
    const before = await readdir(dataDir);
    expect(await call<AuditExportResult>(AUDIT_EXPORT_CHANNEL)).toEqual({ saved: false });
    expect(await readdir(dataDir)).toEqual(before);
  });

  it('names the path and the problem when the folder cannot take the file, and leaves nothing behind', async () => {
    answer = join(dataDir, 'no-such-folder', 'audit.json');
    const result = await real.bridge.invoke(AUDIT_EXPORT_CHANNEL);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('audit_export.write_failed');
    expect(result.error.details).toEqual({ path: answer, cause: 'ENOENT' });
    expect(result.error.message).toContain('that folder no longer exists');
    expect((await readdir(dataDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('still saves a tampered log, with the verify that found it and the anchor from before', async () => {
    const anchorBefore = await keptAnchor();
    rawSql({ dir: dataDir, env: real.env }, `${dropGuard('audit_log', 'update')} UPDATE audit_log SET reason = 'edited' WHERE id = 2;`);
    answer = join(dataDir, 'tampered.json');

    const result = await call<AuditExportResult>(AUDIT_EXPORT_CHANNEL);

    const file = await readExport(answer);
    expect(result).toMatchObject({ saved: true, chainOk: false, anchorEntryId: anchorBefore.entry_id });
    expect(file.verify).toMatchObject({ ok: false, first_broken_id: 2 });
    expect(file.anchor).toEqual(anchorBefore);
    expect(rehash(file.entries[1]!)).not.toBe(file.entries[1]!.hash);
  });
});
