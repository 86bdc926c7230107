import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelResponse } from '../../../shared-contracts/channels';
import { AUDIT_CSV_CHANNEL, type AuditCsvResult } from '../../shared/audit-csv-channels';
import { startRealBridge, type RealBridge } from '../support/real-bridge';
import { saveDialogStandIn } from '../support/save-dialog-stand-in';
import { newStudentBody } from './channel-samples';

// The audit log's CSV through the real handlers and backend; the save dialog answers a folder of the test's.
let real: RealBridge;
let saved: string;

beforeAll(async () => {
  real = await startRealBridge((dir) => {
    saved = join(dir, 'audit-csv');
    return { saveDialog: saveDialogStandIn(saved) };
  });
  await mkdir(saved);
});

afterAll(() => real?.stop());

const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'America/Toronto' });

describe('saving the audit log as a CSV', () => {
  it('writes the entries the filters show, by name, where the user picked', async () => {
    await real.call('db:students:create', { body: { ...newStudentBody(), first_name: 'Maya', last_name: 'Chen' } });
    await real.call('db:students:create', { body: { ...newStudentBody(), first_name: 'Omar', last_name: 'Other' } });
    const options = await real.call<ChannelResponse<'db:audit:filterOptions'>>('db:audit:filterOptions', {});
    expect(options.kinds).toContainEqual({ entity: 'students', label: 'Students' });
    const person = options.people[0]!.key;
    const result = await real.call<AuditCsvResult>(AUDIT_CSV_CHANNEL, { q: 'maya chen', person, from: today(), to: today() });
    expect(real.bridge.validator.validateResponse(AUDIT_CSV_CHANNEL, result)).toEqual({ valid: true });
    if (!result.saved) throw new Error('not saved');
    expect(result.rows).toBe(1);
    expect((await readdir(saved)).filter((name) => name.endsWith('.csv'))).toHaveLength(1);
    const lines = (await readFile(result.path, 'utf8')).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('When,Who,Action,Record,Changes,Reason');
    expect(lines[1]).toMatch(new RegExp(`^${today()} .*,Created,Student Maya Chen,`));
  });

  it('refuses a filter outside the history’s schema, and days that end before they start', async () => {
    const bad = await real.bridge.invoke(AUDIT_CSV_CHANNEL, { q: 'x', file: '/etc/passwd' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const person = await real.bridge.invoke(AUDIT_CSV_CHANNEL, { person: 'anyone' });
    expect(person).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const backwards = await real.bridge.invoke(AUDIT_CSV_CHANNEL, { from: '2030-01-08', to: '2030-01-01' });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'validation_failed', details: { fields: [{ field: 'to', rule: 'not_before_from' }] } } });
  });
});
