// Importing from a school's spreadsheet, in Chromium through the real preload, bridge and backend:
// a 200-row CSV with 5 bad rows shows those 5 by row (as Excel numbers them) and field; a column the app did not
// recognise is mapped to the notes by keyboard (the preview checks again); the other 195 are imported with a
// progress bar that ends full, and a second import of the same file adds nobody. Then a file of instructors is
// imported from the Instructors screen (File → Import instructors).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './repo-root';
import { expectOk, startHarness, type Harness } from './harness';

const SCREENSHOTS = join(repoRoot, 'test-results/e2e');
const BAD: Record<number, [column: number, cell: string]> = { 7: [1, ''], 23: [2, '31-31-2008'], 61: [4, 'not-an-email'], 118: [5, '12345'], 190: [2, '1850-01-01'] };

let harness: Harness;
let page: Page;
let csv: string;

function spreadsheet(): string {
  const lines = ['First Name,Last Name,Date of Birth,Phone,E-mail,Licence #,Remarks'];
  for (let n = 1; n <= 200; n += 1) {
    const dob = new Date(Date.UTC(2006, 0, 1 + n * 3)).toISOString().slice(0, 10);
    const row = [`Student${n}`, `Family${String(n).padStart(5, '0')}`, dob, `416-555-${String(n).padStart(4, '0')}`, `s${n}@example.com`, '', `From the old list: line ${n}`];
    const bad = BAD[n];
    if (bad) row[bad[0]] = bad[1];
    lines.push(row.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

const total = async () => expectOk(await harness.invoke<{ total: number }>('db:students:list', { limit: 1 })).total;

beforeAll(async () => {
  harness = await startHarness();
  page = harness.page;
  mkdirSync(SCREENSHOTS, { recursive: true });
  csv = join(harness.savedDir, 'students-from-the-old-spreadsheet.csv');
  writeFileSync(csv, spreadsheet());
  await harness.openApp();
});

afterAll(async () => {
  await harness?.close();
});

describe('importing students from a spreadsheet', () => {
  it('names the 5 bad rows, imports the other 195, and adds nobody the second time', async () => {
    harness.dialogs.openAnswer = csv;
    await page.getByTestId('import-students').click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.waitFor();
    const problems = dialog.getByTestId('import-problem');
    await expect.poll(() => problems.count()).toBe(5);
    const rows = (await problems.allTextContents()).map((text) => Number(/^\d+/.exec(text)?.[0]));
    // Rows as Excel numbers them: the headings are row 1, so the nth student is row n + 1.
    expect(rows).toEqual([8, 24, 62, 119, 191]);
    expect(await problems.first().textContent()).toContain('Last name');
    const licence = dialog.getByRole('combobox', { name: 'Field for the column “Licence #”' });
    expect(await licence.inputValue()).toBe('licence_number');
    // "Remarks" is no heading the app knows: left out, until the desk maps it to the notes, by keyboard alone.
    const remarks = dialog.getByRole('combobox', { name: 'Field for the column “Remarks”' });
    expect(await remarks.inputValue()).toBe('');
    await licence.focus();
    await page.keyboard.press('Tab');
    expect(await remarks.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type('Notes');
    await expect.poll(() => remarks.inputValue()).toBe('notes');
    // The preview checked the rows again with the new mapping: the same 5 problems, and still nothing saved.
    await expect.poll(() => dialog.getByText('Checking the rows with these columns…').count()).toBe(0);
    expect(await problems.count()).toBe(5);
    await page.screenshot({ path: join(SCREENSHOTS, 'import-preview.png') });
    expect(await total()).toBe(0);

    await dialog.getByTestId('import-run').click();
    const result = dialog.getByTestId('import-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('Imported 195 students.');
    expect(await total()).toBe(195);
    // The progress bar ends full, with the count.
    const bar = dialog.getByRole('progressbar');
    expect([await bar.getAttribute('aria-valuenow'), await bar.getAttribute('aria-valuemax')]).toEqual(['200', '200']);
    expect(await dialog.getByTestId('import-progress').textContent()).toContain('200 of 200 rows');
    const first = expectOk(await harness.invoke<{ items: { notes: string | null }[] }>('db:students:list', { q: 'Family00001' }));
    expect(first.items.map((student) => student.notes)).toEqual(['From the old list: line 1']);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => page.getByRole('heading', { level: 1, name: 'Students', exact: true }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('195 active students').count()).toBe(1);

    // The same file again, from File → Import students.
    await harness.sendMenuCommand('import-students');
    await dialog.waitFor();
    await dialog.getByTestId('import-run').click();
    await dialog.getByTestId('import-result').waitFor();
    expect(await dialog.getByTestId('import-result').textContent()).toContain('Imported 0 students. 195 students already on file were skipped.');
    expect(await total()).toBe(195);
  });

  it('shows the progress bar while a larger import runs', async () => {
    await page.keyboard.press('Escape');
    const many = join(harness.savedDir, 'the-big-list.csv');
    // Large enough to take a few of the bar's 250 ms polls even on a quiet machine.
    const rows = Array.from({ length: 10_000 }, (_, i) => `Big${i},Bigfamily${String(i).padStart(5, '0')},2001-01-01`);
    writeFileSync(many, `First,Last,DOB\r\n${rows.join('\r\n')}\r\n`);
    harness.dialogs.openAnswer = many;
    await page.getByTestId('import-students').click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.waitFor();
    // Watched from before the click, so a bar shown for a moment still counts: seen while the import runs
    // (before the result), as the backend counts the rows.
    await page.evaluate(() => {
      const w = window as unknown as { __barSeen: boolean };
      w.__barSeen = false;
      const seen = () => document.querySelector('[data-testid="import-progress"]:not([data-phase="done"]) [role="progressbar"]') !== null && document.querySelector('[data-testid="import-result"]') === null;
      new MutationObserver(() => {
        if (seen()) w.__barSeen = true;
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await dialog.getByTestId('import-run').click();
    await dialog.getByTestId('import-result').waitFor({ timeout: 120_000 });
    expect(await page.evaluate(() => (window as unknown as { __barSeen: boolean }).__barSeen)).toBe(true);
    expect(await dialog.getByTestId('import-result').textContent()).toContain('Imported 10,000 students.');
    expect(await total()).toBe(10_195);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('imports a file of instructors from the Instructors screen, once', async () => {
    const file = join(harness.savedDir, 'instructors.csv');
    writeFileSync(file, 'First Name,Last Name,DI Licence #,DI Licence Expiry,Classroom\r\nGrace,Hopper,DI-1001,2029-03-31,yes\r\nAlan,Turing,DI-1002,31/03/2030,no\r\n');
    harness.dialogs.openAnswer = file;
    await harness.sendMenuCommand('import-instructors');
    const dialog = page.getByTestId('import-dialog');
    await dialog.waitFor();
    await expect.poll(async () => page.getByRole('heading', { level: 1, name: 'Instructors', exact: true }).isVisible()).toBe(true);
    expect(await dialog.getByRole('heading', { level: 2 }).textContent()).toBe('Import instructors from instructors.csv');
    const problems = dialog.getByTestId('import-problem');
    expect(await problems.allTextContents()).toEqual([expect.stringMatching(/^3DI licence expiry/)]);
    await dialog.getByTestId('import-run').click();
    await dialog.getByTestId('import-result').waitFor();
    expect(await dialog.getByTestId('import-result').textContent()).toContain('Imported 1 instructor.');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.getByTestId('instructor-row').count()).toBe(1);
    expect(await page.getByTestId('instructor-row').textContent()).toContain('Hopper, Grace');

    harness.dialogs.openAnswer = file;
    await page.getByTestId('import-instructors').click();
    await dialog.waitFor();
    await dialog.getByTestId('import-run').click();
    await dialog.getByTestId('import-result').waitFor();
    expect(await dialog.getByTestId('import-result').textContent()).toContain('Imported 0 instructors. 1 instructor already on file was skipped.');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.screenshot({ path: join(SCREENSHOTS, 'import-instructors.png') });
    await harness.openApp(page, 'students');
  });

  it('says plainly when the file is not a spreadsheet, and imports nothing', async () => {
    await page.keyboard.press('Escape');
    const pdf = join(harness.savedDir, 'scan.pdf');
    writeFileSync(pdf, '%PDF-1.4');
    harness.dialogs.openAnswer = pdf;
    await page.getByTestId('import-students').click();
    const error = page.getByTestId('import-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('.csv or .xlsx');
    expect(await total()).toBe(10_195);
  });
});
