// The audit log screen: entries name their records and people, the filter bar narrows the log by person and
// words (and says which filters hid everything), and "Save as spreadsheet…" writes the filtered entries as a
// CSV where the save dialog points. Built renderer in Chromium, the real preload, main's handler and backend.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelResponse } from '../shared-contracts/channels';
import { newStudentBody } from '../electron/test/contract/samples/students-samples';
import { axeIdle, expectOk, startHarness, type Harness } from './harness';

const SHOTS = process.env.ODSM_SHOTS_DIR ?? join(process.cwd(), 'test-results/e2e');
let harness: Harness;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  harness = await startHarness({ viewport: { width: 1366, height: 768 } });
  await harness.openApp(harness.page, 'students');
});

afterAll(async () => {
  await harness?.close();
});

type Student = ChannelResponse<'db:students:create'>;

describe('the audit log screen', () => {
  it('names records, filters by person and words, says what hid everything, and saves the filtered entries as a CSV', async () => {
    const maya = expectOk(await harness.invoke<Student>('db:students:create', { body: { ...newStudentBody(), first_name: 'Maya', last_name: 'Chen' } }));
    expectOk(await harness.invoke('db:students:update', { student_id: maya.id, body: { version: maya.version, phone: '905-555-7788' } }));
    expectOk(await harness.invoke('db:students:create', { body: { ...newStudentBody(), first_name: 'Omar', last_name: 'Haddad' } }));
    expectOk(await harness.invoke('db:vehicles:create', { body: { plate: 'ABCD123', vin: '2HGFC2F59MH512345', make: 'Honda', model: 'Civic', year: 2021, transmission: 'automatic', dual_brake: true, insurance_expiry: '2099-06-30', inspection_expiry: '2099-01-31', odometer_km: 40000 } }));

    const page = harness.page;
    await page.getByTestId('nav-audit').click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const records = page.getByTestId('audit-entry-record');
    await expect.poll(() => records.allTextContents()).toEqual(expect.arrayContaining(['Student Maya Chen', 'Student Omar Haddad', 'Vehicle Honda Civic ABCD123']));
    expect((await records.allTextContents()).some((text) => /#\d+$/.test(text))).toBe(false);

    // Person: the picker lists who appears in the log; reached and chosen from the keyboard.
    const options = expectOk(await harness.invoke<ChannelResponse<'db:audit:filterOptions'>>('db:audit:filterOptions', {}));
    const person = options.people[0]!;
    await page.getByLabel('Person').focus();
    await page.getByLabel('Person').selectOption(person.key);
    await expect.poll(() => page.getByTestId('audit-entry-who').allTextContents()).not.toHaveLength(0);
    for (const who of await page.getByTestId('audit-entry-who').allTextContents()) expect(who).toContain(person.label);

    // Words: the record's name, typed.
    await page.getByLabel('Search').fill('maya chen');
    await expect.poll(() => records.allTextContents()).toEqual(['Student Maya Chen', 'Student Maya Chen']);
    await axeIdle(page);
    await page.screenshot({ path: join(SHOTS, 'audit-filtered.png') });

    // The filtered entries as a CSV, where the save dialog points.
    await page.getByTestId('export-audit-csv').click();
    const result = page.getByTestId('audit-csv-result');
    await result.waitFor();
    const files = readdirSync(harness.savedDir).filter((name) => name.endsWith('.csv'));
    expect(files).toHaveLength(1);
    expect(await result.textContent()).toContain(files[0]);
    expect(await result.textContent()).toContain('Saved 2 entries');
    const rows = readFileSync(join(harness.savedDir, files[0]!), 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(rows[0]).toBe('When,Who,Action,Record,Changes,Reason');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain(',Updated,Student Maya Chen,');
    expect(rows[1]).toContain('Phone: 416-555-0100 → 905-555-7788');
    expect(rows[2]).toContain(',Created,Student Maya Chen,');

    // Nothing matches: the screen says which filters hid everything.
    await page.getByLabel('Search').fill('no such words');
    const empty = page.getByTestId('audit-empty');
    await empty.waitFor();
    expect(await empty.textContent()).toContain(`by ${person.label}`);
    expect(await empty.textContent()).toContain('matching “no such words”');
    await axeIdle(page);
    await page.screenshot({ path: join(SHOTS, 'audit-empty.png') });
  });
});
