import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelResponse } from '../../../shared-contracts/channels';
import { createFileAnchorStore } from '../../main/audit/audit-anchor-store';
import { dropGuard, rawSql } from '../support/real-backend';
import { startRealBridge, type RealBridge } from '../support/real-bridge';
import { newStudentBody } from './channel-samples';

// Main's half of the anchor: the real backend, the real supervisor, setupBridge with the file-backed store
// that index.ts uses, on a temp dir. The database is tampered with outside the app (sqlite3, or psql on PostgreSQL).
let real: RealBridge;
let dataDir: string;
const anchorFile = () => join(dataDir, 'audit-anchor.json');

type Report = ChannelResponse<'db:audit:verify'>;

const call = <T>(channel: string, payload?: unknown) => real.call<T>(channel, payload);
const keptAnchor = async () => JSON.parse(await readFile(anchorFile(), 'utf8')) as { entry_id: number; entry_hash: string };
const addStudent = () => call('db:students:create', { body: newStudentBody() });
const sqlite = (sql: string) => rawSql({ dir: dataDir, env: real.env }, sql);

beforeAll(async () => {
  real = await startRealBridge((dir) => ({ auditAnchor: createFileAnchorStore(join(dir, 'audit-anchor.json')) }));
  dataDir = real.dataDir;
});

afterAll(() => real?.stop());

describe('the audit chain anchored outside the database', () => {
  it('keeps the head after a clean verify, and moves it at quit', async () => {
    for (let i = 0; i < 3; i += 1) await addStudent();
    const report = await call<Report>('db:audit:verify');
    expect(report).toMatchObject({ ok: true, head_id: 3, anchor_break: null });
    expect(await keptAnchor()).toEqual({ entry_id: 3, entry_hash: report.head_hash });

    await addStudent();
    await real.bridge.recordAuditHead();
    expect((await keptAnchor()).entry_id).toBe(4);
    // Verify now runs against that anchor, and the log still reaches it.
    expect(await call<Report>('db:audit:verify')).toMatchObject({ ok: true, anchor_break: null });
  });

  it('ignores an anchor the renderer sends: main always sends its own', async () => {
    const report = await call<Report>('db:audit:verify', { anchor_id: 1, anchor_hash: '0'.repeat(64) });
    expect(report).toMatchObject({ ok: true, anchor_break: null });
  });

  it('reports a log cut short after the anchor, and keeps the anchor as evidence', async () => {
    const before = await keptAnchor();
    sqlite(`${dropGuard('audit_log', 'delete')} DELETE FROM audit_log WHERE id > 2;`);
    const report = await call<Report>('db:audit:verify');
    // The shortened chain is intact in itself: only the anchor shows the cut.
    expect(report.first_broken_id).toBeNull();
    expect(report.ok).toBe(false);
    expect(report.anchor_break).toMatchObject({ code: 'audit.chain_cut_short', anchor_id: before.entry_id, entries: 2 });
    await real.bridge.recordAuditHead();
    expect(await keptAnchor()).toEqual(before);
  });
});
