// Paging and debounced search against a real backend with more students than one page holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, startHarness, type Harness } from './harness';

const STUDENTS = 30; // the screen shows 25 a page

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
  for (let i = 1; i <= STUDENTS; i += 1) {
    const n = String(i).padStart(2, '0');
    expectOk(
      await harness.invoke('db:students:create', {
        body: { first_name: `Student${n}`, last_name: `Pager${n}`, date_of_birth: '2005-01-15', phone: `416-555-01${n}` },
      }),
    );
  }
  await harness.openApp();
});

afterAll(async () => {
  await harness?.close();
});

describe('student list paging', () => {
  it('shows 25 per page and moves between pages', async () => {
    const { page } = harness;
    const rows = page.getByTestId('student-row');
    const summary = page.getByTestId('pagination-summary');
    await expect.poll(() => rows.count()).toBe(25);
    expect(await summary.textContent()).toBe(`Showing 1–25 of ${STUDENTS}`);

    await page.getByRole('button', { name: 'Next ›' }).click();
    await expect.poll(() => summary.textContent()).toBe(`Showing 26–${STUDENTS} of ${STUDENTS}`);
    expect(await rows.count()).toBe(STUDENTS - 25);
    expect(await page.getByRole('button', { name: 'Next ›' }).isDisabled()).toBe(true);

    // A new search starts again at the first page.
    await page.getByTestId('student-search').fill('416-555-0107');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Pager07, Student07');
    expect(await summary.textContent()).toBe('Showing 1–1 of 1');
  });

  it('queries once the typing stops, not on every key', async () => {
    const { page } = harness;
    const before = listCalls(harness);
    await page.getByTestId('student-search').fill('');
    await page.getByTestId('student-search').pressSequentially('Pager1', { delay: 40 });
    await expect.poll(() => page.getByTestId('student-row').count()).toBe(10);
    // One list call for the cleared box at most, and one for "Pager1": never one per key.
    expect(listCalls(harness) - before).toBeLessThanOrEqual(2);
  });
});

function listCalls(h: Harness): number {
  return h.ipcCalls.filter((call) => call.channel === 'db:students:list').length;
}
