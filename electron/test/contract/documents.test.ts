import { readFile } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelResponse } from '../../../shared-contracts/channels';
import { createMemoryBackupStore } from '../../main/backup/backup-store';
import { MainRefusal } from '../../main/bridge/ipc-envelope';
import type { DocumentPage, DocumentRenderer } from '../../main/documents/documents';
import { DOCUMENT_PRINT_CHANNEL, DOCUMENT_SAVE_PDF_CHANNEL } from '../../shared/documents';
import { saveDialogStandIn } from '../support/save-dialog-stand-in';
import { startRealBridge, type RealBridge } from '../support/real-bridge';
import { newStudentBody } from './channel-samples';

// Main's document channels on the real bridge and backend. The renderer here lays nothing out: it asks the
// packet through the bridge, as the print route does, and returns its JSON as the "PDF" so the test can read
// what main saved. (The Chromium end-to-end test renders the real layout: e2e/inspector-packet.e2e.test.ts.)
type Packet = ChannelResponse<'db:documents:inspector-packet'>;

let real: RealBridge;
let savedDir: string;
const rendered: DocumentPage[] = [];
const renderer = (call: () => RealBridge): DocumentRenderer => ({
  pdf: async (page) => {
    rendered.push(page);
    const result = await call().bridge.invoke<Packet>('db:documents:inspector-packet', { student_id: page.id });
    if (!result.ok) throw new MainRefusal(result.error.code, result.error.message);
    return new TextEncoder().encode(JSON.stringify(result.data));
  },
  print: async (page) => {
    rendered.push(page);
    return true;
  },
});

beforeAll(async () => {
  savedDir = mkdtempSync(join(tmpdir(), 'odsm-documents-'));
  real = await startRealBridge(() => ({
    saveDialog: saveDialogStandIn(savedDir),
    documents: renderer(() => real),
    backups: createMemoryBackupStore(),
    auditAnchor: { read: () => Promise.resolve({ entryId: 1, entryHash: 'f'.repeat(64) }), write: () => Promise.resolve() },
  }));
});

afterAll(async () => {
  await real?.stop();
  rmSync(savedDir, { recursive: true, force: true });
});

describe('app:document:save-pdf and app:document:print', () => {
  it('saves the document main rendered where the save dialog says, named by kind, record and day', async () => {
    const student = await real.call<{ id: number }>('db:students:create', { body: newStudentBody() });
    const result = await real.call<{ saved: true; path: string; bytes: number }>(DOCUMENT_SAVE_PDF_CHANNEL, { kind: 'inspector-packet', id: student.id });
    expect(result.path).toMatch(new RegExp(`inspector-packet-${student.id}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
    expect(rendered.at(-1)).toEqual({ kind: 'inspector-packet', id: student.id, paper: 'letter' });
    const packet = JSON.parse(await readFile(result.path, 'utf8')) as Packet;
    expect(packet.student.id).toBe(student.id);
    expect(result.bytes).toBeGreaterThan(0);
    // Main adds its own anchored head to the packet's verify, as to db:audit:verify: this one is not reached.
    expect(packet.chain.verify.anchor_break?.code).toBe('audit.chain_rehashed');
  });

  it('passes the refusal of a record not on file through, by its code', async () => {
    const result = await real.bridge.invoke(DOCUMENT_SAVE_PDF_CHANNEL, { kind: 'inspector-packet', id: 987_654 });
    expect(result).toMatchObject({ ok: false, error: { code: 'student.not_found' } });
  });

  it('prints on paper the school chose', async () => {
    const student = await real.call<{ id: number }>('db:students:create', { body: newStudentBody() });
    expect(await real.call(DOCUMENT_PRINT_CHANNEL, { kind: 'inspector-packet', id: student.id, paper: 'a4' })).toEqual({ printed: true });
    expect(rendered.at(-1)).toEqual({ kind: 'inspector-packet', id: student.id, paper: 'a4' });
  });

  it('refuses a payload that names a file, an unknown kind or paper, or no record', async () => {
    for (const [payload, field] of [
      [{ kind: 'inspector-packet', id: 1, path: '/tmp/x.pdf' }, 'path'],
      [{ kind: 'payroll', id: 1 }, 'kind'],
      [{ kind: 'inspector-packet', id: 1, paper: 'legal' }, 'paper'],
      [{ kind: 'inspector-packet', id: 0 }, 'id'],
    ] as const) {
      const result = await real.bridge.invoke(DOCUMENT_SAVE_PDF_CHANNEL, payload);
      expect(result, field).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    }
  });
});
