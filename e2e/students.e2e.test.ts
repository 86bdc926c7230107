// The students slice end to end: built renderer in Debian's Chromium -> real preload (shimmed electron)
// -> real ipcMain handlers and bridge -> real backend over a Unix socket -> a real SQLite file.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { components } from '../shared-contracts/openapi';
import { repoRoot } from './repo-root';
import { APP_ORIGIN, expectOk, startHarness, type Harness } from './harness';

type Student = components['schemas']['StudentRead'];
type StudentPage = components['schemas']['StudentPage'];

const SCREENSHOTS = join(repoRoot, 'test-results/e2e');

let harness: Harness;
let page: Page;

beforeAll(async () => {
  harness = await startHarness();
  page = harness.page;
  mkdirSync(SCREENSHOTS, { recursive: true });
  // A second student, so that the search has something to filter out.
  expectOk(
    await harness.invoke('db:students:create', {
      body: { first_name: 'Liam', last_name: 'Chen', date_of_birth: '2005-02-11', phone: '647-555-0142', licence_class: 'G2' },
    }),
  );
  await harness.openApp();
});

afterAll(async () => {
  await harness?.close();
});

const rows = () => page.getByTestId('student-row');
const invoke = async <T>(channel: string, payload?: unknown): Promise<T> => expectOk(await harness.invoke<T>(channel, payload));
const row = (name: string) => rows().filter({ hasText: name });
const form = () => page.getByTestId('student-form');

async function studentNamed(lastName: string): Promise<Student> {
  const list = expectOk(await harness.invoke<StudentPage>('db:students:list', { q: lastName, include_archived: true }));
  const found = list.items.find((student) => student.last_name === lastName);
  if (!found) throw new Error(`no student ${lastName} in the backend`);
  return found;
}

describe('students, end to end in Chromium', () => {
  it('1. creates a student with a dashed licence number, after showing the licence format error', async () => {
    await page.getByTestId('new-student').click();
    await form().getByLabel('Legal first name').fill('Mara');
    await form().getByLabel('Legal last name').fill('Okafor');
    await form().getByLabel('Date of birth').fill('2004-07-19');
    await form().getByLabel('Phone').fill('416-555-0187');
    await form().getByLabel('Licence class').selectOption('G1');

    // A licence number the backend refuses: the error sits next to the field, with the format.
    await form().getByLabel('Licence number').fill('B1234-5678');
    await page.getByTestId('save-student').click();
    await expect.poll(() => page.getByTestId('field-error-licence_number').isVisible()).toBe(true);
    expect(await form().locator('#licence_number-hint').textContent()).toBe('Format: A1234-56789-01234');
    expect(await form().getByLabel('Licence number').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: join(SCREENSHOTS, 'students-form-error.png') });

    await form().getByLabel('Licence number').fill('B1234-56780-40719');
    await page.getByTestId('save-student').click();
    await form().waitFor({ state: 'detached' });
  });

  it('2. shows the soft licence warning after saving, without blocking the save', async () => {
    const notice = page.getByTestId('save-notice');
    await notice.waitFor();
    expect(await notice.getAttribute('class')).toContain('banner--warning');
    const warnings = page.getByTestId('save-warning');
    expect(await warnings.count()).toBe(1);
    expect(await warnings.first().getAttribute('data-code')).toBe('licence.surname_initial_mismatch');
    // The record was saved, normalised, and the table shows it dashed.
    await row('Okafor, Mara').waitFor();
    expect(await row('Okafor, Mara').locator('td.mono').textContent()).toBe('B1234-56780-40719');
    expect((await studentNamed('Okafor')).licence_number).toBe('B12345678040719');
    await page.screenshot({ path: join(SCREENSHOTS, 'students.png') });
  });

  it('3. finds the student by name and by licence number typed without dashes', async () => {
    expect(await rows().count()).toBe(2);
    const search = page.getByTestId('student-search');
    await search.fill('okaf');
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().textContent()).toContain('Okafor, Mara');

    await search.fill('B12345678040719');
    await expect.poll(() => rows().count()).toBe(1);
    await search.fill('Chen');
    await expect.poll(async () => (await rows().count()) === 1 && (await rows().first().textContent())?.includes('Chen, Liam')).toBe(true);
    await search.fill('Okafor');
    await expect.poll(() => rows().count()).toBe(1);
  });

  it('4. edits the student', async () => {
    await page.getByRole('button', { name: 'Edit Mara Okafor' }).click();
    expect(await form().getByLabel('Licence number').inputValue()).toBe('B1234-56780-40719');
    // The warning the record carries shows beside the licence field while editing.
    expect(await form().getByTestId('field-warning-licence_number').count()).toBe(1);
    await form().getByLabel('Phone').fill('905-555-0111');
    await page.getByTestId('save-student').click();
    await form().waitFor({ state: 'detached' });
    await expect.poll(() => row('Okafor, Mara').textContent()).toContain('905-555-0111');
    // The backend really holds it: read it back through the real handler, bridge and backend.
    const stored = expectOk(await harness.invoke<Student>('db:students:get', { student_id: (await studentNamed('Okafor')).id }));
    expect(stored.phone).toBe('905-555-0111');
    expect(stored.version).toBe(2);
    expect(existsSync(harness.dataDir)).toBe(true);
  });

  it('5. refuses a stale save with a version conflict and reloads the latest copy', async () => {
    await page.getByRole('button', { name: 'Edit Mara Okafor' }).click();
    await form().getByLabel('Phone').fill('289-555-0199');

    // Someone at another desk saves first, behind this form's back.
    const current = await studentNamed('Okafor');
    expectOk(
      await harness.invoke('db:students:update', {
        student_id: current.id,
        body: { version: current.version, notes: 'Moved lesson to Saturday (other desk)' },
      }),
    );

    await page.getByTestId('save-student').click();
    const conflict = page.getByTestId('version-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Someone else changed this student');
    expect(await conflict.locator('code').textContent()).toMatch(/[0-9a-f-]{36}/); // the request id, for support
    expect(await page.getByTestId('save-student').isDisabled()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'students-conflict.png') });
    // The stale write changed nothing.
    expect((await studentNamed('Okafor')).phone).toBe('905-555-0111');

    await page.getByTestId('reload-latest').click();
    await conflict.waitFor({ state: 'detached' });
    expect(await form().getByLabel('Notes').inputValue()).toBe('Moved lesson to Saturday (other desk)');
    expect(await form().getByLabel('Phone').inputValue()).toBe('905-555-0111');

    // Redo the change on top of the latest copy: now it saves.
    await form().getByLabel('Phone').fill('289-555-0199');
    await page.getByTestId('save-student').click();
    await form().waitFor({ state: 'detached' });
    const saved = await studentNamed('Okafor');
    expect(saved.phone).toBe('289-555-0199');
    expect(saved.notes).toBe('Moved lesson to Saturday (other desk)');
  });

  it('6. archives the student after a confirmation, and the student leaves the list', async () => {
    await page.getByRole('button', { name: 'Archive Mara Okafor' }).click();
    const dialog = page.getByTestId('archive-dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await row('Okafor, Mara').count()).toBe(1);

    await page.getByRole('button', { name: 'Archive Mara Okafor' }).click();
    await page.getByTestId('confirm-archive').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('empty-state').waitFor();
    expect(await row('Okafor, Mara').count()).toBe(0);
    expect((await studentNamed('Okafor')).archived_at).not.toBeNull();

    await page.getByTestId('student-search').fill('');
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().textContent()).toContain('Chen, Liam');
  });

  it('opens the new-student form from File → New student, whatever screen is showing', async () => {
    await page.getByTestId('nav-home').click();
    await harness.sendMenuCommand('new-student');
    await form().waitFor();
    expect(await page.getByRole('heading', { level: 1, name: 'Students', exact: true }).isVisible()).toBe(true);
    // The intent is used once: the address no longer asks for a form, so a reload opens none.
    expect(await page.evaluate(() => window.location.hash)).toBe('#students');
    await form().getByRole('button', { name: 'Cancel' }).click();
    await form().waitFor({ state: 'detached' });
  });

  it('opens the booking dialog from File → Book lesson', async () => {
    await harness.sendMenuCommand('book-lesson');
    await page.getByRole('heading', { level: 1, name: 'Calendar', exact: true }).waitFor();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('save-lesson').count()).toBe(1);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('nav-students').click();
    await page.getByRole('heading', { level: 1, name: 'Students', exact: true }).waitFor();
  });

  it('shows Diagnostics from Help → Diagnostics, with figures after a few calls', async () => {
    await harness.sendMenuCommand('diagnostics');
    await page.getByRole('heading', { level: 1, name: 'Diagnostics', exact: true }).waitFor();
    const mainFigures = page.getByTestId('diagnostics-main');
    await mainFigures.waitFor();
    // The screens above made many calls: the round-trip line shows a count and a median.
    expect(await mainFigures.textContent()).toMatch(/Calls to the background service\d+ · median \d+\.\d ms/);
    const backendFigures = await page.getByTestId('diagnostics-backend').textContent();
    expect(backendFigures).toContain('SQLite');
    expect(backendFigures).toMatch(/Database size\d+\.\d MB/);
    // No student's name: Okafor and Chen were on screen before.
    expect(`${await mainFigures.textContent()}${backendFigures}`).not.toMatch(/Okafor|Chen/);
    await page.screenshot({ path: join(SCREENSHOTS, 'diagnostics.png') });
    // The navigation stays, so the way back is one click.
    await page.getByTestId('nav-students').click();
    await page.getByRole('heading', { level: 1, name: 'Students', exact: true }).waitFor();
  });

  it('backs the school up from File → Back up now, into the folder picked, and shows it on Home', async () => {
    await page.getByTestId('nav-home').click();
    const card = page.getByTestId('dash-backups');
    await card.waitFor();
    expect(await card.getByTestId('backup-last').textContent()).toContain('No backup yet');
    await harness.sendMenuCommand('back-up');
    const result = card.getByTestId('backup-result');
    await result.waitFor();
    expect(await result.getAttribute('class')).toContain('banner--success');
    // The progress bar, fed by the backend's progress, ends full: every page copied, every check made.
    const bar = card.getByTestId('backup-progress');
    await expect.poll(() => bar.getAttribute('data-phase')).toBe('done');
    const track = bar.getByRole('progressbar');
    expect(Number(await track.getAttribute('aria-valuemax'))).toBeGreaterThan(1);
    expect(await track.getAttribute('aria-valuenow')).toBe(await track.getAttribute('aria-valuemax'));
    expect(await bar.textContent()).toContain('100%');
    const files = readdirSync(harness.savedDir).filter((name) => name.startsWith('odsm-backup-'));
    expect(files).toHaveLength(1);
    expect(await result.textContent()).toContain(files[0]);
    await expect.poll(() => card.getByTestId('backup-last').textContent()).toContain('Last backup today');
    expect(await card.getByTestId('backup-last').textContent()).toContain('audit log verified');
    await page.screenshot({ path: join(SCREENSHOTS, 'home-backup.png') });
    // The button does the same, into the kept folder, without asking again.
    await card.getByTestId('back-up-now').click();
    await expect.poll(() => readdirSync(harness.savedDir).filter((name) => name.startsWith('odsm-backup-')).length).toBe(2);
    // Export everything, from the same card: a zip of CSV files where the save dialog points.
    await card.getByTestId('export-all').click();
    await card.getByTestId('export-all-result').waitFor();
    expect(await card.getByTestId('export-all-result').textContent()).toMatch(/Exported [\d,]+ rows from \d+ tables\./);
    expect(readdirSync(harness.savedDir).filter((name) => name.endsWith('.zip'))).toEqual([expect.stringMatching(/^odsm-export-/)]);
    await page.getByTestId('nav-students').click();
    await page.getByRole('heading', { level: 1, name: 'Students', exact: true }).waitFor();
  });

  it('refuses a damaged backup by name, then restores the good one and shows the school as it was backed up', async () => {
    await page.getByTestId('nav-home').click();
    const card = page.getByTestId('dash-backups');
    await card.waitFor();
    const [good] = readdirSync(harness.savedDir).filter((name) => name.startsWith('odsm-backup-')).sort().reverse();
    const backedUp = (await invoke<{ total: number }>('db:students:list', { limit: 1 })).total;
    await invoke('db:students:create', { body: { first_name: 'Rosalind', last_name: 'Afterbackup', date_of_birth: '2007-05-05' } });

    // A copy damaged on the drive: every page after the schema overwritten.
    const damaged = join(harness.savedDir, 'damaged.sqlite3');
    const bytes = readFileSync(join(harness.savedDir, good!));
    for (let offset = 8192; offset < bytes.length; offset += 4096) bytes.fill(0xff, offset, offset + 16);
    writeFileSync(damaged, bytes);
    harness.dialogs.openAnswer = damaged;
    await harness.sendMenuCommand('restore');
    const dialog = page.getByTestId('restore-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('restore-choose').click();
    const error = dialog.getByTestId('restore-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('damaged');
    expect((await invoke<{ total: number }>('db:students:list', { limit: 1 })).total).toBe(backedUp + 1);
    await page.screenshot({ path: join(SCREENSHOTS, 'restore-refused.png') });

    harness.dialogs.openAnswer = join(harness.savedDir, good!);
    await dialog.getByTestId('restore-choose').click();
    await card.getByTestId('restore-result').waitFor();
    await dialog.waitFor({ state: 'detached' });
    expect((await invoke<{ total: number }>('db:students:list', { limit: 1 })).total).toBe(backedUp);
    await page.getByTestId('nav-students').click();
    await page.getByRole('heading', { level: 1, name: 'Students', exact: true }).waitFor();
    await page.getByTestId('student-search').fill('Afterbackup');
    await page.getByTestId('empty-state').waitFor();
    await page.getByTestId('student-search').fill('');
    // The chain, with the restore on record, verifies against main's anchor.
    expect(await invoke<{ ok: boolean }>('db:audit:verify', {})).toMatchObject({ ok: true });
  });

  it('shows the banner while the supervisor restarts a killed backend, and works again after', async () => {
    const banner = page.getByTestId('backend-status');
    const pid = harness.supervisor.pid();
    expect(pid).toBeTypeOf('number');
    process.kill(pid!, 'SIGKILL');
    await banner.waitFor();
    expect(await banner.getAttribute('data-state')).toBe('restarting');
    expect(await banner.textContent()).toContain('Reconnecting');
    await banner.waitFor({ state: 'detached', timeout: 30_000 });
    expect(harness.supervisor.pid()).not.toBe(pid);

    // Same SQLite file after the restart: the data is still there, through the UI.
    await page.getByTestId('student-search').fill('Chen');
    await expect.poll(() => rows().count()).toBe(1);
    await page.getByTestId('student-search').fill('');
  });

  it('shows a pushed "down" status with the details for support', async () => {
    await harness.pushStatus('down', { message: 'The backend could not open the database.', stderrTail: ['sqlite3.OperationalError: disk I/O error'] });
    const banner = page.getByTestId('backend-status');
    await banner.waitFor();
    expect(await banner.getAttribute('data-state')).toBe('down');
    expect(await banner.textContent()).toContain('disk I/O error');
    await harness.pushStatus('ready');
    await banner.waitFor({ state: 'detached' });
  });

  it('serves the app with the real protocol handler\'s CSP: no http, https or ws source to connect to', async () => {
    const response = await page.goto(`${APP_ORIGIN}/index.html`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    const connectSrc = csp.split(';').find((directive) => directive.trim().startsWith('connect-src')) ?? '';
    expect(connectSrc).not.toMatch(/https?:|wss?:/);
    // The meta tag in index.html says the same, for the dev server where no header is set.
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toContain("connect-src 'self'");
    expect(meta).not.toMatch(/connect-src[^;]*(https?:|wss?:)/);
    await page.getByRole('heading', { name: 'Students' }).waitFor();
  });

  it('refuses a call from a child frame (the real sender check sees the calling frame)', async () => {
    // frame-ancestors 'none' stops our own pages loading in a frame, so the child is an srcdoc frame.
    const answer = await page.evaluate(async () => {
      const frame = document.createElement('iframe');
      frame.srcdoc = '<p>child</p>';
      const loaded = new Promise((done) => frame.addEventListener('load', done, { once: true }));
      document.body.append(frame);
      await loaded;
      const child = frame.contentWindow as unknown as {
        odsm?: { students: { list(q: object): Promise<unknown> } };
        __odsmInvoke?: (channel: string, payload: unknown) => Promise<unknown>;
      };
      const result = child.odsm
        ? await child.odsm.students.list({})
        : await child.__odsmInvoke?.('db:students:list', {});
      frame.remove();
      return result;
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('sent nothing to the backend or anywhere else: only the static files of its own origin', () => {
    const { requests, blocked } = harness.network;
    expect(requests.length).toBeGreaterThan(0);
    expect(blocked).toEqual([]);
    for (const request of requests) {
      expect(new URL(request.url).origin).toBe(APP_ORIGIN);
      expect(request.method).toBe('GET');
      expect(request.url).not.toContain('/api/');
      expect(['document', 'script', 'stylesheet', 'image', 'font', 'other']).toContain(request.resourceType);
    }
  });
});
