import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryBackupStore } from '../../main/backup/backup-store';
import { MainRefusal } from '../../main/bridge/ipc-envelope';
import { chainText, csvField, indexCsv, packetFileName } from '../../main/documents/bundle-files';
import type { DocumentPage, DocumentRenderer } from '../../main/documents/documents';
import { DOCUMENT_BUNDLE_CANCEL_CHANNEL, DOCUMENT_BUNDLE_CHANNEL, DOCUMENT_BUNDLE_PROGRESS_CHANNEL, type BundleProgress, type BundleResult } from '../../shared/inspection-bundle';
import { saveDialogStandIn, type SaveDialogStandIn } from '../support/save-dialog-stand-in';
import { startRealBridge, type RealBridge } from '../support/real-bridge';
import { newStudentBody } from './channel-samples';

// Main's inspection bundle on the real bridge and backend, writing real files. The renderer here lays
// nothing out: it asks for the packet through the bridge, as the print route does, and returns its JSON
// as the "PDF", so the test reads what main put in each file. (The Chromium e2e renders the real layout.)
type Packet = { student: { id: number; first_name: string } };

let real: RealBridge;
let folder: string;
let dialog: SaveDialogStandIn;
const rendered: DocumentPage[] = [];
/** What the stand-in renderer does before it lays out a packet (a test holds it there, or fails it). */
let beforeRender: (page: DocumentPage) => Promise<void> = () => Promise.resolve();

const renderer = (): DocumentRenderer => ({
  pdf: async (page) => {
    await beforeRender(page);
    rendered.push(page);
    const result = await real.bridge.invoke<Packet>('db:documents:inspector-packet', { student_id: page.id });
    if (!result.ok) throw new MainRefusal(result.error.code, result.error.message);
    return new TextEncoder().encode(JSON.stringify(result.data));
  },
  print: () => Promise.resolve(true),
});

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
const period = { firstDay: day(20), lastDay: day(5) };
const inFolder = () => readdirSync(folder);

/** A student with home-link hours recorded `daysAgo` days ago (an hours entry puts them in that day's bundle). */
async function studentWithHours(daysAgo: number, minutes: number, firstName = 'Ann'): Promise<number> {
  const student = await real.call<{ id: number }>('db:students:create', { body: { ...newStudentBody(), first_name: firstName } });
  const course = await real.call<{ id: number }>('db:courses:create', { body: { name: `BDE ${student.id}`, kind: 'bde' } });
  const enrollment = await real.call<{ id: number }>('db:enrollments:create', { body: { student_id: student.id, course_id: course.id, enrolled_on: day(60) } });
  await real.call('db:enrollments:addHours', { enrollment_id: enrollment.id, body: { minutes, occurred_on: day(daysAgo), reason: 'Home-link module 1' } });
  return student.id;
}

let inside: number[];
let outside: number;

beforeAll(async () => {
  real = await startRealBridge(() => ({ saveDialog: (dialog = saveDialogStandIn((folder = mkdtempSync(join(tmpdir(), 'odsm-bundle-'))))), documents: renderer(), backups: createMemoryBackupStore() }));
  inside = [await studentWithHours(10, 90, 'Maya'), await studentWithHours(6, 60, '=Noah, "Jr"')];
  outside = await studentWithHours(40, 30);
});

afterAll(async () => {
  await real?.stop();
  rmSync(folder, { recursive: true, force: true });
});

beforeEach(() => {
  beforeRender = () => Promise.resolve();
  rendered.length = 0;
  for (const name of inFolder()) rmSync(join(folder, name), { recursive: true, force: true });
});

describe('app:document:bundle', () => {
  it('writes a packet per student of the period, the index and the chain, into the folder chosen', async () => {
    const result = await real.call<Extract<BundleResult, { saved: true }>>(DOCUMENT_BUNDLE_CHANNEL, period);
    expect(result).toMatchObject({ saved: true, students: 2, chainOk: true });
    expect(result.path).toBe(join(folder, `inspection-bundle-${period.firstDay}-to-${period.lastDay}`));
    expect(dialog.requests.at(-1)).toEqual({ title: 'Choose where to save the inspection bundle' });
    expect(inFolder()).toEqual([`inspection-bundle-${period.firstDay}-to-${period.lastDay}`]);
    expect(rendered.map((page) => page.id).sort()).toEqual([...inside].sort());
    expect(rendered.every((page) => page.kind === 'inspector-packet' && page.paper === 'letter')).toBe(true);

    const files = readdirSync(result.path).sort();
    expect(files).toHaveLength(4);
    expect(files.slice(0, 2)).toEqual(['audit-chain.txt', 'index.csv']);
    for (const id of inside) {
      const file = files.find((name) => name.startsWith(`inspector-packet-${id}-`))!;
      expect((JSON.parse(readFileSync(join(result.path, file), 'utf8')) as Packet).student.id).toBe(id);
    }
    expect(files.some((name) => name.startsWith(`inspector-packet-${outside}-`))).toBe(false);

    const index = readFileSync(join(result.path, 'index.csv'), 'utf8').trim().split('\r\n');
    expect(index[0]).toBe('student,licence_number,file,classroom_hours,in_car_hours,flex_hours,total_hours');
    expect(index).toHaveLength(3);
    const maya = index.find((line) => line.startsWith('Maya '))!;
    expect(maya).toMatch(new RegExp(`^Maya Lee\\d+,[A-Z0-9-]+,inspector-packet-${inside[0]}-maya-lee\\d+\\.pdf,0,0,1\\.5,1\\.5$`));
    // A name a spreadsheet would run as a formula is written as text, quoted where it holds a comma.
    expect(index.some((line) => line.startsWith(`"'=Noah, ""Jr"" Lee`))).toBe(true);

    const chain = readFileSync(join(result.path, 'audit-chain.txt'), 'utf8');
    const head = await real.call<{ entry_id: number; entry_hash: string }>('db:audit:head');
    expect(chain).toContain(`Chain head:    entry #${head.entry_id}`);
    expect(chain).toContain(`Head hash:     ${head.entry_hash}`);
    expect(chain).toMatch(/Verify: {8}chain intact: \d+ entries checked/);
    expect(chain).toContain(`Period:        ${period.firstDay} to ${period.lastDay}`);
    expect(await real.call<BundleProgress>(DOCUMENT_BUNDLE_PROGRESS_CHANNEL)).toEqual({ running: false, phase: 'done', done: 2, total: 2 });
  });

  it('never overwrites an earlier bundle of the same period: the second is numbered', async () => {
    const first = await real.call<{ path: string }>(DOCUMENT_BUNDLE_CHANNEL, period);
    const second = await real.call<{ path: string }>(DOCUMENT_BUNDLE_CHANNEL, period);
    expect(second.path).toBe(`${first.path} (2)`);
    expect(inFolder().sort()).toEqual([`inspection-bundle-${period.firstDay}-to-${period.lastDay}`, `inspection-bundle-${period.firstDay}-to-${period.lastDay} (2)`]);
  });

  it('shows n of N while it works, and Cancel leaves nothing in the folder', async () => {
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    let reached!: () => void;
    const second = new Promise<void>((done) => (reached = done));
    let count = 0;
    beforeRender = async () => {
      count += 1;
      if (count === 2) {
        reached();
        await held;
      }
    };
    const running = real.bridge.invoke<BundleResult>(DOCUMENT_BUNDLE_CHANNEL, period);
    await second;
    expect(await real.call<BundleProgress>(DOCUMENT_BUNDLE_PROGRESS_CHANNEL)).toEqual({ running: true, phase: 'rendering', done: 1, total: 2 });
    // A second bundle while one runs is refused, in words.
    expect(await real.bridge.invoke(DOCUMENT_BUNDLE_CHANNEL, period)).toMatchObject({ ok: false, error: { code: 'document.bundle_running' } });
    // One hidden, unfinished folder while it works; never the bundle's own name.
    expect(inFolder()).toHaveLength(1);
    expect(inFolder()[0]).toMatch(/^\.inspection-bundle-.*\.partial-[0-9a-f]{8}$/);
    expect(await real.call(DOCUMENT_BUNDLE_CANCEL_CHANNEL)).toEqual({ cancelling: true });
    release();
    expect(await running).toEqual({ ok: true, data: { saved: false, cancelled: true } });
    expect(inFolder()).toEqual([]);
    expect(await real.call<BundleProgress>(DOCUMENT_BUNDLE_PROGRESS_CHANNEL)).toMatchObject({ running: false, phase: 'cancelled' });
    expect(await real.call(DOCUMENT_BUNDLE_CANCEL_CHANNEL)).toEqual({ cancelling: false });
  });

  it('leaves nothing behind when a packet cannot be made, and says why by its code', async () => {
    let count = 0;
    beforeRender = () => (++count === 2 ? Promise.reject(new MainRefusal('document.not_rendered', 'The document took too long to lay out. Try again.')) : Promise.resolve());
    expect(await real.bridge.invoke(DOCUMENT_BUNDLE_CHANNEL, period)).toMatchObject({ ok: false, error: { code: 'document.not_rendered' } });
    expect(inFolder()).toEqual([]);
  });

  it('refuses a period with nobody in it, or backwards, before asking for a folder', async () => {
    const asked = dialog.requests.length;
    const empty = await real.bridge.invoke(DOCUMENT_BUNDLE_CHANNEL, { firstDay: day(90), lastDay: day(80) });
    expect(empty).toMatchObject({ ok: false, error: { code: 'document.bundle_empty', details: { field: 'firstDay', rule: 'period_has_students' } } });
    const backwards = await real.bridge.invoke(DOCUMENT_BUNDLE_CHANNEL, { firstDay: day(5), lastDay: day(20) });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(dialog.requests.length).toBe(asked);
    expect(inFolder()).toEqual([]);
  });

  it('refuses a renderer that names a folder or a day that is not a day', async () => {
    for (const payload of [{ ...period, folder: '/tmp' }, { firstDay: 'last week', lastDay: period.lastDay }, {}]) {
      expect(await real.bridge.invoke(DOCUMENT_BUNDLE_CHANNEL, payload)).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    }
  });
});

describe('the bundle files', () => {
  it('names each packet by the student id and a plain form of the name', () => {
    expect(packetFileName({ student_id: 7, student_name: 'Zoë O’Brien-Côté' })).toBe('inspector-packet-7-zoe-o-brien-cote.pdf');
    expect(packetFileName({ student_id: 8, student_name: '../../etc' })).toBe('inspector-packet-8-etc.pdf');
  });

  it('says in words why the chain did not verify', () => {
    const text = chainText({
      firstDay: '2026-11-01',
      lastDay: '2026-11-30',
      madeAt: new Date('2026-12-02T15:00:00Z'),
      students: 3,
      chain: { verify: { ok: false, checked: 41, first_broken_id: 17, anchor_break: null, drifted_total: 2 }, head: { entry_id: 41, entry_hash: 'a'.repeat(64) } },
    });
    expect(text).toContain('Verify:        NOT VERIFIED: the chain breaks at entry #17; 2 records differ from their last audited state; 41 entries checked');
    expect(text).toContain('Chain head:    entry #41');
  });

  it('writes CSV fields a spreadsheet reads as text', () => {
    expect(csvField('Lee, Ann')).toBe('"Lee, Ann"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(1.5)).toBe('1.5');
    expect(indexCsv([])).toBe('student,licence_number,file,classroom_hours,in_car_hours,flex_hours,total_hours\r\n');
  });
});
