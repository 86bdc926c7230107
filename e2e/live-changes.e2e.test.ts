// Live between windows: a save made elsewhere (here through main's bridge, as another window's save is)
// shows in an open Students list at once, with no reload. Built renderer in Chromium, the real preload,
// main's change-stream follower, the real backend and its SQLite file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectOk, startHarness, type Harness } from './harness';

let harness: Harness;
let other: Page;

beforeAll(async () => {
  harness = await startHarness();
  await harness.openApp();
  other = await harness.context.newPage();
  await harness.openApp(other);
});

afterAll(async () => {
  await harness?.close();
});

describe('changes live between windows', () => {
  it('shows a student saved elsewhere in every open Students list, without reloading the page', async () => {
    const pages = [harness.page, other];
    // A mark on each page that a reload would wipe.
    for (const page of pages) await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
    expectOk(
      await harness.invoke('db:students:create', {
        body: { first_name: 'Noor', last_name: 'Haddad', date_of_birth: '2006-05-20', phone: '905-555-0177', licence_class: 'G1' },
      }),
    );
    for (const page of pages) {
      await page.getByTestId('student-row').filter({ hasText: 'Haddad' }).waitFor();
      expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
    }
  });
});
