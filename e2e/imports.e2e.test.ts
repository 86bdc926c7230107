// Importing students from a school's spreadsheet, in Chromium through the real preload, bridge and backend:
// a 200-row CSV with 5 bad rows shows those 5 by row (as Excel numbers them) and field, imports the other 195, and a second
// import of the same file adds nobody.
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
  const lines = ['First Name,Last Name,Date of Birth,Phone,E-mail,Licence #'];
  for (let n = 1; n <= 200; n += 1) {
    const dob = new Date(Date.UTC(2006, 0, 1 + n * 3)).toISOString().slice(0, 10);
    const row = [`Student${n}`, `Family${String(n).padStart(5, '0')}`, dob, `416-555-${String(n).padStart(4, '0')}`, `s${n}@example.com`, ''];
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
    expect(await dialog.getByTestId('import-mapping').textContent()).toContain('Licence #Licence number');
    await page.screenshot({ path: join(SCREENSHOTS, 'import-preview.png') });
    expect(await total()).toBe(0);

    await dialog.getByTestId('import-run').click();
    const result = dialog.getByTestId('import-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('Imported 195 students.');
    expect(await total()).toBe(195);
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

  it('says plainly when the file is not a spreadsheet, and imports nothing', async () => {
    await page.keyboard.press('Escape');
    const pdf = join(harness.savedDir, 'scan.pdf');
    writeFileSync(pdf, '%PDF-1.4');
    harness.dialogs.openAnswer = pdf;
    await page.getByTestId('import-students').click();
    const error = page.getByTestId('import-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('.csv or .xlsx');
    expect(await total()).toBe(195);
  });
});
